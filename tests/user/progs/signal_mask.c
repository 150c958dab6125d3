// SPDX-License-Identifier: MIT
/*
 * The signal mask as Linux keeps it: sigprocmask blocks a signal, which then stays pending
 * (sigpending shows it, a second kill adds nothing) until it is unblocked and delivered
 * once, before sigprocmask returns; SIGKILL and SIGSTOP cannot be blocked; ignoring a
 * pending signal discards it; a child inherits the mask but not the pending signals;
 * sigsuspend waits with a temporary mask.
 *
 *   signal_mask [--qemu-user] [DIR]     (DIR is not used)
 *
 * Runs on our kernel (tests/qemu/mmap.sh) and on Linux (tests/user/run-linux-oracle.sh).
 */
#define _GNU_SOURCE
#include "mmap_test.h"

static volatile int calls;

static void count(int sig)
{
	(void)sig;
	calls++;
}

static sigset_t just(int sig)
{
	sigset_t set;

	sigemptyset(&set);
	sigaddset(&set, sig);
	return set;
}

static int is_pending(int sig)
{
	sigset_t set;

	sigemptyset(&set);
	sigpending(&set);
	return sigismember(&set, sig);
}

static void test_block_and_pending(void)
{
	sigset_t set = just(SIGUSR1), old, now;
	int seen;

	set_handler(SIGUSR1, count);
	calls = 0;
	sigprocmask(SIG_BLOCK, &set, &old);
	tap_check(!sigismember(&old, SIGUSR1), "sigprocmask_returns_the_old_mask",
		  "expected the old mask without SIGUSR1, seen SIGUSR1 in it");
	kill(getpid(), SIGUSR1);
	tap_check(calls == 0, "blocked_signal_is_not_delivered", "expected 0 calls, seen %d",
		  calls);
	tap_check(is_pending(SIGUSR1), "blocked_signal_is_pending",
		  "expected sigpending to show %d, seen it missing", SIGUSR1);
	tap_check(!is_pending(SIGUSR2), "sigpending_shows_only_pending_signals",
		  "expected SIGUSR2 not pending, seen it pending");
	kill(getpid(), SIGUSR1);
	sigprocmask(SIG_UNBLOCK, &set, &now);
	seen = calls; /* delivered before sigprocmask returned */
	tap_check(
	    seen == 1, "unblocking_delivers_the_pending_signal_once_at_once",
	    "expected 1 call right after sigprocmask (two kills, one pending signal), seen %d",
	    seen);
	tap_check(sigismember(&now, SIGUSR1), "sig_unblock_returns_the_mask_it_replaced",
		  "expected SIGUSR1 in the returned mask, seen it missing");
	tap_check(!is_pending(SIGUSR1), "delivered_signal_is_no_longer_pending",
		  "expected SIGUSR1 not pending, seen it pending");
	sigprocmask(SIG_SETMASK, &set, NULL);
	sigprocmask(SIG_SETMASK, &old, &now);
	tap_check(
	    sigismember(&now, SIGUSR1) && !is_pending(SIGUSR1) && calls == 1,
	    "sig_setmask_sets_the_whole_mask",
	    "expected SIGUSR1 in the replaced mask, not pending, 1 call; seen otherwise (calls %d)",
	    calls);
	errno = 0;
	tap_check(sigprocmask(99, &set, NULL) == -1 && errno == EINVAL,
		  "sigprocmask_bad_how_is_einval", "expected errno %d, seen %d", EINVAL, errno);
}

static void test_unblockable(void)
{
	sigset_t all, now;
	pid_t pid;
	int st;

	sigfillset(&all);
	sigprocmask(SIG_BLOCK, &all, NULL);
	sigprocmask(SIG_BLOCK, NULL, &now);
	tap_check(!sigismember(&now, SIGKILL) && !sigismember(&now, SIGSTOP) &&
		      sigismember(&now, SIGUSR1) && sigismember(&now, SIGTERM),
		  "sigkill_and_sigstop_cannot_be_blocked",
		  "expected every signal blocked but SIGKILL and SIGSTOP, seen KILL %d STOP %d "
		  "USR1 %d TERM %d",
		  sigismember(&now, SIGKILL), sigismember(&now, SIGSTOP),
		  sigismember(&now, SIGUSR1), sigismember(&now, SIGTERM));
	sigemptyset(&all);
	sigprocmask(SIG_SETMASK, &all, NULL);

	pid = fork();
	if (pid == 0) {
		sigfillset(&all);
		sigprocmask(SIG_BLOCK, &all, NULL);
		kill(getpid(), SIGKILL);
		_exit(0);
	}
	st = wait_status(pid);
	tap_check(WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL,
		  "sigkill_kills_with_everything_blocked",
		  "expected death by signal %d, seen status 0x%x", SIGKILL, st);

	pid = fork();
	if (pid == 0) {
		sigset_t term = just(SIGTERM);

		sigprocmask(SIG_BLOCK, &term, NULL);
		kill(getpid(), SIGTERM);
		sigprocmask(SIG_UNBLOCK, &term, NULL); /* default action: dies here */
		_exit(0);
	}
	st = wait_status(pid);
	tap_check(WIFSIGNALED(st) && WTERMSIG(st) == SIGTERM,
		  "pending_signal_with_default_action_kills_when_unblocked",
		  "expected death by signal %d, seen status 0x%x", SIGTERM, st);
}

static void test_ignore_discards(void)
{
	sigset_t set = just(SIGUSR2);

	set_handler(SIGUSR2, count);
	calls = 0;
	sigprocmask(SIG_BLOCK, &set, NULL);
	kill(getpid(), SIGUSR2);
	signal(SIGUSR2, SIG_IGN);
	tap_check(!is_pending(SIGUSR2), "ignoring_a_pending_signal_discards_it",
		  "expected SIGUSR2 no longer pending after SIG_IGN, seen it still pending");
	set_handler(SIGUSR2, count);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	tap_check(calls == 0, "discarded_signal_is_not_delivered_later",
		  "expected 0 calls, seen %d", calls);
	signal(SIGUSR2, SIG_DFL);
}

static void test_fork(void)
{
	sigset_t set = just(SIGUSR1);
	pid_t pid;
	int st;

	set_handler(SIGUSR1, count);
	sigprocmask(SIG_BLOCK, &set, NULL);
	kill(getpid(), SIGUSR1);
	pid = fork();
	if (pid == 0) {
		sigset_t now;

		sigprocmask(SIG_BLOCK, NULL, &now);
		if (!sigismember(&now, SIGUSR1))
			_exit(2);
		_exit(is_pending(SIGUSR1) ? 3 : 0);
	}
	st = wait_status(pid);
	tap_check(WIFEXITED(st) && WEXITSTATUS(st) == 0,
		  "child_inherits_the_mask_but_not_pending_signals",
		  "expected exit 0 (2: mask not inherited, 3: pending signal inherited), seen "
		  "status 0x%x",
		  st);
	calls = 0;
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	tap_check(calls == 1, "parent_still_has_its_pending_signal_after_fork",
		  "expected 1 call, seen %d", calls);
	signal(SIGUSR1, SIG_DFL);
}

static void test_sigsuspend(void)
{
	sigset_t set = just(SIGUSR1), empty, now;
	pid_t pid;
	int r, err;

	set_handler(SIGUSR1, count);
	sigprocmask(SIG_BLOCK, &set, NULL);
	calls = 0;
	pid = fork();
	if (pid == 0) {
		kill(getppid(), SIGUSR1);
		_exit(0);
	}
	sigemptyset(&empty);
	r = sigsuspend(&empty);
	err = errno;
	sigprocmask(SIG_BLOCK, NULL, &now);
	tap_check(r == -1 && err == EINTR && calls == 1,
		  "sigsuspend_returns_eintr_after_the_handler_ran",
		  "expected -1 with errno %d after 1 call, seen %d errno %d after %d calls", EINTR,
		  r, err, calls);
	tap_check(sigismember(&now, SIGUSR1), "sigsuspend_restores_the_mask",
		  "expected SIGUSR1 blocked again after sigsuspend, seen it unblocked");
	wait_status(pid);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	signal(SIGUSR1, SIG_DFL);
}

int main(void)
{
	test_block_and_pending();
	test_unblockable();
	test_ignore_discards();
	test_fork();
	test_sigsuspend();
	return tap_done();
}
