/* SPDX-License-Identifier: MIT */
/* A few lines of TAP for the test programs: ok/not ok with a "# expected ..., seen ..." line. */
#ifndef TAP_H
#define TAP_H

#include <stdarg.h>
#include <stdio.h>

static int tap_n, tap_failed;

static inline void __attribute__((format(printf, 3, 4))) tap_check(int cond, const char *name,
							  const char *fmt, ...)
{
	va_list ap;

	tap_n++;
	if (cond) {
		printf("ok %d - %s\n", tap_n, name);
	} else {
		tap_failed++;
		printf("not ok %d - %s\n# ", tap_n, name);
		va_start(ap, fmt);
		vprintf(fmt, ap);
		va_end(ap);
		printf("\n");
	}
	fflush(stdout);
}

static inline int tap_done(void)
{
	printf("1..%d\n", tap_n);
	fflush(stdout);
	return tap_failed ? 1 : 0;
}

#endif
