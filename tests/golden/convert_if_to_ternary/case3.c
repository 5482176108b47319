struct acc { long sum; int errs; };
void add(struct acc *a, int e, long v)
{
    if (e) a->errs++; else a->sum += v;
}
