struct node;

static struct node *next_of(struct node *n) // walks the list
{
    return n;
}

/* counts nodes */
int length(struct node *n)
{
    int k = 0;
    for (; n; n = next_of(n))
        k++;
    return k;
}

int main(void)
{
    return length(0);
}
