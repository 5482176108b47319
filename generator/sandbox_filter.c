/*
 * sandbox_filter.c - the seccomp BPF program of the sandbox, written by hand
 * with <linux/seccomp.h> and <linux/filter.h> (no libseccomp).
 *
 * Forbidden calls are trapped (SECCOMP_RET_TRAP -> SIGSYS, which kills the
 * process: neither the sanitizers nor the framework handle SIGSYS) rather
 * than failed with EPERM: a mutator that ignores an error would go
 * unnoticed, a dead process with SIGSYS cannot. The program is a flat list:
 * check the architecture, then one "equal? trap" pair per forbidden number,
 * then the argument checks (open flags, kill(-1)), then allow.
 */
#include "sandbox_filter.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <stddef.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#if defined(__x86_64__)
#define SB_ARCH AUDIT_ARCH_X86_64
#elif defined(__aarch64__)
#define SB_ARCH AUDIT_ARCH_AARCH64
#endif

#ifdef SB_ARCH

#define MAX_INSNS 160

typedef struct prog {
    struct sock_filter f[MAX_INSNS];
    int n;
} prog;

static void emit(prog *p, struct sock_filter insn)
{
    if (p->n < MAX_INSNS)
        p->f[p->n] = insn;
    p->n++;
}

static void load_nr(prog *p)
{
    emit(p, (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS,
                                         offsetof(struct seccomp_data, nr)));
}

/* the low 32 bits of argument i (little-endian targets only, see SB_ARCH) */
static void load_arg(prog *p, int i)
{
    emit(p, (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS,
                                         offsetof(struct seccomp_data, args) + 8 * (unsigned)i));
}

static void ret(prog *p, unsigned action)
{
    emit(p, (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, action));
}

/* nr == n: trap (the accumulator must hold the number) */
static void trap_nr(prog *p, long n)
{
    emit(p, (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, (unsigned)n, 0, 1));
    ret(p, SECCOMP_RET_TRAP);
}

/* nr == n and (argument i & mask) != 0: trap; nr == n otherwise: allow */
static void trap_flags(prog *p, long n, int i, unsigned mask)
{
    emit(p, (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, (unsigned)n, 0, 4));
    load_arg(p, i);
    emit(p, (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JSET | BPF_K, mask, 0, 1));
    ret(p, SECCOMP_RET_TRAP);
    ret(p, SECCOMP_RET_ALLOW);
}

static const long net_calls[] = {
    __NR_socket, __NR_socketpair, __NR_connect, __NR_bind, __NR_listen, __NR_accept,
    __NR_accept4, __NR_setsid, __NR_setpgid, __NR_io_uring_setup,
};

static const long write_calls[] = {
#ifdef __NR_creat
    __NR_creat,
#endif
#ifdef __NR_unlink
    __NR_unlink,
#endif
#ifdef __NR_rename
    __NR_rename,
#endif
#ifdef __NR_mkdir
    __NR_mkdir,
#endif
#ifdef __NR_rmdir
    __NR_rmdir,
#endif
#ifdef __NR_link
    __NR_link,
#endif
#ifdef __NR_symlink
    __NR_symlink,
#endif
#ifdef __NR_chmod
    __NR_chmod,
#endif
#ifdef __NR_chown
    __NR_chown,
#endif
#ifdef __NR_lchown
    __NR_lchown,
#endif
#ifdef __NR_mknod
    __NR_mknod,
#endif
#ifdef __NR_renameat
    __NR_renameat,
#endif
    __NR_unlinkat, __NR_renameat2, __NR_mkdirat, __NR_linkat, __NR_symlinkat, __NR_truncate,
    __NR_fchmodat, __NR_fchownat, __NR_mknodat, __NR_openat2, __NR_open_by_handle_at,
};

#define WRITE_FLAGS (O_WRONLY | O_RDWR | O_CREAT | O_TRUNC | O_APPEND)

static void build(prog *p, int no_write)
{
    emit(p, (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS,
                                         offsetof(struct seccomp_data, arch)));
    emit(p, (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SB_ARCH, 1, 0));
    ret(p, SECCOMP_RET_KILL_PROCESS);
    load_nr(p);
#ifdef __x86_64__
    /* the x32 ABI reaches the same calls under other numbers */
    emit(p, (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JGE | BPF_K, 0x40000000u, 0, 1));
    ret(p, SECCOMP_RET_TRAP);
#endif
    for (size_t i = 0; i < sizeof net_calls / sizeof net_calls[0]; i++)
        trap_nr(p, net_calls[i]);
    if (no_write) {
        for (size_t i = 0; i < sizeof write_calls / sizeof write_calls[0]; i++)
            trap_nr(p, write_calls[i]);
#ifdef __NR_open
        trap_flags(p, __NR_open, 1, WRITE_FLAGS);
#endif
        trap_flags(p, __NR_openat, 2, WRITE_FLAGS);
    }
    /* kill(-1, sig) signals every process of the user */
    emit(p, (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_kill, 0, 4));
    load_arg(p, 0);
    emit(p, (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, 0xffffffffu, 0, 1));
    ret(p, SECCOMP_RET_TRAP);
    ret(p, SECCOMP_RET_ALLOW);
    ret(p, SECCOMP_RET_ALLOW);
}

int sb_filter_install(int no_write)
{
    static prog p;
    p.n = 0;
    build(&p, no_write);
    if (p.n > MAX_INSNS) {
        errno = E2BIG;
        return -1;
    }
    struct sock_fprog fp = {(unsigned short)p.n, p.f};
    if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0)
        return -1;
    return (int)syscall(__NR_seccomp, SECCOMP_SET_MODE_FILTER, 0, &fp);
}

#else

int sb_filter_install(int no_write)
{
    (void)no_write;
    errno = ENOSYS; /* no filter for this architecture: refuse to run */
    return -1;
}

#endif
