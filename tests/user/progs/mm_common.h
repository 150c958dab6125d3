/* SPDX-License-Identifier: MIT */
/* Helpers shared by the memory tests: /proc counters and pagemap, written against Linux. */
#ifndef MM_COMMON_H
#define MM_COMMON_H

#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* A counter from /proc/vmstat (-1 if absent) or a kB value from /proc/meminfo. */
static inline long proc_value(const char *file, const char *key)
{
	char buf[4096], *p;
	int fd = open(file, O_RDONLY);
	ssize_t n;
	size_t klen = strlen(key);

	if (fd < 0)
		return -1;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n <= 0)
		return -1;
	buf[n] = '\0';
	for (p = buf; p && *p; p = strchr(p, '\n'), p = p ? p + 1 : NULL) {
		if (!strncmp(p, key, klen) && (p[klen] == ' ' || p[klen] == ':'))
			return strtol(p + klen + 1, NULL, 10);
	}
	return -1;
}

static inline long vmstat(const char *key)
{
	return proc_value("/proc/vmstat", key);
}

static inline long memfree_kb(void)
{
	return proc_value("/proc/meminfo", "MemFree");
}

/* The pagemap entry of addr in the calling process. */
static inline uint64_t pagemap(const void *addr)
{
	uint64_t e = 0;
	int fd = open("/proc/self/pagemap", O_RDONLY);

	if (fd < 0)
		return 0;
	if (lseek(fd, (off_t)((uintptr_t)addr / 4096) * 8, SEEK_SET) < 0 ||
	    read(fd, &e, 8) != 8)
		e = 0;
	close(fd);
	return e;
}

#define PM_PRESENT (1ULL << 63)
#define PM_PFN(e) ((e) & ((1ULL << 55) - 1))

/* The user thread pointer (TPIDRURO): read by user code, set with ARM's private set_tls. */
static inline unsigned long read_tp(void)
{
	unsigned long v;

	__asm__ volatile("mrc p15, 0, %0, c13, c0, 3" : "=r"(v));
	return v;
}

static inline void set_tp(unsigned long v)
{
	syscall(0xf0005, v);	/* __ARM_NR_set_tls */
}

#endif
