// SPDX-License-Identifier: MIT
/*
 * A fault while a signal is being delivered kills the process cleanly, as on Linux: when
 * the kernel cannot write the signal frame (the stack is exhausted, the stack pointer is
 * bad or points at a read-only page) or the SIGSEGV handler itself faults, the process dies
 * of SIGSEGV, and its parent lives on. Each case runs in a child; the parent checks the
 * wait status.
 *
 *   signal_overflow [--qemu-user] [DIR]     (DIR is not used)
 *
 * Runs on our kernel (tests/qemu/mmap.sh) and on Linux (tests/user/run-linux-oracle.sh).
 */
#define _GNU_SOURCE
#include "mmap_test.h"

static volatile int handler_calls;

static void on_segv(int sig)
{
	(void)sig;
	handler_calls++;
	_exit(2); /* a handler that ran: the frame could be written after all */
}

static void on_segv_faulting(int sig)
{
	volatile int *volatile null_page = (volatile int *)0x20;

	(void)sig;
	*null_page = 1; /* SIGSEGV is blocked in its own handler: this fault kills */
	_exit(2);
}

static void __attribute__((unused)) on_usr1(int sig)
{
	(void)sig;
	_exit(2);
}

#ifdef __arm__
/* Points sp at sp_value and reads from bad: the SIGSEGV frame must go below sp_value. */
static void __attribute__((noinline)) fault_with_sp(unsigned long sp_value, unsigned long bad)
{
	__asm__ volatile("mov sp, %1\n\t"
			 "ldr %0, [%0]\n\t"
			 : "+r"(bad)
			 : "r"(sp_value)
			 : "memory");
}

/* Points sp at sp_value and sends itself SIGUSR1 with kill(2) (r7 = 37), then exit(42). */
static void __attribute__((noinline)) kill_self_with_sp(unsigned long sp_value)
{
	register unsigned long r0 __asm__("r0") = (unsigned long)getpid();
	register unsigned long r1 __asm__("r1") = SIGUSR1;
	register unsigned long r2 __asm__("r2") = sp_value;

	__asm__ volatile("mov sp, r2\n\t"
			 "mov r7, #37\n\t"
			 "svc #0\n\t"
			 "mov r0, #42\n\t"
			 "mov r7, #1\n\t"
			 "svc #0\n\t"
			 : "+r"(r0), "+r"(r1), "+r"(r2)
			 :
			 : "r7", "memory");
}

static unsigned long read_only_page(void)
{
	char *p = mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	return (unsigned long)p + PAGE - 64; /* near its top: the frame lands inside it */
}
#endif

static int run_child(int what)
{
	pid_t pid = fork();
	int st = -1;

	if (pid == 0) {
		volatile int *volatile null_page = (volatile int *)0x10;

		switch (what) {
		case 0:
			set_handler(SIGSEGV, on_segv);
			_exit(recurse_forever(NULL) == 0 ? 3 : 4);
#ifdef __arm__
		case 1:
			set_handler(SIGSEGV, on_segv);
			fault_with_sp(0x1000, 0x10);
			break;
		case 2:
			set_handler(SIGSEGV, on_segv);
			fault_with_sp(read_only_page(), 0x10);
			break;
#endif
		case 3:
			set_handler(SIGSEGV, on_segv_faulting);
			*null_page = 1; /* a good stack: the handler runs, then faults */
			break;
#ifdef __arm__
		case 4:
			set_handler(SIGUSR1, on_usr1);
			kill_self_with_sp(0x1000);
			break;
		case 5:
			set_handler(SIGUSR1, on_usr1);
			kill_self_with_sp(read_only_page());
			break;
#endif
		}
		_exit(5);
	}
	waitpid(pid, &st, 0);
	return st;
}

static void check_killed(const char *name, int what, const char *how)
{
#ifndef __arm__
	if (what != 0 && what != 3) { /* the native build of the oracle */
		tap_skip(name, "sets sp with ARM code");
		return;
	}
#endif
	int st = run_child(what);

	tap_check(WIFSIGNALED(st) && WTERMSIG(st) == SIGSEGV, name,
		  "expected death by signal %d (%s), seen status 0x%x (exit 2: the handler ran, "
		  "42: the signal was lost)",
		  SIGSEGV, how, st);
}

int main(void)
{
	check_killed("stack_overflow_with_a_sigsegv_handler_kills_with_sigsegv", 0,
		     "no room left for the frame");
	check_killed("fault_with_sp_at_an_unmapped_address_kills_with_sigsegv", 1,
		     "the frame would go below 0x1000");
	check_killed("fault_with_sp_in_a_read_only_page_kills_with_sigsegv", 2,
		     "the frame would go into a read-only page");
	check_killed("fault_inside_the_sigsegv_handler_kills_with_sigsegv", 3,
		     "SIGSEGV is blocked in its handler");
	check_killed("signal_delivery_onto_an_unmapped_stack_kills_with_sigsegv", 4,
		     "SIGUSR1's frame cannot be written");
	check_killed("signal_delivery_onto_a_read_only_stack_kills_with_sigsegv", 5,
		     "SIGUSR1's frame cannot be written");
	tap_check(handler_calls == 0, "parent_survives_every_child_untouched",
		  "expected no handler call in the parent, seen %d", handler_calls);
	return tap_done();
}
