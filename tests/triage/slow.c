/* FAKE_SLOW_MARKER: takes a while but finishes: a "hang" only under the
 * campaign's short limit */
int slow(int n)
{
    int s = 0;
    for (int i = 0; i < n; i++)
        s += i;
    return s;
}
