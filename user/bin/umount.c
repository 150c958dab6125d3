// SPDX-License-Identifier: MIT
/*
 * umount DIR...: unmount the filesystems mounted at DIR (umount2(2) without flags; it fails
 * with EBUSY while a file there is open or a process works in it).
 */
#include <sys/mount.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv)
{
	int status = 0;
	int i;

	if (argc < 2) {
		fprintf(stderr, "usage: umount DIR...\n");
		return 2;
	}
	for (i = 1; i < argc; i++) {
		if (umount(argv[i]) < 0) {
			fprintf(stderr, "umount: %s: %s\n", argv[i], strerror(errno));
			status = 1;
		}
	}
	return status;
}
