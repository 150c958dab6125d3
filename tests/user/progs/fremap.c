// SPDX-License-Identifier: MIT
/*
 * remap_file_pages: the checks of the classic remap_file_pages01 test, written here from its
 * description, on an ext2 file and on shared anonymous memory; writes landing at the
 * remapped offsets; the same after fork; truncation under a nonlinear page; every error case
 * of Linux 3.x; and 1000 random remaps checked against a model.
 *
 * Usage: fremap [FILE]   (default /tmp/fremap.dat; the QEMU suite checks FILE on the host)
 */
#include <sys/mman.h>
#include <sys/wait.h>
#include <errno.h>
#include <setjmp.h>
#include <signal.h>
#include "tap.h"
#include "mm_common.h"

#define N 32		/* pages */
#define PAGE 4096

static int remap(void *start, size_t size, unsigned long pgoff, int flags)
{
	return remap_file_pages(start, size, 0, pgoff, flags);
}

/* Page i of the file holds the byte 'A' + i % 26 throughout, and its number at offset 8. */
static void pattern(char *page, int i)
{
	memset(page, 'A' + i % 26, PAGE);
	memcpy(page + 8, &i, sizeof(i));
}

static int page_is(const char *p, int i)
{
	int n;

	memcpy(&n, p + 8, sizeof(n));
	return n == i && p[0] == 'A' + i % 26 && p[PAGE - 1] == 'A' + i % 26;
}

/* The remap_file_pages01 check: scramble the pages one syscall per page, read each back. */
static int scramble_and_check(char *map, int *order)
{
	int i, bad = 0;

	for (i = 0; i < N; i++)
		if (remap(map + i * PAGE, PAGE, order[i], 0))
			return -1;
	for (i = 0; i < N; i++)
		bad += !page_is(map + i * PAGE, order[i]);
	return bad;
}

static sigjmp_buf jb;

static void on_sigbus(int sig)
{
	(void)sig;
	siglongjmp(jb, 1);
}

int main(int argc, char **argv)
{
	const char *path = argc > 1 ? argv[1] : "/tmp/fremap.dat";
	int order[N], model[N], i, fd, st, bad;
	char page[PAGE], *map, *anon;
	unsigned int seed = 7;
	long faults;
	pid_t pid;

	for (i = 0; i < N; i++)
		order[i] = (i * 7 + 3) % N;	/* a permutation: 7 is prime to 32 */

	fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0644);
	for (i = 0; i < N; i++) {
		pattern(page, i);
		write(fd, page, PAGE);
	}
	map = mmap(NULL, N * PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	tap_check(map != MAP_FAILED, "map_the_file_shared", "errno %d", errno);

	faults = vmstat("nonlinear_fault");
	bad = scramble_and_check(map, order);
	tap_check(bad == 0, "scrambled_pages_show_the_expected_file_pages",
		  "%d pages wrong (-1: a remap failed, errno %d)", bad, errno);

	/* MAP_NONBLOCK leaves the pages absent: the access goes through do_nonlinear_fault. */
	for (i = 0; i < N; i++)
		remap(map + i * PAGE, PAGE, N - 1 - i, MAP_NONBLOCK);
	faults = vmstat("nonlinear_fault");
	for (i = 0, bad = 0; i < N; i++)
		bad += !page_is(map + i * PAGE, N - 1 - i);
	tap_check(bad == 0, "nonblocking_remap_then_fault_finds_the_right_pages", "%d wrong", bad);
	tap_check(vmstat("nonlinear_fault") - faults == N, "each_access_is_one_nonlinear_fault",
		  "expected %d, seen %ld", N, vmstat("nonlinear_fault") - faults);
	tap_check(mincore(map, PAGE, (unsigned char *)page) == 0, "mincore_on_nonlinear_ok",
		  "errno %d", errno);

	/* Writes land at the remapped file offsets: read(2) sees them there. */
	remap(map, PAGE, 5, 0);
	remap(map + PAGE, PAGE, 9, 0);
	map[100] = 'w';
	map[PAGE + 200] = 'x';
	pread(fd, page, 1, 5 * PAGE + 100);
	tap_check(page[0] == 'w', "write_lands_at_remapped_offset_5", "seen %c", page[0]);
	pread(fd, page, 1, 9 * PAGE + 200);
	tap_check(page[0] == 'x', "write_lands_at_remapped_offset_9", "seen %c", page[0]);
	pread(fd, page, 1, 0 * PAGE + 100);
	tap_check(page[0] == 'A', "original_offset_0_unchanged", "seen %c", page[0]);
	msync(map, N * PAGE, MS_SYNC);

	/* After fork the child sees the same arrangement (file PTEs are copied). */
	for (i = 0; i < N; i++)
		remap(map + i * PAGE, PAGE, order[i], MAP_NONBLOCK);
	pid = fork();
	if (pid == 0) {
		for (i = 0, bad = 0; i < N; i++)
			if (i > 1)
				bad += !page_is(map + i * PAGE, order[i]);
		_exit(bad);
	}
	waitpid(pid, &st, 0);
	tap_check(WIFEXITED(st) && WEXITSTATUS(st) == 0, "child_after_fork_sees_the_arrangement",
		  "status 0x%x", st);

	/* 1000 random remaps against a model. */
	for (i = 0; i < N; i++) {
		remap(map + i * PAGE, PAGE, i, 0);
		model[i] = i;
	}
	for (i = 0, bad = 0; i < 1000; i++) {
		int at, to, len, k;

		seed = seed * 1103515245u + 12345u;
		at = (seed >> 8) % N;
		len = 1 + (seed >> 20) % 4;
		if (at + len > N)
			len = N - at;
		to = (seed >> 13) % (N - len + 1);
		if (remap(map + at * PAGE, len * PAGE, to, (seed & 1) ? MAP_NONBLOCK : 0)) {
			bad++;
			continue;
		}
		for (k = 0; k < len; k++)
			model[at + k] = to + k;
		k = (seed >> 3) % N;
		if (!(k == 0 || k == 1) && !page_is(map + k * PAGE, model[k]))
			bad++;
	}
	for (i = 2; i < N; i++)
		bad += !page_is(map + i * PAGE, model[i]);
	tap_check(bad == 0, "thousand_random_remaps_match_a_model", "%d mismatches", bad);

	/* Truncating the file below a nonlinear page: a later access gets SIGBUS. */
	remap(map + 3 * PAGE, PAGE, 30, 0);
	(void)*(volatile char *)(map + 3 * PAGE);
	ftruncate(fd, 20 * PAGE);
	signal(SIGBUS, on_sigbus);
	if (sigsetjmp(jb, 1) == 0) {
		(void)*(volatile char *)(map + 3 * PAGE);
		tap_check(0, "access_below_truncated_nonlinear_page_is_sigbus", "no signal");
	} else {
		tap_check(1, "access_below_truncated_nonlinear_page_is_sigbus", "%s", "");
	}
	signal(SIGBUS, SIG_DFL);

	/* Errors as Linux 3.x returns them. */
	errno = 0;
	tap_check(remap_file_pages(map, PAGE, PROT_READ, 0, 0) == -1 && errno == EINVAL,
		  "nonzero_prot_is_einval", "errno %d", errno);
	errno = 0;
	tap_check(remap(map, PAGE, 0, 0x4) == -1 && errno == EINVAL, "unknown_flag_is_einval",
		  "errno %d", errno);
	errno = 0;
	tap_check(remap(map, 0, 0, 0) == -1 && errno == EINVAL, "zero_size_is_einval", "errno %d",
		  errno);
	errno = 0;
	tap_check(remap(map + (N - 1) * PAGE, 2 * PAGE, 0, 0) == -1 && errno == EINVAL,
		  "range_past_the_vma_is_einval", "errno %d", errno);
	errno = 0;
	tap_check(remap(map, PAGE, ~0UL - 1, 0) == -1 && errno == EINVAL, "pgoff_wrap_is_einval",
		  "errno %d", errno);
	errno = 0;
	tap_check(remap(map, PAGE, 1UL << 29, 0) == -1 && errno == EINVAL,
		  "pgoff_too_big_for_a_file_pte_is_einval", "errno %d", errno);
	{
		char *priv = mmap(NULL, PAGE * 2, PROT_READ, MAP_PRIVATE, fd, 0);

		errno = 0;
		tap_check(remap(priv, PAGE, 1, 0) == -1 && errno == EINVAL,
			  "private_mapping_is_einval", "errno %d", errno);
		munmap(priv, PAGE * 2);
	}
	errno = 0;
	tap_check(remap((void *)0x1000, PAGE, 1, 0) == -1 && errno == EINVAL,
		  "unmapped_address_is_einval", "errno %d", errno);
	{
		char maps[8192];
		int mfd = open("/proc/self/maps", O_RDONLY), lines = 0;
		ssize_t n = read(mfd, maps, sizeof(maps) - 1);
		char *p;

		close(mfd);
		maps[n > 0 ? n : 0] = '\0';
		for (p = strstr(maps, path); p; p = strstr(p + 1, path))
			lines++;
		tap_check(lines == 1, "proc_maps_shows_the_nonlinear_vma_once", "seen %d lines",
			  lines);
	}
	tap_check(munmap(map, N * PAGE) == 0, "munmap_of_a_nonlinear_vma", "errno %d", errno);
	close(fd);

	/* The same on shared anonymous memory. */
	anon = mmap(NULL, N * PAGE, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	for (i = 0; i < N; i++)
		pattern(anon + i * PAGE, i);
	bad = scramble_and_check(anon, order);
	tap_check(bad == 0, "shared_anonymous_memory_remaps_too", "%d wrong (errno %d)", bad,
		  errno);
	return tap_done();
}
