// SPDX-License-Identifier: MIT
/*
 * mv SOURCE DEST, or mv SOURCE... DIRECTORY: rename(2), so a move within one filesystem
 * is atomic and copies nothing. Across filesystems rename fails with EXDEV, and mv says so
 * rather than copying (a copy-then-delete mv is an exercise).
 */
#include <sys/stat.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int is_dir(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* DIR/the last component of path, in a new string. */
static char *into(const char *dir, const char *path)
{
	const char *base;
	size_t len = strlen(path);
	char *out;

	while (len > 1 && path[len - 1] == '/')
		len--;
	base = path + len;
	while (base > path && base[-1] != '/')
		base--;
	out = malloc(strlen(dir) + (size_t)(path + len - base) + 2);
	if (out)
		sprintf(out, "%s/%.*s", dir, (int)(path + len - base), base);
	return out;
}

static int move(const char *from, const char *to)
{
	if (rename(from, to) == 0)
		return 0;
	fprintf(stderr, "mv: %s -> %s: %s\n", from, to, strerror(errno));
	return 1;
}

int main(int argc, char **argv)
{
	const char *dest = argv[argc - 1];
	int i, status = 0;

	if (argc < 3) {
		fprintf(stderr, "usage: mv SOURCE DEST | mv SOURCE... DIRECTORY\n");
		return 2;
	}
	if (argc == 3 && !is_dir(dest))
		return move(argv[1], dest);
	if (!is_dir(dest)) {
		fprintf(stderr, "mv: %s: not a directory\n", dest);
		return 1;
	}
	for (i = 1; i < argc - 1; i++) {
		char *to = into(dest, argv[i]);

		if (!to) {
			fprintf(stderr, "mv: out of memory\n");
			return 1;
		}
		status |= move(argv[i], to);
		free(to);
	}
	return status;
}
