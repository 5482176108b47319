struct flags {
    unsigned mode : 3;
    unsigned level : 5;
    _Bool on : 1;
};

int pack(struct flags f)
{
    return f.mode | f.level << 3 | f.on << 8;
}
