/*
 * fake_cc.c - a planted-crash stand-in for a C compiler, for
 * tests/run_triage.sh. `fake_cc FILE` reads FILE and
 *   - crashes like clang's `#pragma clang __debug crash` when FILE contains
 *     `__debug` (a false positive triage must discard),
 *   - aborts with "LLVM ERROR: out of memory" when it contains
 *     `FAKE_OOM_MARKER` (a false positive too),
 *   - sleeps 1 s and exits 0 when it contains `FAKE_SLOW_MARKER` (a "hang"
 *     that finishes with a longer limit),
 *   - fails a clang-like assertion (message, PLEASE line, stack dump) and
 *     aborts when it contains both the words `switch` and `goto`,
 *   - else exits 0.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define LLVM "(/usr/lib/llvm-16/lib/libLLVM-16.so.1+"
#define CLANG "(/usr/lib/llvm-16/bin/clang+"
#define LIBC "(/lib/x86_64-linux-gnu/libc.so.6+"

static int has_word(const char *text, const char *w)
{
    size_t n = strlen(w);
    for (const char *p = text; (p = strstr(p, w)) != NULL; p++) {
        int before = p > text && (isalnum((unsigned char)p[-1]) || p[-1] == '_');
        int after = isalnum((unsigned char)p[n]) || p[n] == '_';
        if (!before && !after)
            return 1;
    }
    return 0;
}

static void stack_dump(const char *file, const char *frames[], int n)
{
    fprintf(stderr,
            "PLEASE submit a bug report to https://github.com/llvm/llvm-project/issues/ and "
            "include the crash backtrace, preprocessed source, and associated run script.\n"
            "Stack dump:\n0.\tProgram arguments: fake_cc %s\n1.\t%s:3:1: current parser token "
            "'goto'\n",
            file, file);
    /* addresses differ from run to run, as with ASLR */
    unsigned long base = 0x55d5c2000000UL + ((unsigned long)getpid() << 12);
    for (int i = 0; i < n; i++)
        fprintf(stderr, " #%d 0x%016lx %s\n", i, base + (unsigned long)i * 0x1f0a8UL, frames[i]);
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: fake_cc FILE\n");
        return 2;
    }
    FILE *f = fopen(argv[1], "rb");
    if (!f) {
        fprintf(stderr, "fake_cc: error: no such file: %s\n", argv[1]);
        return 1;
    }
    static char text[1 << 20];
    size_t n = fread(text, 1, sizeof text - 1, f);
    fclose(f);
    text[n] = '\0';
    if (strstr(text, "__debug")) {
        static const char *fr[] = {
            "llvm::sys::PrintStackTrace(llvm::raw_ostream&, int) " LLVM "0xf0f4ef)",
            "SignalHandler(int) " LLVM "0xf0d689)",
            LIBC "0x3c050)",
            "clang::PragmaDebugHandler::HandlePragma(clang::Preprocessor&, "
            "clang::PragmaIntroducer, clang::Token&) " CLANG "0x1a2b3c)",
            "clang::Preprocessor::HandlePragmaDirective(clang::PragmaIntroducer) " CLANG
            "0x1a2000)"};
        stack_dump(argv[1], fr, 5);
        abort();
    }
    if (strstr(text, "FAKE_OOM_MARKER")) {
        fprintf(stderr, "LLVM ERROR: out of memory\nAllocation failed\n");
        abort();
    }
    if (strstr(text, "FAKE_SLOW_MARKER")) {
        sleep(1);
        return 0;
    }
    if (has_word(text, "switch") && has_word(text, "goto")) {
        fprintf(stderr,
                "clang: /build/llvm/clang/lib/Sema/SemaStmt.cpp:123: void "
                "clang::Sema::ActOnGotoInSwitch(clang::Stmt *): Assertion `!InSwitch && \"goto in "
                "switch\"' failed.\n");
        static const char *fr[] = {
            "llvm::sys::PrintStackTrace(llvm::raw_ostream&, int) " LLVM "0xf0f4ef)",
            "llvm::sys::RunSignalHandlers() " LLVM "0xf0d4b6)",
            "SignalHandler(int) " LLVM "0xf0fa3a)",
            LIBC "0x3c050)",
            "__pthread_kill_implementation ./nptl/pthread_kill.c:44:76",
            "raise ./signal/../sysdeps/posix/raise.c:27:6",
            "abort ./stdlib/abort.c:81:7",
            LIBC "0x2571b)",
            "clang::Sema::ActOnGotoInSwitch(clang::Stmt*) " CLANG "0x8a1b2c)",
            "clang::Parser::ParseGotoStatement() " CLANG "0x6c1d00)",
            "clang::Parser::ParseStatementOrDeclarationAfterAttributes("
            "llvm::SmallVector<clang::Stmt*, 32u>&, clang::Parser::ParsedStmtContext, "
            "clang::SourceLocation*, clang::ParsedAttributes&, clang::ParsedAttributes&) " CLANG
            "0x6c0a10)",
            "__libc_start_main " LIBC "0x271ca)",
            "_start " CLANG "0x4f2e1)"};
        stack_dump(argv[1], fr, 13);
        abort();
    }
    return 0;
}
