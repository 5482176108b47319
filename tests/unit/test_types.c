/*
 * test_types.c - unit tests of type classification and the declarator
 * printer: every declaration below is re-printed from its CXType and must
 * come back as written (modulo spacing conventions of the printer).
 */
#include "harness.h"

static const char *SRC =
    "typedef unsigned long ulong_t;\n"
    "typedef ulong_t size2_t;\n"
    "struct S { int a; };\n"
    "union U { int i; float f; };\n"
    "enum E { E0, E1 };\n"
    "int i1;\n"
    "int (*pa)[3];\n"
    "int *ap[3];\n"
    "int m2[2][3];\n"
    "void (*fp)(int, ...);\n"
    "int (*(*fpp)(void))(int);\n"
    "const char *const cs = 0;\n"
    "volatile int *restrict vr;\n"
    "struct S s1;\n"
    "struct S *sp;\n"
    "union U u1;\n"
    "enum E e1;\n"
    "size2_t sz;\n"
    "size2_t *szp;\n"
    "double d1;\n"
    "_Bool b1;\n"
    "char **argvv;\n"
    "int (*fparr[4])(char *);\n"
    "struct { int x; } anon;\n";

static void check_decl(t_env *e, const char *name, const char *expect)
{
    const ms_node *n = t_decl(e, name);
    CHECK(n != NULL);
    if (!n)
        return;
    const char *got = ms_declarator(&e->ctx, clang_getCursorType(n->cursor), name);
    if (!expect) {
        CHECK(got == NULL);
        return;
    }
    CHECK_STR(got, expect);
}

static void unit_should_print_declarators(void)
{
    t_env e;
    t_open(&e, SRC);
    check_decl(&e, "i1", "int i1");
    check_decl(&e, "pa", "int (*pa)[3]");
    check_decl(&e, "ap", "int *ap[3]");
    check_decl(&e, "m2", "int m2[2][3]");
    check_decl(&e, "fp", "void (*fp)(int, ...)");
    check_decl(&e, "fpp", "int (*(*fpp)(void))(int)");
    check_decl(&e, "cs", "const char *const cs");
    check_decl(&e, "vr", "volatile int *restrict vr");
    check_decl(&e, "s1", "struct S s1");
    check_decl(&e, "sp", "struct S *sp");
    check_decl(&e, "u1", "union U u1");
    check_decl(&e, "e1", "enum E e1");
    check_decl(&e, "sz", "size2_t sz");
    check_decl(&e, "szp", "size2_t *szp");
    check_decl(&e, "argvv", "char **argvv");
    check_decl(&e, "fparr", "int (*fparr[4])(char *)");
    check_decl(&e, "anon", NULL); /* anonymous struct: cannot be spelled */
    /* abstract declarators, as in a cast */
    CHECK_STR(ms_type_name(&e.ctx, clang_getCursorType(t_decl(&e, "pa")->cursor)), "int (*)[3]");
    CHECK_STR(ms_type_name(&e.ctx, clang_getCursorType(t_decl(&e, "fp")->cursor)),
              "void (*)(int, ...)");
    t_close(&e);
}

static void unit_should_classify_types(void)
{
    t_env e;
    t_open(&e, SRC);
    struct {
        const char *name;
        ms_tclass cls;
        int is_unsigned;
    } cases[] = {
        {"i1", MS_T_INT, 0},    {"sz", MS_T_INT, 1},     {"b1", MS_T_INT, 1},
        {"d1", MS_T_FLOAT, 0},  {"e1", MS_T_ENUM, 0},    {"sp", MS_T_POINTER, 0},
        {"fp", MS_T_FUNCPTR, 0}, {"m2", MS_T_ARRAY, 0},  {"s1", MS_T_RECORD, 0},
        {"u1", MS_T_RECORD, 0}, {"fparr", MS_T_ARRAY, 0}, {"cs", MS_T_POINTER, 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        CXType t = clang_getCursorType(t_decl(&e, cases[i].name)->cursor);
        CHECK(ms_classify(t) == cases[i].cls);
        CHECK(ms_is_unsigned(t) == cases[i].is_unsigned);
    }
    CHECK(ms_is_scalar(clang_getCursorType(t_decl(&e, "sp")->cursor)));
    CHECK(!ms_is_scalar(clang_getCursorType(t_decl(&e, "s1")->cursor)));
    /* fpp is a variable: its result type is invalid and classifies as other */
    CHECK(ms_classify(clang_getCursorResultType(t_decl(&e, "fpp")->cursor)) == MS_T_OTHER);
    t_close(&e);
}

static void unit_should_print_declarators_that_compile(void)
{
    /* round trip: declare a new variable with each printed declarator */
    t_env e;
    t_open(&e, SRC);
    const char *names[] = {"pa", "ap", "m2", "fp", "fpp", "vr", "s1", "sz", "fparr", "argvv"};
    size_t len;
    const char *src = ms_source(&e.ctx, &len);
    char *prog = ms_strdup(&e.ctx, src);
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        const ms_node *n = t_decl(&e, names[i]);
        char *copy = ms_printf(&e.ctx, "copy_%zu", i);
        prog = ms_printf(&e.ctx, "%s%s;\n", prog, ms_declarator(&e.ctx, clang_getCursorType(n->cursor), copy));
    }
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        prog = ms_printf(&e.ctx, "%s_Static_assert(__builtin_types_compatible_p(__typeof__(copy_%zu), __typeof__(%s)), \"%s\");\n",
                         prog, i, names[i], names[i]);
    CHECK(ms_syntax_ok(prog, strlen(prog), NULL) == 1);
    t_close(&e);
}

int main(void)
{
    RUN(unit_should_print_declarators);
    RUN(unit_should_classify_types);
    RUN(unit_should_print_declarators_that_compile);
    FINISH();
}
