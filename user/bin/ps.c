// SPDX-License-Identifier: MIT
/*
 * ps: one line per process: pid, parent pid, state, resident memory (KiB) and name.
 *
 * Every process is a numeric directory of /proc, and /proc/PID/status holds its details
 * in Linux's format, "Key:\tvalue" lines (Name, State, Pid, PPid, VmRSS ...). Kernel
 * threads have no VmRSS; they show "-".
 */
#include <ctype.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct proc {
	int pid, ppid;
	char state;
	char rss[16];
	char name[32];
};

/* The value of "Key:" in a status file, leading blanks skipped. */
static const char *value_of(char *line, const char *key)
{
	size_t len = strlen(key);
	char *v;

	if (strncmp(line, key, len) != 0 || line[len] != ':')
		return NULL;
	for (v = line + len + 1; *v == ' ' || *v == '\t'; v++)
		;
	v[strcspn(v, "\n")] = '\0';
	return v;
}

static int read_status(int pid, struct proc *p)
{
	char path[64], line[256];
	const char *v;
	FILE *f;

	snprintf(path, sizeof(path), "/proc/%d/status", pid);
	f = fopen(path, "r");
	if (f == NULL)
		return -1; /* it exited meanwhile */
	memset(p, 0, sizeof(*p));
	p->pid = pid;
	p->state = '?';
	strcpy(p->rss, "-");
	while (fgets(line, sizeof(line), f)) {
		if ((v = value_of(line, "Name")))
			snprintf(p->name, sizeof(p->name), "%s", v);
		else if ((v = value_of(line, "State")))
			p->state = v[0];
		else if ((v = value_of(line, "PPid")))
			p->ppid = atoi(v);
		else if ((v = value_of(line, "VmRSS")))
			snprintf(p->rss, sizeof(p->rss), "%d", atoi(v));
	}
	fclose(f);
	return 0;
}

static int by_pid(const void *a, const void *b)
{
	return ((const struct proc *)a)->pid - ((const struct proc *)b)->pid;
}

int main(void)
{
	DIR *d = opendir("/proc");
	struct dirent *de;
	struct proc *procs = NULL;
	size_t n = 0, cap = 0, i;

	if (d == NULL) {
		perror("ps: /proc");
		return 1;
	}
	while ((de = readdir(d)) != NULL) {
		if (!isdigit((unsigned char)de->d_name[0]))
			continue;
		if (n == cap) {
			cap = cap ? 2 * cap : 64;
			procs = realloc(procs, cap * sizeof(*procs));
			if (procs == NULL) {
				fprintf(stderr, "ps: out of memory\n");
				return 1;
			}
		}
		if (read_status(atoi(de->d_name), &procs[n]) == 0)
			n++;
	}
	closedir(d);
	qsort(procs, n, sizeof(*procs), by_pid);
	printf("  PID  PPID S   RSS COMMAND\n");
	for (i = 0; i < n; i++)
		printf("%5d %5d %c %5s %s\n", procs[i].pid, procs[i].ppid, procs[i].state,
		       procs[i].rss, procs[i].name);
	return 0;
}
