/* SPDX-License-Identifier: MIT */
/*
 * newlib's <setjmp.h> plus the POSIX pair it lacks on bare-metal targets: sigsetjmp() and
 * siglongjmp(), which also save and restore the signal mask.
 *
 * The difference matters when leaving a signal handler by a jump: the kernel blocks the
 * signal while its handler runs and unblocks it in rt_sigreturn, which a jump skips. After
 * longjmp() out of a SIGSEGV handler SIGSEGV stays blocked, and the next fault kills the
 * process; siglongjmp() to a sigsetjmp(env, 1) restores the mask saved at sigsetjmp().
 *
 * sigjmp_buf is a jmp_buf (_JBLEN words) followed by a "mask saved" word and the mask.
 */
#ifndef _USER_SETJMP_H
#define _USER_SETJMP_H

#include_next <setjmp.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef int sigjmp_buf[_JBLEN + 1 + 2];

int sigsetjmp(sigjmp_buf env, int savemask) __attribute__((__returns_twice__));
void siglongjmp(sigjmp_buf env, int val) __attribute__((__noreturn__));

#ifdef __cplusplus
}
#endif

#endif /* _USER_SETJMP_H */
