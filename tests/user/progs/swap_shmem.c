// SPDX-License-Identifier: MIT
/*
 * Shared anonymous memory under memory pressure (run with little RAM and a swap disk): its
 * pages go to swap and come back with their data, for the parent and for a child that
 * shares them; a write by one is seen by the other after both were evicted; unmapping frees
 * the slots; swapoff brings the saved pages back.
 *
 *   swap_shmem MIB     (the size of the shared mapping: more than the RAM; a quarter of it
 *                       must fit in the free RAM)
 */
#include <sys/mman.h>
#include <sys/swap.h>
#include <sys/wait.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include "tap.h"
#include "mm_common.h"

#define PAGE 4096

/* The first word of each page, and its last one: the whole page must come back. */
static unsigned int stamp(unsigned long i, unsigned int gen)
{
	return gen ^ (unsigned int)(i * 2654435761u);
}

static unsigned long check(unsigned int *p, unsigned long pages, unsigned int even,
			   unsigned int odd)
{
	unsigned long i, bad = 0;

	for (i = 0; i < pages; i++) {
		unsigned int want = stamp(i, i % 2 ? odd : even);

		bad += p[i * 1024] != want || p[i * 1024 + 1023] != ~want;
	}
	return bad;
}

static void fill(unsigned int *p, unsigned long pages, unsigned long first, unsigned int gen)
{
	unsigned long i;

	for (i = first; i < pages; i += 2) {
		p[i * 1024] = stamp(i, gen);
		p[i * 1024 + 1023] = ~stamp(i, gen);
	}
}

/* KiB of swap in use, from /proc/swaps (the fourth column of the first area). */
static long swap_used_kb(char *device, size_t len)
{
	char line[256];
	long size, used = -1;
	FILE *f = fopen("/proc/swaps", "r");

	if (!f)
		return -1;
	if (fgets(line, sizeof(line), f) && fgets(line, sizeof(line), f)) {
		char name[128], type[32];

		if (sscanf(line, "%127s %31s %ld %ld", name, type, &size, &used) == 4 && device)
			snprintf(device, len, "%s", name);
	}
	fclose(f);
	return used;
}

int main(int argc, char **argv)
{
	unsigned long mib = argc > 1 ? strtoul(argv[1], NULL, 10) : 48;
	unsigned long pages = (mib << 20) / PAGE, bad;
	long out0 = vmstat("pswpout"), in0, used0 = swap_used_kb(NULL, 0), used, before;
	unsigned int *p = mmap(NULL, mib << 20, PROT_READ | PROT_WRITE,
			       MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	char device[128] = "";
	pid_t pid;
	int st;

	if (p == MAP_FAILED) {
		tap_check(0, "map_shared_anonymous", "mmap of %lu MiB: errno %d", mib, errno);
		return tap_done();
	}
	fill(p, pages, 0, 0x11111111u);
	fill(p, pages, 1, 0x22222222u);
	tap_check(vmstat("pswpout") - out0 > (long)pages / 4, "shared_anonymous_pages_go_to_swap",
		  "expected more than %lu pages written to swap, seen %ld", pages / 4,
		  vmstat("pswpout") - out0);
	in0 = vmstat("pswpin");
	bad = check(p, pages, 0x11111111u, 0x22222222u);
	tap_check(bad == 0, "every_page_comes_back_with_its_data", "%lu of %lu pages wrong", bad,
		  pages);
	tap_check(vmstat("pswpin") - in0 > (long)pages / 4, "they_come_back_from_swap",
		  "expected more than %lu pages read from swap, seen %ld", pages / 4,
		  vmstat("pswpin") - in0);

	/* The child sees the parent's pages, rewrites the odd ones; the parent sees that. */
	pid = fork();
	if (pid == 0)
		_exit(check(p, pages, 0x11111111u, 0x22222222u) ? 1 :
		      (fill(p, pages, 1, 0x33333333u), 0));
	waitpid(pid, &st, 0);
	tap_check(WIFEXITED(st) && WEXITSTATUS(st) == 0, "child_reads_the_shared_pages",
		  "child status 0x%x", st);
	bad = check(p, pages, 0x11111111u, 0x33333333u);
	tap_check(bad == 0, "parent_sees_the_childs_writes_through_swap",
		  "%lu of %lu pages wrong", bad, pages);

	/* Unmapping the last mapping of the object frees its slots (what stays in use is this
	 * process's own private pages: well under a MiB). */
	before = swap_used_kb(device, sizeof(device));
	munmap(p, mib << 20);
	used = swap_used_kb(NULL, 0);
	tap_check(before > (long)(mib << 10) / 8 && used >= 0 && used < used0 + 1024,
		  "unmapping_frees_the_slots",
		  "expected over %lu KiB of swap used before munmap and under %ld after, seen %ld "
		  "and %ld", (mib << 10) / 8, used0 + 1024, before, used);

	/* A smaller object, pushed out by a private hog, comes back with swapoff. */
	mib /= 4;
	pages = (mib << 20) / PAGE;
	p = mmap(NULL, mib << 20, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	fill(p, pages, 0, 0x44444444u);
	fill(p, pages, 1, 0x55555555u);
	pid = fork();
	if (pid == 0) {
		unsigned long i, n = (3 * mib << 20) / PAGE;
		char *hog = mmap(NULL, n * PAGE, PROT_READ | PROT_WRITE,
				 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

		for (i = 0; i < n; i++)
			hog[i * PAGE] = 1;
		_exit(0);
	}
	waitpid(pid, &st, 0);
	used = swap_used_kb(NULL, 0);
	tap_check(used > used0 + (long)(mib << 10) / 4, "a_hog_pushes_shared_pages_out",
		  "expected more than %lu KiB of swap used, seen %ld", (mib << 10) / 4, used);
	in0 = vmstat("pswpin");
	tap_check(swapoff(device) == 0, "swapoff_brings_shared_pages_back", "swapoff %s: errno %d",
		  device, errno);
	tap_check(vmstat("pswpin") - in0 > (long)pages / 4, "swapoff_read_them_from_swap",
		  "expected more than %lu pages read, seen %ld", pages / 4, vmstat("pswpin") - in0);
	in0 = vmstat("pswpin");
	bad = check(p, pages, 0x44444444u, 0x55555555u);
	tap_check(bad == 0 && vmstat("pswpin") == in0, "data_in_memory_after_swapoff",
		  "%lu of %lu pages wrong, %ld read from swap", bad, pages,
		  vmstat("pswpin") - in0);
	tap_check(swapon(device, 0) == 0, "swapon_again", "errno %d", errno);
	return tap_done();
}
