// SPDX-License-Identifier: MIT
/*
 * strerror_r() in both its forms, over our _strerror_r() (strerror.c). newlib's own ones
 * (strerror_r.o, xpg_strerror_r.o) would call newlib's _strerror_r and its numbering if the
 * linker took them; defining them here keeps every path to an error message on Linux's
 * numbers. <string.h> gives the GNU form with _GNU_SOURCE and otherwise maps strerror_r to
 * __xpg_strerror_r, the POSIX form.
 */
#define _GNU_SOURCE /* so that <string.h> declares the GNU strerror_r defined here */
#include <errno.h>
#include <reent.h>
#include <string.h>

char *strerror_r(int errnum, char *buf, size_t len);
int __xpg_strerror_r(int errnum, char *buf, size_t len);

/* GNU: the message, copied into buf as far as it fits. */
char *strerror_r(int errnum, char *buf, size_t len)
{
	const char *msg = _strerror_r(_REENT, errnum, 0, NULL);

	if (len == 0)
		return (char *)msg;
	strncpy(buf, msg, len - 1);
	buf[len - 1] = '\0';
	return buf;
}

/* POSIX: 0, or EINVAL for an unknown number, or ERANGE if buf is too small. */
int __xpg_strerror_r(int errnum, char *buf, size_t len)
{
	int err = 0;
	const char *msg = _strerror_r(_REENT, errnum, 0, &err);

	if (len == 0)
		return ERANGE;
	strncpy(buf, msg, len - 1);
	buf[len - 1] = '\0';
	if (err)
		return err;
	return strlen(msg) >= len ? ERANGE : 0;
}
