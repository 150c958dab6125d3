// SPDX-License-Identifier: MIT
/*
 * init: process 1.
 *
 * The kernel starts it with descriptors 0, 1 and 2 open on the console (if they are not,
 * init opens /dev/console itself). It prints a banner, runs /etc/rc with /bin/sh if that
 * file exists, then keeps a shell on the console: whenever the shell exits, init starts
 * another.
 *
 * Its other duty is Unix's oldest: every process whose parent dies becomes init's child,
 * and nobody else will wait() for it. So init's loop is a plain wait() for any child; when
 * the child is the shell it starts a new one, otherwise it has just reaped an orphan and
 * there is nothing more to do. A zombie that lingers under init would mean this loop is
 * not running.
 *
 * (With init=PROGRAM on the kernel command line the kernel runs PROGRAM as process 1
 * instead, and powers off when it exits; this file is not involved.)
 */
#include <sys/types.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define SHELL	"sh" /* looked up in $PATH, which defaults to /bin:/sbin */
#define RC_FILE "/etc/rc"

static void say(const char *msg)
{
	write(STDOUT_FILENO, msg, strlen(msg));
}

/* Descriptors 0, 1, 2 on the console, unless the kernel already opened them. */
static void open_console(void)
{
	struct stat st;
	int fd;

	if (fstat(0, &st) == 0)
		return;
	fd = open("/dev/console", O_RDWR);
	if (fd < 0)
		return; /* nowhere to print to; carry on regardless */
	if (fd != 0) {
		dup2(fd, 0);
		close(fd);
	}
	dup2(0, 1);
	dup2(0, 2);
}

static void banner(void)
{
	struct utsname u;
	char line[256];

	if (uname(&u) < 0)
		memset(&u, 0, sizeof(u));
	snprintf(line, sizeof(line), "init: %s %s on %s, pid %d\n", u.sysname, u.release, u.machine,
		 (int)getpid());
	say(line);
}

/* Starts the shell with these arguments; returns its pid, or -1. */
static pid_t start_shell(char *const argv[])
{
	pid_t pid = fork();

	if (pid == 0) {
		execvp(SHELL, argv);
		fprintf(stderr, "init: cannot run %s: %s\n", SHELL, strerror(errno));
		_exit(127);
	}
	if (pid < 0)
		fprintf(stderr, "init: fork: %s\n", strerror(errno));
	return pid;
}

/* Waits for `pid`, reaping any orphan that dies meanwhile. Returns its wait status. */
static int wait_for(pid_t pid)
{
	for (;;) {
		int status;
		pid_t got = wait(&status);

		if (got == pid)
			return status;
		if (got < 0 && errno == ECHILD)
			return -1;
		/* got > 0: an orphan, now reaped; got < 0 with EINTR: try again */
	}
}

static time_t uptime(void)
{
	struct timespec ts = {0};

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec;
}

static void run_rc(void)
{
	char *argv[] = {"sh", RC_FILE, NULL};
	struct stat st;
	pid_t pid;

	if (stat(RC_FILE, &st) < 0)
		return;
	say("init: running " RC_FILE "\n");
	pid = start_shell(argv);
	if (pid > 0)
		wait_for(pid);
}

int main(void)
{
	char *argv[] = {"sh", NULL};

	open_console();
	setenv("PATH", "/bin:/sbin", 0);
	setenv("HOME", "/", 0);
	banner();
	run_rc();
	for (;;) {
		time_t started = uptime();
		pid_t pid = start_shell(argv);
		int status;

		if (pid < 0) {
			sleep(1);
			continue;
		}
		status = wait_for(pid);
		if (status >= 0 && WIFSIGNALED(status))
			fprintf(stderr,
				"init: the shell was killed by signal %d, starting another\n",
				WTERMSIG(status));
		else if (status >= 0 && WEXITSTATUS(status) != 0)
			fprintf(stderr, "init: the shell exited with status %d, starting another\n",
				WEXITSTATUS(status));
		else
			say("init: the shell exited, starting another\n");
		/* A shell that dies at once (no /bin/sh, console input closed) must not make
		 * init spin: wait a second before the next attempt. */
		if (uptime() - started < 1)
			sleep(1);
	}
}
