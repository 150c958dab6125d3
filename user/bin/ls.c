// SPDX-License-Identifier: MIT
/*
 * ls [-l] [-a] [PATH...]: list directories (their entries, sorted by name) and files.
 * -a: include names starting with '.'. -l: one line per entry with the mode, the number
 * of links, the size in bytes and the name (and "-> target" for a symlink). Directories are read with getdents64(2)
 * through readdir(), entries examined with lstat(2).
 */
#include <sys/stat.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int long_format, show_all;

/* "drwxr-xr-x" from st_mode. */
static void mode_string(unsigned int mode, char s[11])
{
	static const char rwx[] = "rwxrwxrwx";
	int i;

	if (S_ISDIR(mode))
		s[0] = 'd';
	else if (S_ISLNK(mode))
		s[0] = 'l';
	else if (S_ISCHR(mode))
		s[0] = 'c';
	else if (S_ISBLK(mode))
		s[0] = 'b';
	else if (S_ISFIFO(mode))
		s[0] = 'p';
	else if (S_ISSOCK(mode))
		s[0] = 's';
	else
		s[0] = '-';
	for (i = 0; i < 9; i++)
		s[i + 1] = (mode & (0400 >> i)) ? rwx[i] : '-';
	s[10] = '\0';
}

/* Prints one entry; path is where to lstat it, name what to show. */
static int show(const char *path, const char *name)
{
	struct stat st;
	char mode[11];

	if (!long_format) {
		printf("%s\n", name);
		return 0;
	}
	if (lstat(path, &st) < 0) {
		fprintf(stderr, "ls: %s: %s\n", path, strerror(errno));
		return 1;
	}
	mode_string(st.st_mode, mode);
	printf("%s %3u %8lld %s", mode, st.st_nlink, st.st_size, name);
	if (S_ISLNK(st.st_mode)) {
		char target[256];
		ssize_t n = readlink(path, target, sizeof(target) - 1);

		printf(" -> %.*s", n > 0 ? (int)n : 1, n > 0 ? target : "?");
	}
	printf("\n");
	return 0;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int list_dir(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	char **names = NULL;
	size_t n = 0, cap = 0, i;
	int status = 0;

	if (d == NULL) {
		fprintf(stderr, "ls: %s: %s\n", dir, strerror(errno));
		return 1;
	}
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.' && !show_all)
			continue;
		if (n == cap) {
			cap = cap ? 2 * cap : 64;
			names = realloc(names, cap * sizeof(*names));
			if (names == NULL) {
				fprintf(stderr, "ls: out of memory\n");
				closedir(d);
				return 1;
			}
		}
		names[n++] = strdup(de->d_name);
	}
	closedir(d);
	qsort(names, n, sizeof(*names), by_name);
	for (i = 0; i < n; i++) {
		char *path = malloc(strlen(dir) + strlen(names[i]) + 2);

		sprintf(path, "%s/%s", dir, names[i]);
		status |= show(path, names[i]);
		free(path);
		free(names[i]);
	}
	free(names);
	return status;
}

int main(int argc, char **argv)
{
	int status = 0;
	int i, first, nargs;

	for (i = 1; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		const char *o;

		for (o = argv[i] + 1; *o; o++) {
			if (*o == 'l') {
				long_format = 1;
			} else if (*o == 'a') {
				show_all = 1;
			} else {
				fprintf(stderr, "usage: ls [-l] [-a] [PATH...]\n");
				return 2;
			}
		}
	}
	first = i;
	nargs = argc - first;
	if (nargs == 0)
		return list_dir(".");
	for (i = first; i < argc; i++) {
		struct stat st;

		if (stat(argv[i], &st) < 0) {
			fprintf(stderr, "ls: %s: %s\n", argv[i], strerror(errno));
			status = 1;
			continue;
		}
		if (!S_ISDIR(st.st_mode)) {
			status |= show(argv[i], argv[i]);
			continue;
		}
		if (nargs > 1)
			printf("%s%s:\n", i > first ? "\n" : "", argv[i]);
		status |= list_dir(argv[i]);
	}
	return status;
}
