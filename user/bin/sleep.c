// SPDX-License-Identifier: MIT
/*
 * sleep SECONDS: wait that long (nanosleep(2)). SECONDS may have a fraction: 0.25.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <time.h>

/* "12.345" to a timespec, without floating point. -1 if it is not a number. */
static int parse_seconds(const char *s, struct timespec *ts)
{
	long nsec_digit = 100000000;

	ts->tv_sec = 0;
	ts->tv_nsec = 0;
	if (!isdigit((unsigned char)*s) && *s != '.')
		return -1;
	for (; isdigit((unsigned char)*s); s++)
		ts->tv_sec = ts->tv_sec * 10 + (*s - '0');
	if (*s == '.') {
		for (s++; isdigit((unsigned char)*s); s++) {
			ts->tv_nsec += (*s - '0') * nsec_digit;
			nsec_digit /= 10;
		}
	}
	return *s == '\0' ? 0 : -1;
}

int main(int argc, char **argv)
{
	struct timespec ts;

	if (argc != 2 || parse_seconds(argv[1], &ts) < 0) {
		fprintf(stderr, "usage: sleep SECONDS\n");
		return 2;
	}
	while (nanosleep(&ts, &ts) < 0) {
		if (errno != EINTR) {
			perror("sleep");
			return 1;
		}
	}
	return 0;
}
