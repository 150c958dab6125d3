// SPDX-License-Identifier: MIT
/*
 * perror(): "msg: description of errno" on stderr, with our strerror(). Defines the same
 * names as newlib's perror.o (perror and _perror_r), which it replaces.
 */
#include <errno.h>
#include <reent.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

void _perror_r(struct _reent *ptr, const char *msg);

/* One write(), so that the line is not interleaved with another process's output. */
void _perror_r(struct _reent *ptr, const char *msg)
{
	const char *text = strerror(ptr->_errno);
	char line[256];
	size_t len = 0;

	if (msg && *msg) {
		len = strlen(msg);
		if (len > sizeof(line) - 64)
			len = sizeof(line) - 64;
		memcpy(line, msg, len);
		line[len++] = ':';
		line[len++] = ' ';
	}
	strncpy(line + len, text, sizeof(line) - len - 2);
	line[sizeof(line) - 2] = '\0';
	len = strlen(line);
	line[len++] = '\n';
	fflush(stderr);
	write(STDERR_FILENO, line, len);
}

void perror(const char *msg)
{
	_perror_r(_REENT, msg);
}
