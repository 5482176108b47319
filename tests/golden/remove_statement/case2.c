int retry(int n)
{
    int r = 0;
again:
    r++;
    if (r < n)
        goto again;
    switch (r) {
    case 3:
        r = 0;
        break;
    }
    return r;
}
