/* Exercises: typedef chains (typedef of typedef), function-pointer typedefs
   returning function pointers, typedef'd struct pointers, const typedefs,
   self-referential struct linked through a typedef'd pointer. */
#include <stdio.h>

typedef int i32;
typedef i32 score_t;
typedef const score_t cscore_t;
typedef score_t (*scorer)(score_t);
typedef scorer scorer_alias;
typedef scorer_alias (*picker)(int);

typedef struct player player;
typedef player *player_ptr;
typedef player_ptr player_handle;

struct player {
    score_t score;
    scorer_alias rule;
    player_handle next;
};

static score_t dbl(score_t s) { return s * 2; }
static score_t inc(score_t s) { return s + 1; }
static score_t sq(score_t s) { return s * s; }

static scorer_alias pick(int k)
{
    return k == 0 ? dbl : k == 1 ? inc : sq;
}

static score_t run(player_handle h, int rounds)
{
    score_t total = 0;
    for (int r = 0; r < rounds; r++)
        for (player_ptr p = h; p != 0; p = p->next) {
            p->score = p->rule(p->score) % 1000;
            total += p->score;
        }
    return total;
}

int main(void)
{
    picker choose = pick;
    cscore_t start = 3;
    player c = { start, choose(2), 0 };
    player b = { start + 1, choose(1), &c };
    player a = { start + 2, (*choose)(0), &b };
    player_handle head = &a;
    score_t t = run(head, 4);
    printf("a=%d b=%d c=%d total=%d\n", a.score, b.score, c.score, t);
    return t > 0 ? 0 : 1;
}
