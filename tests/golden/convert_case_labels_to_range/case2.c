enum rank { TEN = 10, JACK, QUEEN, KING, ACE };
int points(enum rank r)
{
    switch (r) {
    case KING: case QUEEN: /* faces */ case JACK:
        return 10;
    case 'a': case 'c': case 'b': case 'e':
        return 1;
    default:
        return (int)r;
    }
}
