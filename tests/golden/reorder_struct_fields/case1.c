struct rec {
    char tag;
    int id;
    double weight;
};

static struct rec r = {.id = 3, .tag = 'a'};

int id_of(void)
{
    return r.id + r.tag;
}
