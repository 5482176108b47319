/*
 * sandbox_filter.h - the sandbox's seccomp filter (sandbox_filter.c), kept
 * apart from the process handling in sandbox.c.
 */
#ifndef MUTSMITH_SANDBOX_FILTER_H
#define MUTSMITH_SANDBOX_FILTER_H

/* Install, in the calling (single-threaded, about to exec) process, a
 * seccomp filter that makes every forbidden system call raise SIGSYS:
 * always sockets (socket, socketpair, connect, bind, listen, accept[4]),
 * setsid/setpgid, kill(-1, ...), io_uring and foreign syscall ABIs; with
 * no_write also creating, opening for writing, renaming and removing files.
 * Returns 0, or -1 with errno (the caller must then not run the work). */
int sb_filter_install(int no_write);

#endif
