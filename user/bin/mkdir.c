// SPDX-License-Identifier: MIT
/*
 * mkdir [-p] DIR...: make directories. With -p, make missing parents too and do not
 * complain about directories that exist.
 */
#include <sys/stat.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>

/* Makes every prefix of path that ends at a '/', then path itself. */
static int make_parents(char *path)
{
	char *p;

	for (p = path + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(path, 0777) < 0 && errno != EEXIST)
			return -1;
		*p = '/';
	}
	if (mkdir(path, 0777) < 0 && errno != EEXIST)
		return -1;
	return 0;
}

int main(int argc, char **argv)
{
	int parents = 0, status = 0;
	int i = 1;

	if (i < argc && strcmp(argv[i], "-p") == 0) {
		parents = 1;
		i++;
	}
	if (i == argc) {
		fprintf(stderr, "usage: mkdir [-p] DIR...\n");
		return 2;
	}
	for (; i < argc; i++) {
		int r = parents ? make_parents(argv[i]) : mkdir(argv[i], 0777);

		if (r < 0) {
			fprintf(stderr, "mkdir: %s: %s\n", argv[i], strerror(errno));
			status = 1;
		}
	}
	return status;
}
