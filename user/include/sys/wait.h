/* SPDX-License-Identifier: MIT */
/*
 * Waiting for children, with Linux's status encoding (include/uapi/linux/wait.h and the
 * way kernel/exit.c packs the status):
 *
 *   exited with code c        status = c << 8             (low byte 0)
 *   killed by signal s        status = s, | 0x80 if a core was dumped
 *   stopped by signal s       status = s << 8 | 0x7f
 *   continued                 status = 0xffff
 *
 * It replaces newlib's <sys/wait.h>.
 */
#ifndef _SYS_WAIT_H
#define _SYS_WAIT_H

#include <sys/cdefs.h>
#include <sys/types.h>

#ifdef __cplusplus
extern "C" {
#endif

#define WNOHANG	   0x00000001 /* return 0 at once if no child has changed state */
#define WUNTRACED  0x00000002 /* also report stopped children */
#define WSTOPPED   WUNTRACED
#define WEXITED	   0x00000004
#define WCONTINUED 0x00000008
#define WNOWAIT	   0x01000000

#define WEXITSTATUS(s)	(((s)&0xff00) >> 8)
#define WTERMSIG(s)	((s)&0x7f)
#define WSTOPSIG(s)	WEXITSTATUS(s)
#define WCOREDUMP(s)	((s)&0x80)
#define WIFEXITED(s)	(WTERMSIG(s) == 0)
#define WIFSTOPPED(s)	(((s)&0xff) == 0x7f)
#define WIFSIGNALED(s)	(WTERMSIG(s) != 0 && WTERMSIG(s) != 0x7f)
#define WIFCONTINUED(s) ((s) == 0xffff)

struct rusage;

pid_t wait(int *status);
pid_t waitpid(pid_t pid, int *status, int options);
pid_t wait4(pid_t pid, int *status, int options, struct rusage *rusage);

#ifdef __cplusplus
}
#endif

#endif /* _SYS_WAIT_H */
