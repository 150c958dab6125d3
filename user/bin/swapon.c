// SPDX-License-Identifier: MIT
/*
 * swapon DEVICE...: start swapping to DEVICE (a disk or file carrying mkswap's signature).
 * Without arguments: the swap areas in use, /proc/swaps.
 */
#include <sys/swap.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv)
{
	int status = 0;
	int i;

	if (argc == 1) {
		FILE *f = fopen("/proc/swaps", "r");
		char line[256];

		if (f == NULL) {
			perror("swapon: /proc/swaps");
			return 1;
		}
		while (fgets(line, sizeof(line), f))
			fputs(line, stdout);
		fclose(f);
		return 0;
	}
	for (i = 1; i < argc; i++) {
		if (swapon(argv[i], 0) < 0) {
			fprintf(stderr, "swapon: %s: %s\n", argv[i], strerror(errno));
			status = 1;
		}
	}
	return status;
}
