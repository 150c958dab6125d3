// SPDX-License-Identifier: MIT
/*
 * swapoff DEVICE...: stop swapping to DEVICE; every page out there is read back in first.
 */
#include <sys/swap.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv)
{
	int status = 0;
	int i;

	if (argc < 2) {
		fprintf(stderr, "usage: swapoff DEVICE...\n");
		return 2;
	}
	for (i = 1; i < argc; i++) {
		if (swapoff(argv[i]) < 0) {
			fprintf(stderr, "swapoff: %s: %s\n", argv[i], strerror(errno));
			status = 1;
		}
	}
	return status;
}
