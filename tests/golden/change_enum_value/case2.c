enum color { RED, GREEN = 4, BLUE, NCOLORS };

static const char *names[NCOLORS];

const char *name(enum color c)
{
    switch (c) {
    case RED: return "red";
    case GREEN: return "green";
    case BLUE: return "blue";
    default: return names[0];
    }
}
