// SPDX-License-Identifier: MIT
/*
 * mount [-t TYPE] [-o OPTIONS] DEVICE DIR: mount(2) the filesystem on DEVICE at DIR.
 * TYPE defaults to ext2. OPTIONS, comma-separated: ro, rw, remount, noatime; anything else
 * is passed to the filesystem as data. Without arguments: the mount table, /proc/mounts.
 */
#include <sys/mount.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static int show_mounts(void)
{
	FILE *f = fopen("/proc/mounts", "r");
	char line[256];

	if (f == NULL) {
		perror("mount: /proc/mounts");
		return 1;
	}
	while (fgets(line, sizeof(line), f))
		fputs(line, stdout);
	fclose(f);
	return 0;
}

/* Turns the flag options into MS_* bits; the rest is left in data. */
static unsigned long parse_options(char *options, char *data, size_t size)
{
	unsigned long flags = 0;
	char *opt;

	data[0] = '\0';
	for (opt = strtok(options, ","); opt; opt = strtok(NULL, ",")) {
		if (strcmp(opt, "ro") == 0) {
			flags |= MS_RDONLY;
		} else if (strcmp(opt, "rw") == 0) {
			flags &= ~MS_RDONLY;
		} else if (strcmp(opt, "remount") == 0) {
			flags |= MS_REMOUNT;
		} else if (strcmp(opt, "noatime") == 0) {
			flags |= MS_NOATIME;
		} else if (strlen(data) + strlen(opt) + 2 < size) {
			if (data[0])
				strcat(data, ",");
			strcat(data, opt);
		}
	}
	return flags;
}

int main(int argc, char **argv)
{
	const char *type = "ext2";
	const char *args[2];
	char options[256] = "", data[256] = "";
	unsigned long flags;
	int nargs = 0;
	int i;

	if (argc == 1)
		return show_mounts();
	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "-t") == 0 && i + 1 < argc) {
			type = argv[++i];
		} else if (strcmp(argv[i], "-o") == 0 && i + 1 < argc) {
			snprintf(options, sizeof(options), "%s", argv[++i]);
		} else if (nargs < 2 && argv[i][0] != '-') {
			args[nargs++] = argv[i];
		} else {
			nargs = -1;
			break;
		}
	}
	if (nargs != 2) {
		fprintf(stderr, "usage: mount [-t TYPE] [-o ro,...] DEVICE DIR\n");
		return 2;
	}
	flags = parse_options(options, data, sizeof(data));
	if (mount(args[0], args[1], type, flags, data[0] ? data : NULL) < 0) {
		fprintf(stderr, "mount: %s on %s: %s\n", args[0], args[1], strerror(errno));
		return 1;
	}
	return 0;
}
