// SPDX-License-Identifier: MIT
/*
 * ln [-s] TARGET LINK: a hard link (link(2): a second name for the same inode) or, with -s,
 * a symbolic link (symlink(2): a small file holding the path TARGET, resolved when used).
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	int symbolic = argc > 1 && strcmp(argv[1], "-s") == 0;
	const char *target, *name;

	if (argc != 3 + symbolic) {
		fprintf(stderr, "usage: ln [-s] TARGET LINK\n");
		return 2;
	}
	target = argv[1 + symbolic];
	name = argv[2 + symbolic];
	if ((symbolic ? symlink(target, name) : link(target, name)) < 0) {
		fprintf(stderr, "ln: %s -> %s: %s\n", name, target, strerror(errno));
		return 1;
	}
	return 0;
}
