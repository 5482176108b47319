/*
 * test_ast.c - unit tests of the flattened AST and the node helpers: byte
 * offsets with UTF-8 and CRLF input, macro detection, the operator helper,
 * enclosing function / compound / statement, statement ends, fresh names, and
 * the statement helpers of stmt.c (headers, positions, jump targets), and
 * the declaration facts of refs.c (address taken, name offset, declarations
 * and references of an entity) and ms_find's index.
 */
#include "harness.h"

static void unit_should_give_byte_offsets_after_utf8_text(void)
{
    t_env e;
    /* the comment and string hold multi-byte UTF-8: offsets are bytes */
    t_open(&e, "/* h\xc3\xa9llo \xe2\x82\xac */ const char *s = \"\xc3\xbc\xc3\xbc\";\n"
               "int f(int a, int b) { return a - b; }\n");
    const ms_node *bin = t_nth(&e, CXCursor_BinaryOperator, 0);
    CHECK(bin != NULL);
    CHECK_STR(ms_text(&e.ctx, bin), "a - b");
    const ms_node *str = t_nth(&e, CXCursor_StringLiteral, 0);
    CHECK_STR(ms_text(&e.ctx, str), "\"\xc3\xbc\xc3\xbc\"");
    t_close(&e);
}

static void unit_should_give_byte_offsets_with_crlf_lines(void)
{
    t_env e;
    t_open(&e, "int g;\r\nint f(int a)\r\n{\r\n  int x = a << 2;\r\n  return x;\r\n}\r\n");
    const ms_node *bin = t_nth(&e, CXCursor_BinaryOperator, 0);
    CHECK_STR(ms_text(&e.ctx, bin), "a << 2");
    ms_op op;
    CHECK(ms_operator(&e.ctx, bin, &op) == 0);
    CHECK_STR(op.spelling, "<<");
    CHECK(strncmp(e.u->src + op.begin, "<<", 2) == 0);
    const ms_node *ret = t_nth(&e, CXCursor_ReturnStmt, 0);
    CHECK_STR(ms_text_range(&e.ctx, ret->begin, ms_stmt_end(&e.ctx, ret)), "return x;");
    t_close(&e);
}

static void unit_should_mark_macro_expanded_nodes(void)
{
    t_env e;
    t_open(&e, "#define NEG(x) (-(x))\n#define ONE 1\n"
               "int f(int y) { int z = NEG(y) + ONE; return z * 2; }\n");
    const ms_node *plus = t_nth(&e, CXCursor_BinaryOperator, 0);
    const ms_node *times = t_nth(&e, CXCursor_BinaryOperator, 1);
    const ms_node *unary = t_nth(&e, CXCursor_UnaryOperator, 0);
    const ms_node *one = t_nth(&e, CXCursor_IntegerLiteral, 0);
    CHECK(plus && ms_editable(&e.ctx, plus)); /* contains whole macro calls */
    CHECK_STR(ms_text(&e.ctx, plus), "NEG(y) + ONE");
    CHECK(unary && !ms_editable(&e.ctx, unary)); /* inside NEG's body */
    CHECK(one && !ms_editable(&e.ctx, one));     /* is the ONE expansion */
    CHECK(times && ms_editable(&e.ctx, times));
    /* collecting skips macro nodes */
    const ms_node **v;
    int n = ms_collect_kind(&e.ctx, CXCursor_UnaryOperator, &v);
    CHECK(n == 0);
    n = ms_collect_kind(&e.ctx, CXCursor_BinaryOperator, &v);
    CHECK(n == 2);
    t_close(&e);
}

static void unit_should_find_operators(void)
{
    t_env e;
    t_open(&e, "#define L(a) (a)\n"
               "int f(int a, int b, int *p) {\n"
               "  a <<= b; a++; --b; a = -b; a = a>=b; a = L(a) % b;\n"
               "  a = (a + b) * (a - b); a = !a; a = p[0] != b; return a; }\n");
    struct {
        enum CXCursorKind kind;
        int nth;
        const char *spelling;
        int postfix;
    } cases[] = {
        {CXCursor_CompoundAssignOperator, 0, "<<=", 0},
        {CXCursor_UnaryOperator, 0, "++", 1},
        {CXCursor_UnaryOperator, 1, "--", 0},
        {CXCursor_UnaryOperator, 2, "-", 0},
        {CXCursor_BinaryOperator, 0, "=", 0},
        {CXCursor_BinaryOperator, 2, ">=", 0},
        {CXCursor_BinaryOperator, 4, "%", 0}, /* LHS is a macro call */
        {CXCursor_BinaryOperator, 6, "*", 0}, /* operands are parenthesised */
        {CXCursor_BinaryOperator, 7, "+", 0},
        {CXCursor_UnaryOperator, 3, "!", 0},
        {CXCursor_BinaryOperator, 11, "!=", 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const ms_node *n = t_nth(&e, cases[i].kind, cases[i].nth);
        ms_op op;
        CHECK(n && ms_operator(&e.ctx, n, &op) == 0);
        if (!n)
            continue;
        CHECK_STR(op.spelling, cases[i].spelling);
        CHECK(op.postfix == cases[i].postfix);
        CHECK(op.end - op.begin == strlen(cases[i].spelling) &&
              strncmp(e.u->src + op.begin, cases[i].spelling, op.end - op.begin) == 0);
    }
    /* not an operator node */
    ms_op op;
    CHECK(ms_operator(&e.ctx, t_nth(&e, CXCursor_ReturnStmt, 0), &op) == -1);
    t_close(&e);
}

static void unit_should_find_enclosing_structure(void)
{
    t_env e;
    t_open(&e, "int f(int a) {\n  if (a) {\n    a = a + 1;\n  }\n  return a;\n}\n");
    const ms_node *plus = t_nth(&e, CXCursor_BinaryOperator, 1);
    CHECK_STR(ms_text(&e.ctx, plus), "a + 1");
    const ms_node *fn = ms_enclosing_function(&e.ctx, plus);
    CHECK(fn && fn->kind == CXCursor_FunctionDecl);
    const ms_node *cs = ms_enclosing_compound(&e.ctx, plus);
    CHECK_STR(ms_text(&e.ctx, cs), "{\n    a = a + 1;\n  }");
    const ms_node *st = ms_enclosing_statement(&e.ctx, plus);
    CHECK_STR(ms_text_range(&e.ctx, st->begin, ms_stmt_end(&e.ctx, st)), "a = a + 1;");
    const ms_node *ifs = t_nth(&e, CXCursor_IfStmt, 0);
    CHECK(ms_enclosing_statement(&e.ctx, ifs) == ifs);
    CHECK(ms_stmt_end(&e.ctx, ifs) == ifs->end);
    CHECK(ms_enclosing_toplevel(&e.ctx, plus) == fn);
    CHECK(ms_parent(&e.ctx, fn) == NULL);
    CHECK(ms_child(&e.ctx, ifs, 0) && ms_child(&e.ctx, ifs, 2) == NULL);
    CHECK(ms_find(&e.ctx, plus->cursor) == plus);
    CHECK(ms_is_statement(ifs) && !ms_is_statement(plus));
    t_close(&e);
}

static void unit_should_end_if_without_braces_at_its_semicolon(void)
{
    t_env e;
    t_open(&e, "void g(int);\nvoid f(int a) { if (a) g(a) /* c */ ; else g(1) ; g(2); }\n");
    const ms_node *ifs = t_nth(&e, CXCursor_IfStmt, 0);
    CHECK_STR(ms_text_range(&e.ctx, ifs->begin, ms_stmt_end(&e.ctx, ifs)),
              "if (a) g(a) /* c */ ; else g(1) ;");
    t_close(&e);
}

static void unit_should_find_the_parentheses_of_statement_headers(void)
{
    t_env e;
    t_open(&e, "#define C(x) ((x) > 0)\n"
               "int f(int a, const char *s) {\n"
               "  if (s[a] == ')') a++;\n"
               "  while (C(a)) a--;\n"
               "  for (int i = (0); i < a; i++) ;\n"
               "  switch ((a)) { default: break; }\n"
               "  do a++; while (a < \"()\"[0]);\n"
               "  if (a /* c */) a++;\n"
               "  return a; }\n");
    const char *want[] = {"(s[a] == ')')", "(C(a))", "(int i = (0); i < a; i++)", "((a))",
                          "(a < \"()\"[0])"};
    const ms_node *n[] = {t_nth(&e, CXCursor_IfStmt, 0), t_nth(&e, CXCursor_WhileStmt, 0),
                          t_nth(&e, CXCursor_ForStmt, 0), t_nth(&e, CXCursor_SwitchStmt, 0),
                          t_nth(&e, CXCursor_DoStmt, 0)};
    for (size_t i = 0; i < sizeof n / sizeof n[0]; i++) {
        unsigned lp = 0, rp = 0;
        CHECK(n[i] && ms_paren_range(&e.ctx, n[i], &lp, &rp) == 0);
        CHECK_STR(ms_text_range(&e.ctx, lp, rp + 1), want[i]);
    }
    unsigned lp, rp;
    CHECK(ms_paren_range(&e.ctx, t_nth(&e, CXCursor_IfStmt, 1), &lp, &rp) == -1); /* comment */
    CHECK(ms_paren_range(&e.ctx, t_nth(&e, CXCursor_ReturnStmt, 0), &lp, &rp) == -1);
    t_close(&e);
}

static void unit_should_find_top_level_characters(void)
{
    t_env e;
    t_open(&e, "int f(int a) { for (a = g(1, 2); a < \";\"[0]; a += (a, 1)) ; return a; }\n"
               "int g(int x, int y);\n");
    const ms_node *loop = t_nth(&e, CXCursor_ForStmt, 0);
    unsigned lp, rp, at[2];
    CHECK(ms_paren_range(&e.ctx, loop, &lp, &rp) == 0);
    CHECK(ms_top_level_chars(&e.ctx, lp + 1, rp, ';', at, 2) == 2);
    CHECK_STR(ms_text_range(&e.ctx, lp + 1, at[0]), "a = g(1, 2)");
    CHECK_STR(ms_text_range(&e.ctx, at[0] + 1, at[1]), " a < \";\"[0]");
    CHECK(ms_top_level_chars(&e.ctx, lp + 1, rp, ',', at, 2) == 0); /* commas are nested */
    CHECK(ms_top_level_chars(&e.ctx, lp + 1, rp, ';', at, 1) == 2); /* counts past max */
    /* unbalanced: an unclosed '(', a stray ')' */
    CHECK(ms_top_level_chars(&e.ctx, lp, rp, ';', at, 2) == -1);
    CHECK(ms_top_level_chars(&e.ctx, lp + 1, rp + 1, ';', at, 2) == -1);
    t_close(&e);
    t_open(&e, "int f(int a) { return a // c\n ; }\n");
    const ms_node *ret = t_nth(&e, CXCursor_ReturnStmt, 0);
    CHECK(ms_top_level_chars(&e.ctx, ret->begin, ms_stmt_end(&e.ctx, ret), ';', at, 2) == -1);
    t_close(&e);
}

static void unit_should_tell_whether_a_statement_is_whole(void)
{
    t_env e;
    t_open(&e, "#define END ;\n"
               "int f(int a) { a++; a-- END if (a) { a = 0; } while (a) a++ END return a; }\n");
    const ms_node *inc = t_nth(&e, CXCursor_UnaryOperator, 0);
    const ms_node *dec = t_nth(&e, CXCursor_UnaryOperator, 1);
    CHECK(ms_stmt_is_whole(&e.ctx, inc));
    CHECK(!ms_stmt_is_whole(&e.ctx, dec)); /* its ';' is the END macro */
    CHECK(ms_stmt_is_whole(&e.ctx, t_nth(&e, CXCursor_IfStmt, 0)));
    CHECK(!ms_stmt_is_whole(&e.ctx, t_nth(&e, CXCursor_WhileStmt, 0)));
    CHECK(ms_stmt_is_whole(&e.ctx, t_nth(&e, CXCursor_ReturnStmt, 0)));
    t_close(&e);
}

static void unit_should_tell_where_a_statement_sits(void)
{
    t_env e;
    t_open(&e, "int f(int a) {\n"
               "  a++;\n"
               "  if (a) a--; else { a = 1; }\n"
               "  do a += 2; while (a < 9);\n"
               "  switch (a) { case 1: a = 3; }\n"
               "  a = ({ int t = a; t * 2; });\n"
               "  return a; }\n");
    const ms_node *ifs = t_nth(&e, CXCursor_IfStmt, 0);
    const ms_node *body = ms_function_body(&e.ctx, ms_enclosing_function(&e.ctx, ifs));
    CHECK(ms_stmt_position(&e.ctx, t_nth(&e, CXCursor_UnaryOperator, 0)) == MS_POS_BLOCK);
    CHECK(ms_stmt_position(&e.ctx, ifs) == MS_POS_BLOCK);
    CHECK(ms_stmt_position(&e.ctx, ms_child(&e.ctx, ifs, 0)) == MS_POS_NONE); /* condition */
    CHECK(ms_stmt_position(&e.ctx, ms_child(&e.ctx, ifs, 1)) == MS_POS_BODY);
    CHECK(ms_stmt_position(&e.ctx, ms_child(&e.ctx, ifs, 2)) == MS_POS_BODY);
    const ms_node *loop = t_nth(&e, CXCursor_DoStmt, 0);
    CHECK(ms_stmt_position(&e.ctx, ms_child(&e.ctx, loop, 0)) == MS_POS_BODY);
    CHECK(ms_stmt_position(&e.ctx, ms_child(&e.ctx, loop, 1)) == MS_POS_NONE);
    const ms_node *cs = t_nth(&e, CXCursor_CaseStmt, 0);
    CHECK(ms_stmt_position(&e.ctx, ms_child(&e.ctx, cs, 0)) == MS_POS_NONE); /* case value */
    CHECK(ms_stmt_position(&e.ctx, ms_child(&e.ctx, cs, 1)) == MS_POS_BODY);
    CHECK(ms_stmt_position(&e.ctx, body) == MS_POS_NONE);
    /* the statements of a ({ }) block sit nowhere we may remove them */
    const ms_node *se = t_nth(&e, CXCursor_StmtExpr, 0);
    const ms_node *block = ms_child(&e.ctx, se, 0);
    CHECK(block && block->kind == CXCursor_CompoundStmt);
    CHECK(ms_in_stmt_expr(&e.ctx, block));
    CHECK(!ms_in_stmt_expr(&e.ctx, body));
    CHECK(!ms_in_stmt_expr(&e.ctx, se) && !ms_in_stmt_expr(&e.ctx, NULL));
    CHECK(ms_stmt_position(&e.ctx, ms_child(&e.ctx, block, 1)) == MS_POS_NONE);
    /* plain statements: not declarations, labels or empty statements */
    CHECK(ms_is_plain_statement(ifs));
    CHECK(ms_is_plain_statement(t_nth(&e, CXCursor_UnaryOperator, 0)));
    CHECK(!ms_is_plain_statement(cs) && !ms_is_plain_statement(t_nth(&e, CXCursor_DeclStmt, 0)));
    CHECK(!ms_is_plain_statement(t_decl(&e, "f")) && !ms_is_plain_statement(NULL));
    t_close(&e);
}

static void unit_should_find_what_a_jump_belongs_to(void)
{
    t_env e;
    t_open(&e, "int f(int a) {\n"
               "  for (;;) {\n"
               "    switch (a) {\n"
               "    case 1: break;\n"
               "    default: if (a) continue; while (a) { a--; break; }\n"
               "    }\n"
               "    break;\n"
               "  }\n"
               "  return a; }\n");
    const ms_node *loop = t_nth(&e, CXCursor_ForStmt, 0);
    const ms_node *sw = t_nth(&e, CXCursor_SwitchStmt, 0);
    const ms_node *inner = t_nth(&e, CXCursor_WhileStmt, 0);
    CHECK(ms_jump_target(&e.ctx, t_nth(&e, CXCursor_CaseStmt, 0)) == sw);
    CHECK(ms_jump_target(&e.ctx, t_nth(&e, CXCursor_DefaultStmt, 0)) == sw);
    CHECK(ms_jump_target(&e.ctx, t_nth(&e, CXCursor_BreakStmt, 0)) == sw);
    CHECK(ms_jump_target(&e.ctx, t_nth(&e, CXCursor_ContinueStmt, 0)) == loop);
    CHECK(ms_jump_target(&e.ctx, t_nth(&e, CXCursor_BreakStmt, 1)) == inner);
    CHECK(ms_jump_target(&e.ctx, t_nth(&e, CXCursor_BreakStmt, 2)) == loop);
    CHECK(ms_jump_target(&e.ctx, t_nth(&e, CXCursor_ReturnStmt, 0)) == NULL);
    /* ms_subtree_has looks at the node itself and its descendants only */
    CHECK(ms_subtree_has(&e.ctx, sw, CXCursor_ContinueStmt));
    CHECK(ms_subtree_has(&e.ctx, sw, CXCursor_SwitchStmt));
    CHECK(!ms_subtree_has(&e.ctx, inner, CXCursor_ContinueStmt));
    CHECK(!ms_subtree_has(&e.ctx, sw, CXCursor_ReturnStmt));
    t_close(&e);
}

static void unit_should_generate_fresh_names(void)
{
    t_env e;
    t_open(&e, "int tmp_0, tmp_1; int tmp_20;\n");
    const char *a = ms_fresh_name(&e.ctx, "tmp");
    const char *b = ms_fresh_name(&e.ctx, "tmp");
    CHECK_STR(a, "tmp_2");
    CHECK_STR(b, "tmp_3");
    t_close(&e);
}

static void unit_should_flatten_tree_consistently(void)
{
    t_env e;
    t_open(&e, "struct S { int a; int b : 3; };\nint f(struct S *s) { return s->a + s->b; }\n");
    int roots = 0;
    for (int i = 0; i < e.u->nnodes; i++) {
        const ms_node *n = &e.u->nodes[i];
        int count = 0;
        for (const ms_node *c = ms_child(&e.ctx, n, 0); c; c = ms_node_at(&e.ctx, c->next_sibling)) {
            CHECK(c->parent == i && c->depth == n->depth + 1);
            count++;
        }
        CHECK(count == n->nchildren);
        roots += n->parent < 0;
    }
    CHECK(roots == 2);
    /* pre-order: a subtree is contiguous */
    const ms_node *fn = t_decl(&e, "f");
    int end = ms_subtree_end(&e.ctx, fn);
    CHECK(end == e.u->nnodes);
    const ms_node *st = ms_node_at(&e.ctx, 0);
    CHECK(ms_subtree_end(&e.ctx, st) == ms_node_index(&e.ctx, fn));
    CHECK(ms_node_count(&e.ctx) == e.u->nnodes);
    t_close(&e);
}

static void unit_should_know_which_addresses_are_taken(void)
{
    t_env e;
    t_open(&e, "#define ADDR(x) (&x)\n"
               "struct S { int f, g; };\n"
               "int h(int a, int b, int c, int d) {\n"
               "  struct S s = {0}; int *p = &(a); int *q = ADDR(b);\n"
               "  int *r = &s.f; int m = -c; return *p + *q + *r + m + d + s.g; }\n");
    CHECK(ms_address_taken(&e.ctx, t_decl(&e, "a")->cursor)); /* through parentheses */
    CHECK(ms_address_taken(&e.ctx, t_decl(&e, "b")->cursor)); /* inside a macro */
    CHECK(!ms_address_taken(&e.ctx, t_decl(&e, "c")->cursor)); /* another unary operator */
    CHECK(!ms_address_taken(&e.ctx, t_decl(&e, "d")->cursor));
    CHECK(ms_address_taken(&e.ctx, t_decl(&e, "f")->cursor)); /* a field */
    CHECK(!ms_address_taken(&e.ctx, t_decl(&e, "g")->cursor));
    CHECK(!ms_address_taken(&e.ctx, t_decl(&e, "s")->cursor));
    /* a reference asks about the declaration it names */
    const ms_node *ref = t_nth(&e, CXCursor_DeclRefExpr, 0);
    CHECK_STR(ms_text(&e.ctx, ref), "a");
    CHECK(ms_address_taken(&e.ctx, ref->cursor));
    /* the declared name, not the type or the initializer */
    const ms_node *p = t_decl(&e, "p");
    unsigned off = ms_name_offset(&e.ctx, p);
    CHECK(off > p->begin && strncmp(e.u->src + off, "p = &(a)", 8) == 0);
    t_close(&e);
}

static void unit_should_index_declarations_and_references(void)
{
    t_env e;
    t_open(&e, "static int sq(int x);\n"
               "struct P { int v; };\n"
               "int use(struct P *p) { int (*fp)(int) = sq; return sq(p->v) + fp(2); }\n"
               "static int sq(int x) { return x * x; }\n");
    const ms_node **v;
    const ms_node *def = t_nth(&e, CXCursor_FunctionDecl, 2);
    CHECK_STR(ms_spelling(&e.ctx, def->cursor), "sq");
    /* both declarations, in source order, asked from either one */
    CHECK(ms_declarations_of(&e.ctx, def->cursor, &v) == 2);
    CHECK(v[0] == t_nth(&e, CXCursor_FunctionDecl, 0) && v[1] == def);
    /* two references: the initialiser of fp and the callee */
    CHECK(ms_references_to(&e.ctx, def->cursor, &v) == 2);
    CHECK(v[0]->kind == CXCursor_DeclRefExpr && v[0]->begin < v[1]->begin);
    /* from a reference: the entity it names */
    CHECK(ms_declarations_of(&e.ctx, v[1]->cursor, &v) == 2);
    /* a field and its member reference; a struct and its type reference */
    const ms_node *field = t_decl(&e, "v");
    CHECK(ms_references_to(&e.ctx, field->cursor, &v) == 1 && v[0]->kind == CXCursor_MemberRefExpr);
    CHECK(ms_references_to(&e.ctx, t_nth(&e, CXCursor_StructDecl, 0)->cursor, &v) == 1);
    CHECK(v[0]->kind == CXCursor_TypeRef);
    /* ms_find maps each node's cursor back to the first such node */
    for (int i = 0; i < ms_node_count(&e.ctx); i++) {
        const ms_node *n = ms_node_at(&e.ctx, i), *f = ms_find(&e.ctx, n->cursor);
        CHECK(f && clang_equalCursors(f->cursor, n->cursor) && ms_node_index(&e.ctx, f) <= i);
    }
    CHECK(ms_find(&e.ctx, clang_getNullCursor()) == NULL);
    t_close(&e);
}

int main(void)
{
    RUN(unit_should_give_byte_offsets_after_utf8_text);
    RUN(unit_should_give_byte_offsets_with_crlf_lines);
    RUN(unit_should_mark_macro_expanded_nodes);
    RUN(unit_should_find_operators);
    RUN(unit_should_find_enclosing_structure);
    RUN(unit_should_end_if_without_braces_at_its_semicolon);
    RUN(unit_should_find_the_parentheses_of_statement_headers);
    RUN(unit_should_find_top_level_characters);
    RUN(unit_should_tell_whether_a_statement_is_whole);
    RUN(unit_should_tell_where_a_statement_sits);
    RUN(unit_should_find_what_a_jump_belongs_to);
    RUN(unit_should_generate_fresh_names);
    RUN(unit_should_flatten_tree_consistently);
    RUN(unit_should_know_which_addresses_are_taken);
    RUN(unit_should_index_declarations_and_references);
    FINISH();
}
