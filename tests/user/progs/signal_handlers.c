// SPDX-License-Identifier: MIT
/*
 * sigaction(2) flags as Linux implements them: SA_RESETHAND (the handler runs once, the next
 * delivery takes the default action), SA_NODEFER (the handler can be re-entered by its own
 * signal), the default (the signal waits until the handler returns), sa_mask (other signals
 * wait too), the mask restored when the handler returns, SA_SIGINFO for kill() (SI_USER and
 * the sender's pid), the old action returned, and the signals no action may be set for.
 *
 *   signal_handlers [--qemu-user] [DIR]     (DIR is not used)
 *
 * Runs on our kernel (tests/qemu/mmap.sh) and on Linux (tests/user/run-linux-oracle.sh).
 */
#define _GNU_SOURCE
#include "mmap_test.h"

static int set_action(int sig, void (*fn)(int), unsigned long flags, const sigset_t *mask)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = fn;
	sa.sa_flags = flags;
	if (mask)
		sa.sa_mask = *mask;
	else
		sigemptyset(&sa.sa_mask);
	return sigaction(sig, &sa, NULL);
}

static int is_blocked(int sig)
{
	sigset_t cur;

	sigprocmask(SIG_BLOCK, NULL, &cur);
	return sigismember(&cur, sig);
}

/* ---- SA_RESETHAND ----------------------------------------------------------------------- */
static int report_fd = -1;

static void report_call(int sig)
{
	char c = (char)sig;

	write(report_fd, &c, 1);
}

/* In a child: SA_RESETHAND on sig, the signal twice (by kill, or by a fault that the handler
 * does not repair); the parent reads how often the handler ran and how the child died. */
static void resethand_child(int sig, int by_fault, int *calls, int *status)
{
	int pfd[2];
	char buf[8];
	pid_t pid;

	pipe(pfd);
	pid = fork();
	if (pid == 0) {
		struct sigaction now;
		volatile int *volatile null_page = (volatile int *)0x10;

		close(pfd[0]);
		report_fd = pfd[1];
		set_action(sig, report_call, SA_RESETHAND, NULL);
		if (by_fault) {
			*null_page = 1; /* the handler returns, the write faults again */
			_exit(3);
		}
		kill(getpid(), sig);
		sigaction(sig, NULL, &now);
		if (now.sa_handler != SIG_DFL)
			_exit(4);
		kill(getpid(), sig);
		_exit(5);
	}
	close(pfd[1]);
	*calls = 0;
	while (read(pfd[0], buf, 1) == 1)
		(*calls)++;
	close(pfd[0]);
	*status = wait_status(pid);
}

static void test_resethand(void)
{
	int calls, st;

	resethand_child(SIGUSR1, 0, &calls, &st);
	tap_check(calls == 1, "sa_resethand_handler_runs_once", "expected 1 call, seen %d", calls);
	tap_check(WIFSIGNALED(st) && WTERMSIG(st) == SIGUSR1,
		  "sa_resethand_second_signal_takes_the_default_action",
		  "expected death by signal %d, seen status 0x%x (exit 4: the action was not reset "
		  "to SIG_DFL)",
		  SIGUSR1, st);
	resethand_child(SIGSEGV, 1, &calls, &st);
	tap_check(calls == 1 && WIFSIGNALED(st) && WTERMSIG(st) == SIGSEGV,
		  "sa_resethand_second_fault_kills_with_sigsegv",
		  "expected 1 handler call then death by signal %d, seen %d calls and status 0x%x",
		  SIGSEGV, calls, st);
}

/* ---- SA_NODEFER and the default ------------------------------------------------------------ */
static volatile int depth, max_depth, calls, blocked_inside;

static void reenter(int sig)
{
	calls++;
	depth++;
	if (depth > max_depth)
		max_depth = depth;
	if (calls == 1) {
		blocked_inside = is_blocked(sig);
		kill(getpid(), sig); /* nested at once with SA_NODEFER, else after return */
	}
	depth--;
}

static void test_nodefer(void)
{
	depth = max_depth = calls = 0;
	set_action(SIGUSR2, reenter, SA_NODEFER, NULL);
	kill(getpid(), SIGUSR2);
	tap_check(calls == 2 && max_depth == 2, "sa_nodefer_lets_the_handler_be_reentered",
		  "expected 2 calls, 2 deep, seen %d calls, %d deep", calls, max_depth);
	tap_check(!blocked_inside, "sa_nodefer_leaves_the_signal_unblocked_in_its_handler",
		  "expected signal %d unblocked inside its handler, seen it blocked", SIGUSR2);

	depth = max_depth = calls = 0;
	set_action(SIGUSR2, reenter, 0, NULL);
	kill(getpid(), SIGUSR2);
	tap_check(calls == 2 && max_depth == 1,
		  "without_sa_nodefer_the_signal_waits_until_the_handler_returns",
		  "expected 2 calls, 1 deep, seen %d calls, %d deep", calls, max_depth);
	tap_check(blocked_inside, "handler_runs_with_its_own_signal_blocked",
		  "expected signal %d blocked inside its handler, seen it unblocked", SIGUSR2);
	tap_check(!is_blocked(SIGUSR2), "mask_is_restored_when_the_handler_returns",
		  "expected signal %d unblocked after the handler, seen it still blocked", SIGUSR2);
	signal(SIGUSR2, SIG_DFL);
}

/* ---- sa_mask ------------------------------------------------------------------------------ */
static char order[16];
static volatile int order_len;

static void note_usr2(int sig)
{
	(void)sig;
	order[order_len++] = '2';
}

static void usr1_sends_usr2(int sig)
{
	(void)sig;
	order[order_len++] = '[';
	kill(getpid(), SIGUSR2); /* in sa_mask: waits for this handler to return */
	order[order_len++] = ']';
}

static void test_sa_mask(void)
{
	sigset_t mask;

	sigemptyset(&mask);
	sigaddset(&mask, SIGUSR2);
	set_action(SIGUSR2, note_usr2, 0, NULL);
	set_action(SIGUSR1, usr1_sends_usr2, 0, &mask);
	order_len = 0;
	kill(getpid(), SIGUSR1);
	order[order_len] = '\0';
	tap_check(strcmp(order, "[]2") == 0, "sa_mask_blocks_other_signals_while_the_handler_runs",
		  "expected \"[]2\" (SIGUSR1's handler, then SIGUSR2's), seen \"%s\"", order);

	set_action(SIGUSR1, usr1_sends_usr2, 0, NULL);
	order_len = 0;
	kill(getpid(), SIGUSR1);
	order[order_len] = '\0';
	tap_check(strcmp(order, "[2]") == 0, "signal_not_in_sa_mask_interrupts_the_handler",
		  "expected \"[2]\" (SIGUSR2's handler inside SIGUSR1's), seen \"%s\"", order);
	signal(SIGUSR1, SIG_DFL);
	signal(SIGUSR2, SIG_DFL);
}

/* ---- SA_SIGINFO for kill() ------------------------------------------------------------------- */
static volatile int info_signo, info_code, info_pid, info_calls;

static void save_info(int sig, siginfo_t *info, void *ucontext)
{
	(void)sig;
	(void)ucontext;
	info_signo = info->si_signo;
	info_code = info->si_code;
	info_pid = info->si_pid;
	info_calls++;
}

static void test_siginfo(void)
{
	struct sigaction sa;
	sigset_t set, old;
	pid_t pid;

	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = save_info;
	sa.sa_flags = SA_SIGINFO;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGUSR1, &sa, NULL);
	kill(getpid(), SIGUSR1);
	tap_check(info_calls == 1 && info_signo == SIGUSR1 && info_code == SI_USER,
		  "kill_gives_si_user",
		  "expected si_signo %d si_code %d (SI_USER), seen %d calls, %d, %d", SIGUSR1,
		  SI_USER, info_calls, info_signo, info_code);
	tap_check(info_pid == getpid(), "kill_gives_the_senders_pid", "expected si_pid %d, seen %d",
		  (int)getpid(), info_pid);

	/* From a child, while blocked; delivered when unblocked. */
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	sigprocmask(SIG_BLOCK, &set, &old);
	pid = fork();
	if (pid == 0) {
		kill(getppid(), SIGUSR1);
		_exit(0);
	}
	wait_status(pid);
	info_pid = 0;
	sigprocmask(SIG_SETMASK, &old, NULL);
	tap_check(
	    info_calls == 2 && info_pid == pid && info_code == SI_USER,
	    "signal_from_a_child_carries_the_childs_pid",
	    "expected a second call with si_pid %d and SI_USER, seen %d calls, si_pid %d, code %d",
	    (int)pid, info_calls, info_pid, info_code);
	signal(SIGUSR1, SIG_DFL);
}

/* ---- sigaction itself ----------------------------------------------------------------------- */
static void test_sigaction(void)
{
	struct sigaction sa, old;

	sigaction(SIGUSR1, NULL, &old);
	tap_check(old.sa_handler == SIG_DFL, "default_action_is_sig_dfl", "seen %p",
		  (void *)old.sa_handler);
	set_action(SIGUSR1, report_call, SA_RESETHAND | SA_NODEFER, NULL);
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = SIG_IGN;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGUSR1, &sa, &old);
	tap_check(old.sa_handler == report_call &&
		      (old.sa_flags & (SA_RESETHAND | SA_NODEFER | SA_SIGINFO)) ==
			  (SA_RESETHAND | SA_NODEFER),
		  "sigaction_returns_the_old_handler_and_flags",
		  "expected %p with SA_RESETHAND|SA_NODEFER, seen %p with flags 0x%lx",
		  (void *)report_call, (void *)old.sa_handler, (unsigned long)old.sa_flags);
	kill(getpid(), SIGUSR1);
	tap_check(1, "ignored_signal_does_nothing", "%s", "");
	signal(SIGUSR1, SIG_DFL);

	errno = 0;
	tap_check(sigaction(SIGKILL, &sa, NULL) == -1 && errno == EINVAL,
		  "sigaction_on_sigkill_is_einval", "expected errno %d, seen %d", EINVAL, errno);
	errno = 0;
	tap_check(sigaction(SIGSTOP, &sa, NULL) == -1 && errno == EINVAL,
		  "sigaction_on_sigstop_is_einval", "expected errno %d, seen %d", EINVAL, errno);
	errno = 0;
	tap_check(sigaction(0, &sa, NULL) == -1 && errno == EINVAL,
		  "sigaction_on_signal_0_is_einval", "expected errno %d, seen %d", EINVAL, errno);
	errno = 0;
	tap_check(sigaction(65, &sa, NULL) == -1 && errno == EINVAL,
		  "sigaction_on_signal_65_is_einval", "expected errno %d, seen %d", EINVAL, errno);
	tap_check(sigaction(SIGKILL, NULL, &old) == 0 && old.sa_handler == SIG_DFL,
		  "sigaction_can_read_sigkills_action", "expected 0 and SIG_DFL, seen errno %d",
		  errno);
}

int main(void)
{
	test_resethand();
	test_nodefer();
	test_sa_mask();
	test_siginfo();
	test_sigaction();
	return tap_done();
}
