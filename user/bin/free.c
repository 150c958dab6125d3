// SPDX-License-Identifier: MIT
/*
 * free: memory in use and free, in KiB, from /proc/meminfo, laid out like Linux's free -k:
 *
 *                 total        used        free      shared  buff/cache   available
 *   Mem:         MemTotal     (used)     MemFree      Shmem  (buff/cache) MemAvailable
 *   Swap:       SwapTotal  (SwapTotal-SwapFree)   SwapFree
 *
 * buff/cache = Buffers + Cached + SReclaimable, and used = total - free - buff/cache (the
 * classic definition: memory that cannot be had back by dropping caches). A field the
 * kernel does not report counts as 0; without MemAvailable, available = free + buff/cache.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum {
	MEM_TOTAL,
	MEM_FREE,
	MEM_AVAILABLE,
	BUFFERS,
	CACHED,
	SHMEM,
	SRECLAIMABLE,
	SWAP_TOTAL,
	SWAP_FREE,
	NFIELDS
};

static const char *const names[NFIELDS] = {
    [MEM_TOTAL] = "MemTotal",	     [MEM_FREE] = "MemFree",	 [MEM_AVAILABLE] = "MemAvailable",
    [BUFFERS] = "Buffers",	     [CACHED] = "Cached",	 [SHMEM] = "Shmem",
    [SRECLAIMABLE] = "SReclaimable", [SWAP_TOTAL] = "SwapTotal", [SWAP_FREE] = "SwapFree",
};
static long long kib[NFIELDS];
static int seen[NFIELDS];

/* "MemTotal:       1016232 kB" */
static void parse_line(const char *line)
{
	int i;

	for (i = 0; i < NFIELDS; i++) {
		size_t len = strlen(names[i]);

		if (strncmp(line, names[i], len) == 0 && line[len] == ':') {
			kib[i] = atoll(line + len + 1);
			seen[i] = 1;
		}
	}
}

int main(void)
{
	FILE *f = fopen("/proc/meminfo", "r");
	char line[256];
	long long cache, used, available;

	if (f == NULL) {
		perror("free: /proc/meminfo");
		return 1;
	}
	while (fgets(line, sizeof(line), f))
		parse_line(line);
	fclose(f);
	if (!seen[MEM_TOTAL]) {
		fprintf(stderr, "free: no MemTotal in /proc/meminfo\n");
		return 1;
	}
	cache = kib[BUFFERS] + kib[CACHED] + kib[SRECLAIMABLE];
	used = kib[MEM_TOTAL] - kib[MEM_FREE] - cache;
	if (used < 0)
		used = kib[MEM_TOTAL] - kib[MEM_FREE];
	available = seen[MEM_AVAILABLE] ? kib[MEM_AVAILABLE] : kib[MEM_FREE] + cache;
	printf("%7s %11s %11s %11s %11s %11s %11s\n", "", "total", "used", "free", "shared",
	       "buff/cache", "available");
	printf("%-7s %11lld %11lld %11lld %11lld %11lld %11lld\n", "Mem:", kib[MEM_TOTAL], used,
	       kib[MEM_FREE], kib[SHMEM], cache, available);
	printf("%-7s %11lld %11lld %11lld\n", "Swap:", kib[SWAP_TOTAL],
	       kib[SWAP_TOTAL] - kib[SWAP_FREE], kib[SWAP_FREE]);
	return 0;
}
