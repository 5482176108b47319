int retry(int n)
{
    int tries = 0;
    if (n > 3)
        goto done;
    else {
again:
        tries++;
    }
    if (tries < n)
        goto again;
done:
    return tries;
}
