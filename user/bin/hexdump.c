// SPDX-License-Identifier: MIT
/*
 * hexdump [-C] [-v] [FILE...]: the bytes of the files (or standard input) in the canonical
 * format of hexdump -C, 16 to a line:
 *
 *   00000000  68 65 6c 6c 6f 2c 20 77  6f 72 6c 64 0a           |hello, world.|
 *   0000000d
 *
 * the offset, the bytes in hex (an extra space after the eighth), then the printable
 * ones as text. A line equal to the one before is shown as a single "*" (unless -v); the
 * last line is the total length. -C is accepted and is the only format there is.
 * The files are dumped as one stream, as hexdump does.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static int verbose;
static unsigned char line[16], prev[16];
static size_t line_len;	     /* bytes collected for the current line */
static unsigned long offset; /* of the current line */
static int have_prev, starred;

static void print_line(void)
{
	size_t i;

	if (!verbose && have_prev && line_len == 16 && memcmp(line, prev, 16) == 0) {
		if (!starred)
			printf("*\n");
		starred = 1;
	} else {
		printf("%08lx ", offset);
		for (i = 0; i < 16; i++) {
			if (i == 8)
				putchar(' ');
			if (i < line_len)
				printf(" %02x", line[i]);
			else
				printf("   ");
		}
		printf("  |");
		for (i = 0; i < line_len; i++)
			putchar(line[i] >= 0x20 && line[i] < 0x7f ? line[i] : '.');
		printf("|\n");
		starred = 0;
	}
	memcpy(prev, line, 16);
	have_prev = 1;
	offset += line_len;
	line_len = 0;
}

static int dump(int fd, const char *name)
{
	unsigned char buf[4096];
	ssize_t n, i;

	while ((n = read(fd, buf, sizeof(buf))) != 0) {
		if (n < 0) {
			if (errno == EINTR)
				continue;
			fprintf(stderr, "hexdump: %s: %s\n", name, strerror(errno));
			return 1;
		}
		for (i = 0; i < n; i++) {
			line[line_len++] = buf[i];
			if (line_len == 16)
				print_line();
		}
	}
	return 0;
}

int main(int argc, char **argv)
{
	int status = 0, files = 0;
	int i;

	for (i = 1; i < argc; i++) {
		int fd;

		if (strcmp(argv[i], "-C") == 0)
			continue;
		if (strcmp(argv[i], "-v") == 0) {
			verbose = 1;
			continue;
		}
		files++;
		fd = open(argv[i], O_RDONLY);
		if (fd < 0) {
			fprintf(stderr, "hexdump: %s: %s\n", argv[i], strerror(errno));
			status = 1;
			continue;
		}
		status |= dump(fd, argv[i]);
		close(fd);
	}
	if (files == 0)
		status |= dump(STDIN_FILENO, "stdin");
	if (line_len > 0)
		print_line();
	if (offset > 0)
		printf("%08lx\n", offset);
	return status;
}
