// SPDX-License-Identifier: MIT
/*
 * __libc_start: from the initial stack to main() and back out through exit().
 *
 * crt0.S passes the address of argc; the layout is drawn there. newlib needs little set up:
 * its reentrancy structure and stdio streams are static and initialise themselves on first
 * use. What it does need is `environ` (getenv() reads it) and the constructors a program
 * may have (__attribute__((constructor)), in .init_array). Destructors need nothing here:
 * one of newlib's own constructors registers __libc_fini_array() with atexit(), and exit()
 * runs it.
 */
#include <stdlib.h>
#include <errno.h>
#include <sys/auxv.h>

extern char **environ;
extern int main(int argc, char **argv, char **envp);

/* Laid down by user/user.ld around the constructor and destructor tables. */
extern void (*__preinit_array_start[])(void);
extern void (*__preinit_array_end[])(void);
extern void (*__init_array_start[])(void);
extern void (*__init_array_end[])(void);

struct auxv_entry {
	unsigned long type;
	unsigned long value;
};

static struct auxv_entry *auxv;

unsigned long getauxval(unsigned long type)
{
	struct auxv_entry *a;

	for (a = auxv; a && a->type != AT_NULL; a++) {
		if (a->type == type)
			return a->value;
	}
	errno = ENOENT;
	return 0;
}

/*
 * newlib's __libc_init_array()/__libc_fini_array() also call _init() and _fini(), which
 * come from the compiler's crti.o in a hosted toolchain. We link no crti.o; these are empty.
 */
void _init(void);
void _fini(void);

void _init(void) {}

void _fini(void) {}

static void run_init_arrays(void)
{
	void (**f)(void);

	for (f = __preinit_array_start; f < __preinit_array_end; f++)
		(*f)();
	for (f = __init_array_start; f < __init_array_end; f++)
		(*f)();
}

void __libc_start(unsigned long *sp) __attribute__((noreturn));

void __libc_start(unsigned long *sp)
{
	int argc = (int)sp[0];
	char **argv = (char **)&sp[1];
	char **envp = argv + argc + 1;
	char **p = envp;

	while (*p)
		p++;
	auxv = (struct auxv_entry *)(p + 1);
	environ = envp;

	run_init_arrays();
	exit(main(argc, argv, envp));
}
