// SPDX-License-Identifier: MIT
/*
 * Signals for faults, as Linux delivers them to a SA_SIGINFO handler: SIGSEGV with
 * SEGV_MAPERR (nothing mapped) or SEGV_ACCERR (mapped, access not allowed: a write to a
 * read-only page, a read of a PROT_NONE page, a jump into a page without PROT_EXEC), SIGBUS
 * with BUS_ADRERR for a file mapping past the end of the file, si_addr the faulting address
 * each time. A handler that repairs the mapping and returns makes the access run again; a
 * fault inside another signal's handler is delivered too; a fault cannot be blocked or
 * ignored: the process dies of it.
 *
 *   signal_fault [--qemu-user] [DIR]     DIR: where to create scratch files (default /tmp)
 *
 * Runs on our kernel (tests/qemu/mmap.sh) and on Linux (tests/user/run-linux-oracle.sh).
 */
#define _GNU_SOURCE
#include "mmap_test.h"

/*
 * touch(), then checks signal, si_signo, si_code and si_addr. (qemu-user 7.2 reports the
 * si_addr of a SIGBUS one page too high: under qemu-user that address is not checked.)
 */
static void check_fault(const char *name, volatile char *p, int how, int sig, int code,
			const char *code_name)
{
	int seen, addr_ok;

	fault_code = 0; /* touch() keeps the last fault's si_code: no signal shows code 0 */
	seen = touch(p, how);
	addr_ok = fault_addr == (void *)p || (qemu_user && sig == SIGBUS);

	if (qemu_user && sig == SIGBUS && fault_addr != (void *)p)
		printf("# qemu-user: si_addr %p for an access at %p, not checked\n", fault_addr,
		       (void *)p);
	tap_check(seen == sig && fault_signo == sig && fault_code == code && addr_ok, name,
		  "expected signal %d (si_signo %d) code %d (%s) at %p, seen signal %d (si_signo "
		  "%d) code %d at %p",
		  sig, sig, code, code_name, (void *)p, seen, fault_signo, fault_code, fault_addr);
}

/* ---- the tests ------------------------------------------------------------------------- */

static void test_sigsegv(void)
{
	char *p = mmap(NULL, 4 * PAGE, RW, ANON, -1, 0);
	uint16_t *code;

	munmap(p + 3 * PAGE, PAGE);
	check_fault("read_of_an_unmapped_page_is_sigsegv_maperr_with_its_address",
		    p + 3 * PAGE + 40, 0, SIGSEGV, SEGV_MAPERR, "SEGV_MAPERR");
	check_fault("write_near_null_is_sigsegv_maperr_with_its_address", (char *)0x10, 1, SIGSEGV,
		    SEGV_MAPERR, "SEGV_MAPERR");
	check_fault("write_to_a_kernel_address_is_sigsegv_maperr", (char *)0xc0001000, 1, SIGSEGV,
		    SEGV_MAPERR, "SEGV_MAPERR");
	mprotect(p, PAGE, PROT_READ);
	check_fault("write_to_a_read_only_page_is_sigsegv_accerr_with_its_address", p + 7, 1,
		    SIGSEGV, SEGV_ACCERR, "SEGV_ACCERR");
	mprotect(p + PAGE, PAGE, PROT_NONE);
	check_fault("read_of_a_prot_none_page_is_sigsegv_accerr_with_its_address", p + PAGE + 99, 0,
		    SIGSEGV, SEGV_ACCERR, "SEGV_ACCERR");
#ifdef __arm__
	code = (uint16_t *)(p + 2 * PAGE);
	code[0] = 0x4770; /* Thumb: bx lr */
	code[1] = 0x4770;
	check_fault("call_into_a_page_without_prot_exec_is_sigsegv_accerr_at_its_address",
		    p + 2 * PAGE, 2, SIGSEGV, SEGV_ACCERR, "SEGV_ACCERR");
	mprotect(p + 2 * PAGE, PAGE, PROT_READ | PROT_EXEC);
	tap_check(touch(p + 2 * PAGE, 2) == 0,
		  "call_into_the_page_after_mprotect_prot_exec_returns",
		  "expected no signal, seen %d", fault_sig);
#else
	(void)code;
	tap_skip("call_into_a_page_without_prot_exec_is_sigsegv_accerr_at_its_address",
		 "the code written is Thumb");
	tap_skip("call_into_the_page_after_mprotect_prot_exec_returns",
		 "the code written is Thumb");
#endif
	munmap(p, 3 * PAGE);
}

static void test_sigbus(void)
{
	char path[256], *m;
	int fd;

	snprintf(path, sizeof(path), "%s/signal_fault_short", dir);
	fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0644);
	write(fd, "0123456789", 10);
	m = mmap(NULL, 3 * PAGE, PROT_READ, MAP_SHARED, fd, 0);
	close(fd);
	tap_check(touch(m + 9, 0) == 0 && m[9] == '9', "read_inside_the_file_is_fine",
		  "expected '9' and no signal, seen signal %d", fault_sig);
	check_fault("read_of_a_page_past_eof_is_sigbus_adrerr_with_its_address", m + PAGE + 5, 0,
		    SIGBUS, BUS_ADRERR, "BUS_ADRERR");
	check_fault("read_of_the_next_page_past_eof_is_sigbus_too", m + 2 * PAGE, 0, SIGBUS,
		    BUS_ADRERR, "BUS_ADRERR");
	munmap(m, 3 * PAGE);
}

/* Maps the missing page at si_addr and returns: the read runs again and finds zeros. */
static volatile int repairs;

static void map_missing_page(int sig, siginfo_t *info, void *ucontext)
{
	char *page = (char *)((uintptr_t)info->si_addr & ~(uintptr_t)(PAGE - 1));

	(void)sig;
	(void)ucontext;
	repairs++;
	mmap(page, PAGE, RW, ANON | MAP_FIXED, -1, 0);
}

static void test_repair(void)
{
	volatile char *p = mmap(NULL, PAGE, RW, ANON, -1, 0);
	int v;

	munmap((void *)p, PAGE);
	install_siginfo(SIGSEGV, map_missing_page);
	repairs = 0;
	v = p[123];
	tap_check(repairs == 1 && v == 0,
		  "handler_that_maps_the_missing_page_and_returns_lets_the_read_retry",
		  "expected one handler call and 0, seen %d calls and %d", repairs, v);
	install_siginfo(SIGSEGV, on_fault);
	munmap((void *)p, PAGE);
}

/* A SIGUSR1 handler that faults: the SIGSEGV handler runs on top of it and jumps out. */
static volatile int usr1_calls;
static char *volatile usr1_target;

static void usr1_faults(int sig)
{
	(void)sig;
	usr1_calls++;
	(void)*(volatile char *)usr1_target;
}

static void test_nested(void)
{
	struct sigaction sa;
	char *p = mmap(NULL, PAGE, RW, ANON, -1, 0);

	munmap(p, PAGE);
	usr1_target = p + 8;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = usr1_faults;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGUSR1, &sa, NULL);
	fault_sig = 0;
	armed = 1;
	if (sigsetjmp(fault_jump, 1) == 0)
		kill(getpid(), SIGUSR1);
	armed = 0;
	tap_check(
	    usr1_calls == 1 && fault_sig == SIGSEGV && fault_addr == p + 8,
	    "fault_inside_another_signals_handler_is_delivered",
	    "expected the SIGUSR1 handler once, then SIGSEGV at %p, seen %d calls, signal %d at %p",
	    (void *)(p + 8), usr1_calls, fault_sig, fault_addr);
	signal(SIGUSR1, SIG_DFL);
	tap_check(touch(p, 0) == SIGSEGV, "handlers_still_work_after_leaving_both_by_siglongjmp",
		  "expected signal %d, seen %d", SIGSEGV, fault_sig);
}

/* In a child: a fault with SIGSEGV blocked (mode 0) or ignored (mode 1). */
static int fault_in_child(int mode)
{
	pid_t pid = fork();
	int st = -1;

	if (pid == 0) {
		volatile int *volatile null_page = (volatile int *)0x10;
		sigset_t set;

		if (mode == 0) {
			sigemptyset(&set);
			sigaddset(&set, SIGSEGV);
			sigprocmask(SIG_BLOCK, &set, NULL);
		} else {
			signal(SIGSEGV, SIG_IGN);
		}
		*null_page = 1;
		_exit(3); /* nothing happened */
	}
	waitpid(pid, &st, 0);
	return st;
}

static void test_unstoppable(void)
{
	int st = fault_in_child(0);

	tap_check(WIFSIGNALED(st) && WTERMSIG(st) == SIGSEGV,
		  "fault_with_sigsegv_blocked_kills_with_sigsegv",
		  "expected death by signal %d, seen status 0x%x (exit 139: the handler ran)",
		  SIGSEGV, st);
	st = fault_in_child(1);
	tap_check(WIFSIGNALED(st) && WTERMSIG(st) == SIGSEGV,
		  "fault_with_sigsegv_ignored_kills_with_sigsegv",
		  "expected death by signal %d, seen status 0x%x", SIGSEGV, st);
}

int main(int argc, char **argv)
{
	parse_args(argc, argv);
	catch_faults();
	test_sigsegv();
	test_sigbus();
	test_repair();
	test_nested();
	test_unstoppable();
	return tap_done();
}
