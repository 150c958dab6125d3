// SPDX-License-Identifier: MIT
/*
 * Names and descriptions of Linux's signal numbers, replacing newlib's strsignal() and
 * psignal(), which describe newlib's numbering. sigabbrev_np() (as in glibc 2.32) gives
 * the short name without "SIG", for kill -l and for parsing kill -TERM.
 */
#include <signal.h>
#include <string.h>
#include <unistd.h>

static const struct {
	const char *abbrev;
	const char *text;
} signals[32] = {
    [SIGHUP] = {"HUP", "Hangup"},
    [SIGINT] = {"INT", "Interrupt"},
    [SIGQUIT] = {"QUIT", "Quit"},
    [SIGILL] = {"ILL", "Illegal instruction"},
    [SIGTRAP] = {"TRAP", "Trace/breakpoint trap"},
    [SIGABRT] = {"ABRT", "Aborted"},
    [SIGBUS] = {"BUS", "Bus error"},
    [SIGFPE] = {"FPE", "Floating point exception"},
    [SIGKILL] = {"KILL", "Killed"},
    [SIGUSR1] = {"USR1", "User defined signal 1"},
    [SIGSEGV] = {"SEGV", "Segmentation fault"},
    [SIGUSR2] = {"USR2", "User defined signal 2"},
    [SIGPIPE] = {"PIPE", "Broken pipe"},
    [SIGALRM] = {"ALRM", "Alarm clock"},
    [SIGTERM] = {"TERM", "Terminated"},
    [SIGSTKFLT] = {"STKFLT", "Stack fault"},
    [SIGCHLD] = {"CHLD", "Child exited"},
    [SIGCONT] = {"CONT", "Continued"},
    [SIGSTOP] = {"STOP", "Stopped (signal)"},
    [SIGTSTP] = {"TSTP", "Stopped"},
    [SIGTTIN] = {"TTIN", "Stopped (tty input)"},
    [SIGTTOU] = {"TTOU", "Stopped (tty output)"},
    [SIGURG] = {"URG", "Urgent I/O condition"},
    [SIGXCPU] = {"XCPU", "CPU time limit exceeded"},
    [SIGXFSZ] = {"XFSZ", "File size limit exceeded"},
    [SIGVTALRM] = {"VTALRM", "Virtual timer expired"},
    [SIGPROF] = {"PROF", "Profiling timer expired"},
    [SIGWINCH] = {"WINCH", "Window changed"},
    [SIGIO] = {"IO", "I/O possible"},
    [SIGPWR] = {"PWR", "Power failure"},
    [SIGSYS] = {"SYS", "Bad system call"},
};

const char *sigabbrev_np(int sig)
{
	if (sig > 0 && sig < 32)
		return signals[sig].abbrev;
	return NULL;
}

char *strsignal(int sig)
{
	static char buf[32];
	char *p = buf + sizeof(buf) - 1;
	unsigned int n = (unsigned int)sig;

	if (sig > 0 && sig < 32)
		return (char *)signals[sig].text;
	*p = '\0';
	do {
		*--p = (char)('0' + n % 10);
		n /= 10;
	} while (n);
	p -= strlen("Unknown signal ");
	memcpy(p, "Unknown signal ", strlen("Unknown signal "));
	return p;
}

void psignal(int sig, const char *msg)
{
	const char *text = strsignal(sig);

	if (msg && *msg) {
		write(STDERR_FILENO, msg, strlen(msg));
		write(STDERR_FILENO, ": ", 2);
	}
	write(STDERR_FILENO, text, strlen(text));
	write(STDERR_FILENO, "\n", 1);
}
