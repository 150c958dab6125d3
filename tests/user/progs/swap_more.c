// SPDX-License-Identifier: MIT
/*
 * Swap beyond the basics (run with little RAM and a swap disk): pages shared by parent and
 * child after fork go to swap and come back shared (swap cache); a write after that is still
 * copy-on-write; pages of a nonlinear (remap_file_pages) mapping are evicted and come back
 * at the right offsets; /proc reports the swap.
 */
#include <sys/mman.h>
#include <sys/wait.h>
#include <errno.h>
#include "tap.h"
#include "mm_common.h"

#define PAGE 4096

static void squeeze(unsigned long mib)
{
	/* Touch mib MiB in a child: everything else gets pushed out to make room. */
	pid_t pid = fork();
	int st;

	if (pid == 0) {
		char *p = mmap(NULL, mib << 20, PROT_READ | PROT_WRITE,
			       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		unsigned long i;

		for (i = 0; i < (mib << 20) / PAGE; i++)
			p[i * PAGE] = 1;
		_exit(0);
	}
	waitpid(pid, &st, 0);
}

int main(int argc, char **argv)
{
	unsigned long squeeze_mib = argc > 1 ? strtoul(argv[1], NULL, 10) : 48;
	int pages = 2048, i, bad, fd, st;	/* 8 MiB */
	unsigned int *buf;
	long out0, in0;
	pid_t pid;
	int pipefd[2], go[2];

	tap_check(proc_value("/proc/meminfo", "SwapTotal") > 0, "meminfo_shows_swap_total",
		  "SwapTotal %ld", proc_value("/proc/meminfo", "SwapTotal"));

	/* Shared after fork, then swapped, then read by both: one read per page. */
	buf = mmap(NULL, pages * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	for (i = 0; i < pages; i++)
		buf[i * 1024] = 0xa0000000u + i;
	pipe(pipefd);
	pipe(go);
	pid = fork();
	if (pid == 0) {
		char c;

		read(go[0], &c, 1);	/* wait until the parent has squeezed */
		for (i = 0, bad = 0; i < pages; i++)
			bad += buf[i * 1024] != 0xa0000000u + i;
		for (i = 0; i < pages; i += 2)
			buf[i * 1024] = 0xc0000000u + i;	/* COW after swap-in */
		for (i = 0; i < pages; i++)
			bad += buf[i * 1024] != ((i % 2) ? 0xa0000000u + i : 0xc0000000u + i);
		write(pipefd[1], &bad, sizeof(bad));
		_exit(0);
	}
	out0 = vmstat("pswpout");
	squeeze(squeeze_mib);
	tap_check(vmstat("pswpout") > out0, "squeeze_pushes_pages_to_swap", "pswpout %ld -> %ld",
		  out0, vmstat("pswpout"));
	in0 = vmstat("pswpin");
	for (i = 0, bad = 0; i < pages; i++)
		bad += buf[i * 1024] != 0xa0000000u + i;
	tap_check(bad == 0, "parent_reads_its_swapped_pages_back", "%d wrong", bad);
	write(go[1], "x", 1);
	read(pipefd[0], &bad, sizeof(bad));
	waitpid(pid, &st, 0);
	tap_check(bad == 0 && WIFEXITED(st), "child_sees_the_same_pages_and_cow_still_works",
		  "%d wrong, status 0x%x", bad, st);
	tap_check(vmstat("pswpin") - in0 <= pages + pages / 2,
		  "shared_pages_are_read_once_for_both_processes",
		  "pswpin grew by %ld for %d shared pages", vmstat("pswpin") - in0, pages);
	for (i = 0, bad = 0; i < pages; i++)
		bad += buf[i * 1024] != 0xa0000000u + i;
	tap_check(bad == 0, "parent_unaffected_by_child_writes_after_swap", "%d wrong", bad);
	munmap(buf, pages * PAGE);

	/* A nonlinear mapping under pressure: its pages are evicted and fault back in at
	 * their remapped offsets (a file PTE is left behind). */
	{
		int n = 64;
		char page[PAGE], *map;

		fd = open("/tmp/nl.dat", O_RDWR | O_CREAT | O_TRUNC, 0644);
		for (i = 0; i < n; i++) {
			memset(page, 'a' + i % 26, PAGE);
			memcpy(page, &i, sizeof(i));
			write(fd, page, PAGE);
		}
		map = mmap(NULL, n * PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
		for (i = 0; i < n; i++)
			remap_file_pages(map + i * PAGE, PAGE, 0, n - 1 - i, 0);
		map[5] = '!';	/* dirty: file page n-1, offset 5 */
		squeeze(squeeze_mib);
		for (i = 0, bad = 0; i < n; i++)
			bad += !(pagemap(map + i * PAGE) & PM_PRESENT);
		tap_check(bad > 0, "squeeze_evicts_nonlinear_pages",
			  "expected some of %d pages unmapped by reclaim, seen %d", n, bad);
		for (i = 0, bad = 0; i < n; i++) {
			int got;

			memcpy(&got, map + i * PAGE, sizeof(got));
			bad += got != n - 1 - i && !(i == 0);
		}
		tap_check(bad == 0, "nonlinear_pages_come_back_at_their_offsets_after_eviction",
			  "%d wrong", bad);
		tap_check(map[5] == '!', "dirty_nonlinear_page_survives_eviction", "seen %c",
			  map[5]);
		pread(fd, page, 8, (n - 1) * PAGE);
		tap_check(page[5] == '!', "dirty_nonlinear_page_reached_its_file_offset", "seen %c",
			  page[5]);
		munmap(map, n * PAGE);
		close(fd);
	}
	tap_check(proc_value("/proc/vmstat", "pgscan") > 0 && proc_value("/proc/vmstat", "pgsteal") > 0,
		  "vmstat_counts_reclaim", "pgscan %ld pgsteal %ld", vmstat("pgscan"),
		  vmstat("pgsteal"));
	return tap_done();
}
