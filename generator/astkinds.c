/*
 * astkinds.c - list the cursor kinds of the running libclang (astkinds.h).
 * Walks the documented ranges of CXCursorKind (First..Last of each group),
 * so the list grows with the installed LLVM without code changes.
 */
#include "astkinds.h"

#include "genutil.h"

#include <clang-c/Index.h>
#include <string.h>

static int for_c(const char *k, int attr)
{
    /* kinds of other languages (by substring), and C++-only expressions */
    static const char *const skip[] = {"ObjC", "CXX", "OMP", "OpenCL", "Template", "Namespace",
                                       "Using", "Lambda", "Class", "Concept", "Requires", "Friend",
                                       "Overload", "Conversion", "Constructor", "Destructor",
                                       "Access", "Module", "SEH", "MS", "Coreturn", "Coawait",
                                       "Coyield", "Pack", "Fold", "Block", "GNUNull",
                                       "LinkageSpec", "FixedPoint", "ArraySection", "Builtin",
                                       "Addrspace", "TypeAlias", "ibaction", "iboutlet",
                                       "objc", "ns_", "NSObject", "dll", "device", "global",
                                       "host", "shared", "constant", "final", "override",
                                       "Invalid"};
    /* attributes C programs use */
    static const char *const attrs[] = {"packed", "pure", "const", "aligned", "visibility",
                                        "warn_unused", "noduplicate", "convergent", "asmlabel",
                                        "annotate", "flag_enum", "UnexposedAttr"};
    for (size_t i = 0; i < sizeof skip / sizeof skip[0]; i++)
        if (strstr(k, skip[i]))
            return 0;
    if (!attr)
        return 1;
    for (size_t i = 0; i < sizeof attrs / sizeof attrs[0]; i++)
        if (strstr(k, attrs[i]))
            return 1;
    return 0;
}

static void group(gbuf *out, const char *title, int first, int last, int attr)
{
    int n = 0;
    gbuf_printf(out, "%s: ", title);
    for (int k = first; k <= last; k++) {
        CXString s = clang_getCursorKindSpelling((enum CXCursorKind)k);
        const char *c = clang_getCString(s);
        if (c && *c && *c != '<') {
            /* spellings are "BinaryOperator", "CompoundStmt", ...: drop spaces */
            char name[128];
            size_t j = 0;
            for (const char *p = c; *p && j + 1 < sizeof name; p++)
                if (*p != ' ')
                    name[j++] = *p;
            name[j] = '\0';
            if (for_c(name, attr)) {
                gbuf_printf(out, "%s%s", n ? ", " : "", name);
                n++;
            }
        }
        clang_disposeString(s);
    }
    gbuf_puts(out, "\n");
}

char *astkinds_for_c(void)
{
    gbuf out = {0};
    group(&out, "Declarations", CXCursor_FirstDecl, CXCursor_LastDecl, 0);
    group(&out, "More declarations", CXCursor_FirstExtraDecl, CXCursor_LastExtraDecl, 0);
    group(&out, "Expressions", CXCursor_FirstExpr, CXCursor_LastExpr, 0);
    group(&out, "Statements", CXCursor_FirstStmt, CXCursor_LastStmt, 0);
    group(&out, "Attributes", CXCursor_FirstAttr, CXCursor_LastAttr, 1);
    return gbuf_take(&out);
}
