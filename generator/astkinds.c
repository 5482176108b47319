/*
 * astkinds.c - list the cursor kinds of the running libclang (astkinds.h).
 * Walks the documented ranges of CXCursorKind (First..Last of each group),
 * so the list grows with the installed LLVM without code changes.
 * astkinds_sample() draws a reproducible subset per invention, so that the
 * prompt stays small and successive inventions look at different kinds.
 */
#include "astkinds.h"

#include "genutil.h"

#include <clang-c/Index.h>
#include <stdlib.h>
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
                                       "Invalid", "Unexposed"};
    /* attributes C programs use */
    static const char *const attrs[] = {"packed", "pure", "const", "aligned", "visibility",
                                        "warn_unused", "noduplicate", "convergent", "asmlabel",
                                        "annotate", "flag_enum"};
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

/* splitmix64: a small reproducible generator for the sample */
static unsigned long long mix(unsigned long long *x)
{
    unsigned long long z = (*x += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

/* keep: NULL = every kind; else keep roughly `want` of the `avail` C kinds */
typedef struct sampler {
    unsigned long long state;
    int want, avail;
} sampler;

static void group(gbuf *out, const char *title, int first, int last, int attr, sampler *sm)
{
    int n = 0;
    gbuf line = {0};
    gbuf_printf(&line, "%s: ", title);
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
                /* selection sampling: each kind kept with want/avail */
                int keep = 1;
                if (sm) {
                    keep = sm->avail > 0 &&
                           (int)(mix(&sm->state) % (unsigned long long)sm->avail) < sm->want;
                    if (keep)
                        sm->want--;
                    sm->avail--;
                }
                if (keep) {
                    gbuf_printf(&line, "%s%s", n ? ", " : "", name);
                    n++;
                }
            }
        }
        clang_disposeString(s);
    }
    if (n)
        gbuf_printf(out, "%s\n", line.s);
    gbuf_free(&line);
}

static char *render(sampler *sm)
{
    gbuf out = {0};
    group(&out, "Declarations", CXCursor_FirstDecl, CXCursor_LastDecl, 0, sm);
    group(&out, "More declarations", CXCursor_FirstExtraDecl, CXCursor_LastExtraDecl, 0, sm);
    group(&out, "Expressions", CXCursor_FirstExpr, CXCursor_LastExpr, 0, sm);
    group(&out, "Statements", CXCursor_FirstStmt, CXCursor_LastStmt, 0, sm);
    group(&out, "Attributes", CXCursor_FirstAttr, CXCursor_LastAttr, 1, sm);
    return gbuf_take(&out);
}

char *astkinds_for_c(void)
{
    return render(NULL);
}

/* count the C kinds: "Group: a, b" lines, one comma fewer than kinds */
static int count_kinds(const char *all)
{
    int n = 0;
    for (const char *p = all; *p; p++)
        if (*p == ',' || *p == '\n')
            n++;
    return n;
}

char *astkinds_sample(unsigned long long seed, int count)
{
    char *all = render(NULL);
    sampler sm = {seed, count, count_kinds(all)};
    free(all);
    return render(&sm);
}
