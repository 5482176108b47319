/* Exercises: enums with explicit and implicit values, negative enumerators,
   enum used as array size and index, switch over an enum with default, enum
   conversions to int. */
#include <stdio.h>

enum suit { CLUBS = 1, DIAMONDS, HEARTS = 10, SPADES };
enum rank { TWO = 2, TEN = 10, JACK, QUEEN, KING, ACE, RANK_COUNT = ACE - TWO + 1 };
enum sign_e { MINUS = -1, ZERO, PLUS };

struct card { enum rank r; enum suit s; };

static int points(struct card c)
{
    switch (c.r) {
    case ACE:
        return 11;
    case KING:
    case QUEEN:
    case JACK:
        return 10;
    default:
        return (int)c.r;
    }
}

static const char *suit_name(enum suit s)
{
    switch (s) {
    case CLUBS: return "clubs";
    case DIAMONDS: return "diamonds";
    case HEARTS: return "hearts";
    case SPADES: return "spades";
    }
    return "?";
}

int main(void)
{
    int hist[RANK_COUNT] = { 0 };
    struct card hand[] = {
        { ACE, SPADES }, { KING, HEARTS }, { (enum rank)7, DIAMONDS }, { TWO, CLUBS },
        { JACK, SPADES },
    };
    int total = 0;
    enum sign_e sg = ZERO;
    for (unsigned i = 0; i < sizeof hand / sizeof hand[0]; i++) {
        total += points(hand[i]);
        hist[hand[i].r - TWO]++;
        printf("%s ", suit_name(hand[i].s));
    }
    sg = total > 21 ? PLUS : total < 21 ? MINUS : ZERO;
    printf("\ntotal=%d sign=%d count=%d spades=%d\n", total, (int)sg, RANK_COUNT, SPADES);
    return (total == 40 && sg == PLUS && RANK_COUNT == 13 && hist[ACE - TWO] == 1) ? 0 : 1;
}
