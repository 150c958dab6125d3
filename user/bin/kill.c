// SPDX-License-Identifier: MIT
/*
 * kill [-SIGNAL] PID...: send a signal (default SIGTERM) to processes.
 * SIGNAL is a number (-9) or a name with or without SIG (-KILL, -SIGKILL); "kill -s NAME"
 * works too. kill -l lists the signals.
 */
#include <ctype.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <errno.h>

/* "9", "KILL" or "SIGKILL" (any case) to 9; -1 if it names no signal. */
static int parse_signal(const char *s)
{
	int sig;

	if (isdigit((unsigned char)*s)) {
		sig = atoi(s);
		return sig >= 0 && sig < NSIG ? sig : -1;
	}
	if (strncasecmp(s, "SIG", 3) == 0)
		s += 3;
	for (sig = 1; sig < 32; sig++) {
		const char *name = sigabbrev_np(sig);

		if (name && strcasecmp(s, name) == 0)
			return sig;
	}
	return -1;
}

static void list_signals(void)
{
	int sig;

	for (sig = 1; sig < 32; sig++)
		printf("%2d) SIG%-8s%s", sig, sigabbrev_np(sig), sig % 4 == 0 ? "\n" : " ");
	printf("\n");
}

int main(int argc, char **argv)
{
	int sig = SIGTERM, status = 0;
	int i = 1;

	if (i < argc && strcmp(argv[i], "-l") == 0) {
		list_signals();
		return 0;
	}
	if (i + 1 < argc && strcmp(argv[i], "-s") == 0) {
		sig = parse_signal(argv[i + 1]);
		i += 2;
	} else if (i < argc && argv[i][0] == '-' && argv[i][1]) {
		sig = parse_signal(argv[i] + 1);
		i++;
	}
	if (sig < 0) {
		fprintf(stderr, "kill: %s: unknown signal\n", argv[i - 1]);
		return 2;
	}
	if (i == argc) {
		fprintf(stderr, "usage: kill [-SIGNAL | -s SIGNAL] PID... | kill -l\n");
		return 2;
	}
	for (; i < argc; i++) {
		char *end;
		long pid = strtol(argv[i], &end, 10);

		if (*argv[i] == '\0' || *end != '\0') {
			fprintf(stderr, "kill: %s: not a process id\n", argv[i]);
			status = 1;
		} else if (kill((pid_t)pid, sig) < 0) {
			fprintf(stderr, "kill: %ld: %s\n", pid, strerror(errno));
			status = 1;
		}
	}
	return status;
}
