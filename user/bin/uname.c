// SPDX-License-Identifier: MIT
/*
 * uname [-a] [-s] [-n] [-r] [-v] [-m]: the system's names, from uname(2), in that order.
 * Without options: -s, the kernel's name.
 */
#include <sys/utsname.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv)
{
	static const char letters[] = "snrvm";
	struct utsname u;
	const char *fields[5];
	int want[5] = {0};
	int i, k, printed = 0, any = 0;

	for (i = 1; i < argc; i++) {
		const char *o = argv[i];

		if (o[0] != '-' || o[1] == '\0') {
			fprintf(stderr, "usage: uname [-asnrvm]\n");
			return 2;
		}
		for (o++; *o; o++) {
			const char *p = strchr(letters, *o);

			if (*o == 'a') {
				for (k = 0; k < 5; k++)
					want[k] = 1;
			} else if (p) {
				want[p - letters] = 1;
			} else {
				fprintf(stderr, "usage: uname [-asnrvm]\n");
				return 2;
			}
			any = 1;
		}
	}
	if (!any)
		want[0] = 1;
	if (uname(&u) < 0) {
		fprintf(stderr, "uname: %s\n", strerror(errno));
		return 1;
	}
	fields[0] = u.sysname;
	fields[1] = u.nodename;
	fields[2] = u.release;
	fields[3] = u.version;
	fields[4] = u.machine;
	for (k = 0; k < 5; k++) {
		if (want[k])
			printf("%s%s", printed++ ? " " : "", fields[k]);
	}
	printf("\n");
	return 0;
}
