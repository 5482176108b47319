/*
 * types.c - type classification and the declarator printer that libclang's
 * C API lacks: given a CXType and a name it spells the declaration C needs,
 * e.g. "int (*name)[3]" or "void (*name)(int, ...)", keeping typedef names.
 */
#include "internal.h"

#include <string.h>

static CXType strip(CXType t)
{
    return clang_getCanonicalType(t);
}

ms_tclass ms_classify(CXType t)
{
    CXType c = strip(t);
    switch (c.kind) {
    case CXType_Void:
        return MS_T_VOID;
    case CXType_Bool:
    case CXType_Char_U:
    case CXType_UChar:
    case CXType_UShort:
    case CXType_UInt:
    case CXType_ULong:
    case CXType_ULongLong:
    case CXType_UInt128:
    case CXType_Char_S:
    case CXType_SChar:
    case CXType_Short:
    case CXType_Int:
    case CXType_Long:
    case CXType_LongLong:
    case CXType_Int128:
        return MS_T_INT;
    case CXType_Float:
    case CXType_Double:
    case CXType_LongDouble:
        return MS_T_FLOAT;
    case CXType_Enum:
        return MS_T_ENUM;
    case CXType_Pointer: {
        CXType p = strip(clang_getPointeeType(c));
        if (p.kind == CXType_FunctionProto || p.kind == CXType_FunctionNoProto)
            return MS_T_FUNCPTR;
        return MS_T_POINTER;
    }
    case CXType_ConstantArray:
    case CXType_IncompleteArray:
    case CXType_VariableArray:
    case CXType_DependentSizedArray:
        return MS_T_ARRAY;
    case CXType_Record:
        return MS_T_RECORD;
    case CXType_FunctionProto:
    case CXType_FunctionNoProto:
        return MS_T_FUNCTION;
    default:
        return MS_T_OTHER;
    }
}

int ms_is_scalar(CXType t)
{
    ms_tclass k = ms_classify(t);
    return k == MS_T_INT || k == MS_T_FLOAT || k == MS_T_ENUM || k == MS_T_POINTER ||
           k == MS_T_FUNCPTR;
}

int ms_is_unsigned(CXType t)
{
    switch (strip(t).kind) {
    case CXType_Bool:
    case CXType_Char_U:
    case CXType_UChar:
    case CXType_UShort:
    case CXType_UInt:
    case CXType_ULong:
    case CXType_ULongLong:
    case CXType_UInt128:
        return 1;
    default:
        return 0;
    }
}

static char *type_spelling(ms_ctx *ctx, CXType t)
{
    CXString s = clang_getTypeSpelling(t);
    const char *cs = clang_getCString(s);
    char *p = ms_strdup(ctx, cs ? cs : "");
    clang_disposeString(s);
    return p;
}

static int spellable(const char *s)
{
    return *s && !strstr(s, "(unnamed") && !strstr(s, "(anonymous") && !strstr(s, "<");
}

static const char *quals(CXType t)
{
    int c = clang_isConstQualifiedType(t), v = clang_isVolatileQualifiedType(t),
        r = clang_isRestrictQualifiedType(t);
    static const char *tab[8] = {"",         " const",          " volatile",
                                 " const volatile", " restrict", " const restrict",
                                 " volatile restrict", " const volatile restrict"};
    return tab[c | (v << 1) | (r << 2)];
}

/* Build the declarator around `inner` (what is declared so far). */
static char *decl(ms_ctx *ctx, CXType t, const char *inner, int depth)
{
    if (depth > 64)
        return NULL;
    switch (t.kind) {
    case CXType_Elaborated:
    case CXType_Typedef:
    case CXType_Record:
    case CXType_Enum:
        break; /* named: printed by spelling below */
    case CXType_Pointer: {
        CXType p = clang_getPointeeType(t);
        CXType pc = strip(p);
        int paren = pc.kind == CXType_ConstantArray || pc.kind == CXType_IncompleteArray ||
                    pc.kind == CXType_FunctionProto || pc.kind == CXType_FunctionNoProto ||
                    pc.kind == CXType_VariableArray;
        /* keep a typedef'd pointee as written */
        if (p.kind == CXType_Typedef || p.kind == CXType_Elaborated)
            paren = 0;
        const char *q = quals(t);
        char *in = ms_printf(ctx, paren ? "(*%s%s%s)" : "*%s%s%s", q + (*q == ' '),
                             *q && *inner ? " " : "", inner);
        return decl(ctx, p, in, depth + 1);
    }
    case CXType_ConstantArray: {
        char *in = ms_printf(ctx, "%s[%lld]", inner, clang_getArraySize(t));
        return decl(ctx, clang_getArrayElementType(t), in, depth + 1);
    }
    case CXType_IncompleteArray: {
        char *in = ms_printf(ctx, "%s[]", inner);
        return decl(ctx, clang_getArrayElementType(t), in, depth + 1);
    }
    case CXType_FunctionNoProto: {
        char *in = ms_printf(ctx, "%s()", inner);
        return decl(ctx, clang_getResultType(t), in, depth + 1);
    }
    case CXType_FunctionProto: {
        int n = clang_getNumArgTypes(t);
        char *params = ms_strdup(ctx, n == 0 && !clang_isFunctionTypeVariadic(t) ? "void" : "");
        for (int i = 0; i < n; i++) {
            char *a = decl(ctx, clang_getArgType(t, (unsigned)i), "", depth + 1);
            if (!a)
                return NULL;
            params = ms_printf(ctx, "%s%s%s", params, i ? ", " : "", a);
        }
        if (clang_isFunctionTypeVariadic(t))
            params = ms_printf(ctx, "%s%s...", params, n ? ", " : "");
        char *in = ms_printf(ctx, "%s(%s)", inner, params);
        return decl(ctx, clang_getResultType(t), in, depth + 1);
    }
    case CXType_Attributed:
        return decl(ctx, clang_Type_getModifiedType(t), inner, depth + 1);
    case CXType_Unexposed: {
        CXType c = strip(t);
        if (c.kind == CXType_Unexposed || c.kind == CXType_Invalid)
            return NULL;
        return decl(ctx, c, inner, depth + 1);
    }
    case CXType_VariableArray:
    case CXType_BlockPointer:
    case CXType_Invalid:
        return NULL;
    default:
        break;
    }
    char *base = type_spelling(ctx, t);
    if (!spellable(base))
        return NULL;
    return *inner ? ms_printf(ctx, "%s %s", base, inner) : base;
}

char *ms_declarator(ms_ctx *ctx, CXType t, const char *name)
{
    return decl(ctx, t, name ? name : "", 0);
}

char *ms_type_name(ms_ctx *ctx, CXType t)
{
    return ms_declarator(ctx, t, "");
}
