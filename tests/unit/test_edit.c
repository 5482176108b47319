/*
 * test_edit.c - unit tests of the edit queue: replacements, insertions,
 * removals, refusal of overlapping edits, order of insertions at one offset,
 * and back-to-front application.
 */
#include "harness.h"

static const char *SRC = "int f(int a, int b) { return a + b; }\n";

static void unit_should_apply_replace_insert_remove(void)
{
    t_env e;
    t_open(&e, SRC);
    const char *s = e.u->src;
    unsigned plus = (unsigned)(strchr(s, '+') - s);
    unsigned ret = (unsigned)(strstr(s, "return") - s);
    CHECK(ms_replace(&e.ctx, plus, plus + 1, "*") == MS_MUTATED);
    CHECK(ms_insert(&e.ctx, ret, "a++; ") == MS_MUTATED);
    CHECK(ms_remove(&e.ctx, 0, 4) == MS_MUTATED); /* "int " */
    char *out = t_apply(&e);
    CHECK_STR(out, "f(int a, int b) { a++; return a * b; }\n");
    free(out);
    t_close(&e);
}

static void unit_should_refuse_overlapping_edits(void)
{
    t_env e;
    t_open(&e, SRC);
    CHECK(ms_replace(&e.ctx, 10, 20, "x") == MS_MUTATED);
    CHECK(ms_replace(&e.ctx, 15, 25, "y") == MS_ERROR); /* overlaps the end */
    CHECK(ms_replace(&e.ctx, 5, 11, "y") == MS_ERROR);  /* overlaps the start */
    CHECK(ms_replace(&e.ctx, 12, 13, "y") == MS_ERROR); /* inside */
    CHECK(ms_replace(&e.ctx, 5, 30, "y") == MS_ERROR);  /* around */
    CHECK(ms_insert(&e.ctx, 15, "y") == MS_ERROR);      /* insertion inside */
    CHECK(ms_insert(&e.ctx, 10, "<") == MS_MUTATED);    /* at the boundaries: fine */
    CHECK(ms_insert(&e.ctx, 20, ">") == MS_MUTATED);
    CHECK(ms_replace(&e.ctx, 20, 22, "z") == MS_MUTATED); /* adjacent: fine */
    CHECK(ms_replace(&e.ctx, 0, 1000, "z") == MS_ERROR);  /* out of range */
    CHECK(ms_replace(&e.ctx, 7, 6, "z") == MS_ERROR);     /* reversed */
    CHECK(e.ctx.nedits == 4);
    t_close(&e);
}

static void unit_should_keep_queue_order_of_insertions_at_one_offset(void)
{
    t_env e;
    t_open(&e, SRC);
    CHECK(ms_replace(&e.ctx, 0, 3, "long") == MS_MUTATED);
    CHECK(ms_insert(&e.ctx, 0, "A ") == MS_MUTATED);
    CHECK(ms_insert(&e.ctx, 0, "B ") == MS_MUTATED);
    char *out = t_apply(&e);
    CHECK(out && strncmp(out, "A B long f(", 11) == 0);
    free(out);
    t_close(&e);
}

static void unit_should_apply_many_edits_back_to_front(void)
{
    /* replace every identifier 'a' by a longer and 'b' by a shorter text */
    t_env e;
    t_open(&e, "int g(int a, int bb) { return a * bb + a - bb; }");
    const char *s = e.u->src;
    for (const char *p = s; *p; p++) {
        if (*p == 'a' && !(p[1] >= 'a' && p[1] <= 'z') && p[-1] == ' ')
            CHECK(ms_replace(&e.ctx, (unsigned)(p - s), (unsigned)(p - s) + 1, "alpha") ==
                  MS_MUTATED);
        if (p[0] == 'b' && p[1] == 'b') {
            CHECK(ms_replace(&e.ctx, (unsigned)(p - s), (unsigned)(p - s) + 2, "b") ==
                  MS_MUTATED);
            p++;
        }
    }
    char *out = t_apply(&e);
    CHECK_STR(out, "int g(int alpha, int b) { return alpha * b + alpha - b; }");
    free(out);
    t_close(&e);
}

static void unit_should_insert_declarations_in_function_and_at_top_level(void)
{
    t_env e;
    t_open(&e, "int x;\nint f(void) { return x; }\n");
    const ms_node *ret = t_nth(&e, CXCursor_ReturnStmt, 0);
    const ms_node *fn = ms_enclosing_function(&e.ctx, ret);
    CHECK(fn && fn->kind == CXCursor_FunctionDecl);
    CHECK(ms_insert_decl_in_function(&e.ctx, fn, "int y = 1;") == MS_MUTATED);
    CHECK(ms_insert_before_toplevel(&e.ctx, ret, "static int z;") == MS_MUTATED);
    char *out = t_apply(&e);
    CHECK_STR(out, "int x;\nstatic int z;\nint f(void) {\nint y = 1;\n return x; }\n");
    free(out);
    t_close(&e);
}

int main(void)
{
    RUN(unit_should_apply_replace_insert_remove);
    RUN(unit_should_refuse_overlapping_edits);
    RUN(unit_should_keep_queue_order_of_insertions_at_one_offset);
    RUN(unit_should_apply_many_edits_back_to_front);
    RUN(unit_should_insert_declarations_in_function_and_at_top_level);
    FINISH();
}
