// SPDX-License-Identifier: MIT
/*
 * The C halves of sigsetjmp()/siglongjmp() (see sigsetjmp.S and <setjmp.h>).
 * sigjmp_buf: newlib's jmp_buf in words 0.._JBLEN-1, then "mask saved?", then the mask.
 */
#include <setjmp.h>
#include <signal.h>

#define SAVED_FLAG _JBLEN
#define SAVED_MASK (_JBLEN + 1)

void __sigjmp_save(sigjmp_buf env, int savemask);

void __sigjmp_save(sigjmp_buf env, int savemask)
{
	env[SAVED_FLAG] = savemask;
	if (savemask)
		sigprocmask(SIG_BLOCK, NULL, (sigset_t *)&env[SAVED_MASK]);
}

void siglongjmp(sigjmp_buf env, int val)
{
	if (env[SAVED_FLAG])
		sigprocmask(SIG_SETMASK, (sigset_t *)&env[SAVED_MASK], NULL);
	longjmp(env, val);
}
