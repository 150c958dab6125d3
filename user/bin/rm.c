// SPDX-License-Identifier: MIT
/*
 * rm [-r] [-f] PATH...: remove files; with -r, directories and everything in them
 * (depth first: a directory can only be removed once empty). -f: no complaint about
 * paths that do not exist.
 */
#include <sys/stat.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int recursive, force;

static int remove_path(const char *path);

static int remove_contents(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	int status = 0;

	if (d == NULL) {
		fprintf(stderr, "rm: %s: %s\n", dir, strerror(errno));
		return 1;
	}
	while ((de = readdir(d)) != NULL) {
		char *child;

		if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
			continue;
		child = malloc(strlen(dir) + strlen(de->d_name) + 2);
		if (child == NULL) {
			status = 1;
			break;
		}
		sprintf(child, "%s/%s", dir, de->d_name);
		status |= remove_path(child);
		free(child);
	}
	closedir(d);
	return status;
}

static int remove_path(const char *path)
{
	struct stat st;

	if (lstat(path, &st) < 0) {
		if (force && errno == ENOENT)
			return 0;
		fprintf(stderr, "rm: %s: %s\n", path, strerror(errno));
		return 1;
	}
	if (S_ISDIR(st.st_mode)) {
		if (!recursive) {
			fprintf(stderr, "rm: %s: is a directory\n", path);
			return 1;
		}
		if (remove_contents(path) != 0)
			return 1;
		if (rmdir(path) < 0) {
			fprintf(stderr, "rm: %s: %s\n", path, strerror(errno));
			return 1;
		}
		return 0;
	}
	if (unlink(path) < 0) {
		fprintf(stderr, "rm: %s: %s\n", path, strerror(errno));
		return 1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	int status = 0;
	int i;

	for (i = 1; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		const char *o;

		for (o = argv[i] + 1; *o; o++) {
			if (*o == 'r' || *o == 'R') {
				recursive = 1;
			} else if (*o == 'f') {
				force = 1;
			} else {
				fprintf(stderr, "usage: rm [-r] [-f] PATH...\n");
				return 2;
			}
		}
	}
	if (i == argc && !force) {
		fprintf(stderr, "usage: rm [-r] [-f] PATH...\n");
		return 2;
	}
	for (; i < argc; i++)
		status |= remove_path(argv[i]);
	return status;
}
