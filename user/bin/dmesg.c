// SPDX-License-Identifier: MIT
/*
 * dmesg [-r]: print the kernel log.
 *
 * Read with syslog(2) (klogctl(SYSLOG_ACTION_READ_ALL)), which copies out the newest part
 * of the kernel's log buffer and leaves it there; /proc/kmsg would instead consume what it
 * returns. The buffer is as large as the kernel says its log is (SYSLOG_ACTION_SIZE_BUFFER),
 * or 16 KiB if it does not say. Each line starts with its level, "<6>"; dmesg removes it
 * unless given -r (raw).
 */
#include <sys/klog.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	int raw = argc > 1 && strcmp(argv[1], "-r") == 0;
	int size = klogctl(SYSLOG_ACTION_SIZE_BUFFER, NULL, 0);
	char *buf, *line;
	int len;

	if (size <= 0)
		size = 16384;
	buf = malloc(size + 1);
	if (buf == NULL) {
		fprintf(stderr, "dmesg: out of memory\n");
		return 1;
	}
	len = klogctl(SYSLOG_ACTION_READ_ALL, buf, size);
	if (len < 0) {
		fprintf(stderr, "dmesg: syslog: %s\n", strerror(errno));
		return 1;
	}
	buf[len] = '\0';
	for (line = buf; *line;) {
		size_t n = strcspn(line, "\n");
		char *text = line;

		if (!raw && text[0] == '<') {
			char *close = strchr(text, '>');

			if (close && close < line + n)
				text = close + 1;
		}
		fwrite(text, 1, line + n - text, stdout);
		putchar('\n');
		line += n;
		if (*line == '\n')
			line++;
	}
	return 0;
}
