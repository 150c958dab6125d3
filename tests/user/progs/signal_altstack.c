// SPDX-License-Identifier: MIT
/*
 * sigaltstack(2): a handler installed with SA_ONSTACK runs on the alternate stack, which is
 * what lets a program catch its own stack overflow (signal_overflow shows the process dying
 * without one). The settings, their errors, and what fork and exec do with them.
 *
 *   signal_altstack [--qemu-user] [DIR]     (DIR is not used)
 *
 * Runs on our kernel (tests/qemu/mmap.sh) and on Linux (tests/user/run-linux-oracle.sh).
 */
#define _GNU_SOURCE
#include "mmap_test.h"

#define ALT_SIZE (64 * 1024)

static char *alt;			/* the alternate stack */
static volatile uintptr_t handler_sp;	/* an address on the stack the handler ran on */
static volatile int handler_ss_flags, handler_change_err;

static int on_alt(uintptr_t sp)
{
	return sp > (uintptr_t)alt && sp <= (uintptr_t)alt + ALT_SIZE;
}

static void on_usr1(int sig)
{
	volatile char here;
	stack_t now, other = { .ss_sp = alt, .ss_size = ALT_SIZE, .ss_flags = 0 };

	(void)sig;
	handler_sp = (uintptr_t)&here;
	handler_ss_flags = sigaltstack(NULL, &now) == 0 ? now.ss_flags : -1;
	handler_change_err = sigaltstack(&other, NULL) == 0 ? 0 : errno;
}

static void settings(void)
{
	stack_t ss, old;

	tap_check(sigaltstack(NULL, &old) == 0 && old.ss_flags == SS_DISABLE,
		  "no_alternate_stack_at_first", "ss_flags %d", old.ss_flags);
	ss.ss_sp = alt;
	ss.ss_size = 2047;	/* the kernel's MINSIGSTKSZ is 2048 (glibc's macro may be larger) */
	ss.ss_flags = 0;
	tap_check(sigaltstack(&ss, NULL) == -1 && errno == ENOMEM,
		  "a_stack_below_minsigstksz_is_enomem", "errno %d", errno);
	ss.ss_size = ALT_SIZE;
	ss.ss_flags = 0x1234;
	tap_check(sigaltstack(&ss, NULL) == -1 && errno == EINVAL, "unknown_ss_flags_are_einval",
		  "errno %d", errno);
	tap_check(sigaltstack((stack_t *)8, NULL) == -1 && errno == EFAULT,
		  "a_bad_pointer_is_efault", "errno %d", errno);
	ss.ss_flags = 0;
	tap_check(sigaltstack(&ss, &old) == 0 && old.ss_flags == SS_DISABLE,
		  "setting_returns_the_old_settings", "errno %d, old flags %d", errno,
		  old.ss_flags);
	tap_check(sigaltstack(NULL, &old) == 0 && old.ss_sp == alt && old.ss_size == ALT_SIZE &&
			  old.ss_flags == 0,
		  "the_stack_reads_back_off_it", "sp %p size %zu flags %d", old.ss_sp,
		  (size_t)old.ss_size, old.ss_flags);
}

static void delivery(void)
{
	volatile char here;

	set_handler_flags(SIGUSR1, on_usr1, SA_ONSTACK);
	raise(SIGUSR1);
	tap_check(on_alt(handler_sp), "sa_onstack_handler_runs_on_the_alternate_stack",
		  "handler at %p, alternate stack %p-%p", (void *)handler_sp, (void *)alt,
		  (void *)(alt + ALT_SIZE));
	tap_check(handler_ss_flags == SS_ONSTACK, "inside_the_handler_ss_flags_is_ss_onstack",
		  "seen %d", handler_ss_flags);
	tap_check(handler_change_err == EPERM, "changing_the_stack_while_on_it_is_eperm",
		  "seen errno %d", handler_change_err);
	set_handler_flags(SIGUSR1, on_usr1, 0);
	raise(SIGUSR1);
	tap_check(!on_alt(handler_sp) && handler_sp < (uintptr_t)&here,
		  "without_sa_onstack_the_handler_uses_the_normal_stack", "handler at %p",
		  (void *)handler_sp);
}

static void on_segv_alt(int sig)
{
	volatile char here;

	(void)sig;
	_exit(on_alt((uintptr_t)&here) ? 7 : 8);
}

static int child_status(int what)
{
	pid_t pid = fork();

	if (pid == 0) {
		if (what == 0) {
			set_handler_flags(SIGSEGV, on_segv_alt, SA_ONSTACK);
			_exit(recurse_forever(NULL) == 0 ? 3 : 4);
		} else {
			stack_t now;

			_exit(sigaltstack(NULL, &now) == 0 && now.ss_sp == alt &&
					      now.ss_flags == 0
				      ? 0
				      : 1);
		}
	}
	return wait_status(pid);
}

int main(int argc, char **argv)
{
	int st;

	parse_args(argc, argv);
	alt = malloc(ALT_SIZE);
	settings();
	delivery();
	st = child_status(1);
	tap_check(WIFEXITED(st) && WEXITSTATUS(st) == 0, "fork_keeps_the_alternate_stack",
		  "child status 0x%x", st);
	st = child_status(0);
	tap_check(WIFEXITED(st) && WEXITSTATUS(st) == 7,
		  "stack_overflow_is_caught_on_the_alternate_stack",
		  "expected exit 7 from the handler on the alternate stack, seen status 0x%x "
		  "(exit 8: handler on the normal stack; killed by 11: not caught)",
		  st);
	return tap_done();
}
