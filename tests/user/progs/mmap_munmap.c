// SPDX-License-Identifier: MIT
/*
 * munmap(2) of any page range, as Linux does it: the VMA is split around the hole (as
 * /proc/self/maps shows), a range may span several VMAs of different kinds, unmapping a hole
 * is a successful no-op, and an access to an unmapped page raises SIGSEGV with SEGV_MAPERR
 * and the faulting address, which a SA_SIGINFO handler catches before siglongjmp-ing out.
 *
 *   mmap_munmap [--qemu-user] [DIR]     DIR: where to create scratch files (default /tmp)
 *
 * Runs on our kernel (tests/qemu/mmap.sh) and on Linux (tests/user/run-linux-oracle.sh).
 */
#define _GNU_SOURCE
#include <sys/mman.h>
#include <sys/wait.h>
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "tap.h"

#define PAGE 4096
#define RW   (PROT_READ | PROT_WRITE)
#define ANON (MAP_PRIVATE | MAP_ANONYMOUS)

static const char *dir = "/tmp";

/* ---- catching faults: touch() returns the signal an access raised, 0 if none ---------- */
static sigjmp_buf fault_jump;
static volatile int fault_sig, fault_code;
static void *volatile fault_addr;
static volatile int armed; /* touch() is waiting for a fault */

/* A fault where none was expected (a kernel bug): say where, and end the program. */
static void unexpected_fault(int sig, void *addr)
{
	char msg[96];
	int n = snprintf(msg, sizeof(msg),
			 "# unexpected signal %d at %p outside touch(): giving up\n", sig, addr);

	write(1, msg, n);
	_exit(128 + sig);
}

static void on_fault(int sig, siginfo_t *info, void *ucontext)
{
	(void)ucontext;
	if (!armed)
		unexpected_fault(sig, info->si_addr);
	fault_sig = sig;
	fault_code = info->si_code;
	fault_addr = info->si_addr;
	siglongjmp(fault_jump, 1);
}

static void catch_faults(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = on_fault;
	sa.sa_flags = SA_SIGINFO;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGSEGV, &sa, NULL);
	sigaction(SIGBUS, &sa, NULL);
}

static int touch(volatile char *p, int write)
{
	fault_sig = 0;
	fault_addr = NULL;
	armed = 1;
	if (sigsetjmp(fault_jump, 1) == 0) {
		if (write)
			*p = 1;
		else
			(void)*p;
	}
	armed = 0;
	return fault_sig;
}

/* ---- /proc/self/maps ------------------------------------------------------------------ */
struct maps_line {
	unsigned long start, end;
	char perms[5];
};

/* The lines of /proc/self/maps that overlap [start, end), up to max of them in out; returns
 * how many overlap, -1 if the file cannot be read. */
static int maps_between(const void *start, const void *end, struct maps_line *out, int max)
{
	static char buf[65536];
	ssize_t got, len = 0;
	int fd = open("/proc/self/maps", O_RDONLY), n = 0;
	char *p, *e;

	if (fd < 0)
		return -1;
	while (len < (ssize_t)sizeof(buf) - 1 &&
	       (got = read(fd, buf + len, sizeof(buf) - 1 - len)) > 0)
		len += got;
	close(fd);
	buf[len] = '\0';
	for (p = buf; p && *p; p = strchr(p, '\n'), p = p ? p + 1 : NULL) {
		struct maps_line l;

		l.start = strtoul(p, &e, 16);
		if (*e != '-')
			break;
		l.end = strtoul(e + 1, &e, 16);
		memcpy(l.perms, e + 1, 4);
		l.perms[4] = '\0';
		if (l.start < (unsigned long)end && l.end > (unsigned long)start) {
			if (n < max)
				out[n] = l;
			n++;
		}
	}
	return n;
}

/*
 * The VMAs of the npages pages from base, as "FIRST-END:PERMS" in pages from base, clipped
 * to the window: "0-1:rw-p 2-4:r--p" is one read-write page, a hole, two read-only pages.
 */
static const char *layout(const void *base, int npages)
{
	static char out[512];
	struct maps_line l[16];
	unsigned long b = (unsigned long)base, s, e;
	int n = maps_between(base, (const char *)base + npages * PAGE, l, 16), i;
	size_t len = 0;

	if (n < 0)
		return "(cannot read /proc/self/maps)";
	out[0] = '\0';
	for (i = 0; i < n && i < 16; i++) {
		s = l[i].start < b ? 0 : (l[i].start - b) / PAGE;
		e = (l[i].end - b) / PAGE > (unsigned long)npages ? (unsigned long)npages
								  : (l[i].end - b) / PAGE;
		len += snprintf(out + len, sizeof(out) - len, "%s%lu-%lu:%s", i ? " " : "", s, e,
				l[i].perms);
	}
	return out;
}

static void check_layout(const char *name, const void *base, int npages, const char *want)
{
	const char *seen = layout(base, npages);

	tap_check(strcmp(seen, want) == 0, name, "expected VMAs \"%s\", seen \"%s\"", want, seen);
}

/* npages of PROT_NONE address space between two more PROT_NONE guard pages: whatever is
 * mapped there with MAP_FIXED can merge with nothing outside. Returns the first page. */
static char *guarded(int npages)
{
	char *g = mmap(NULL, (npages + 2) * PAGE, PROT_NONE, ANON, -1, 0);

	return g == MAP_FAILED ? NULL : g + PAGE;
}

/* A scratch file of npages pages, page i filled with 'a' + i; returns its path. */
static const char *make_file(const char *name, int npages)
{
	static char path[256];
	char page[PAGE];
	int fd, i;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0644);
	for (i = 0; i < npages; i++) {
		memset(page, 'a' + i, PAGE);
		if (write(fd, page, PAGE) != PAGE)
			printf("# cannot write %s: errno %d\n", path, errno);
	}
	close(fd);
	return path;
}

/* The byte at offset off of the file at path, read through a new descriptor (-1 if none). */
static int file_byte(const char *path, off_t off)
{
	unsigned char c;
	int fd = open(path, O_RDONLY), n;

	n = pread(fd, &c, 1, off);
	close(fd);
	return n == 1 ? c : -1;
}

/* Checks that *p raises SIGSEGV with SEGV_MAPERR at p. */
static void check_maperr(const char *name, char *p)
{
	int sig = touch(p, 0);

	tap_check(sig == SIGSEGV && fault_code == SEGV_MAPERR && fault_addr == p, name,
		  "expected signal %d code %d (SEGV_MAPERR) at %p, seen signal %d code %d at %p",
		  SIGSEGV, SEGV_MAPERR, (void *)p, sig, fault_code, fault_addr);
}

/* ---- the tests ------------------------------------------------------------------------- */

static void test_split(void)
{
	char *g = guarded(4);

	mmap(g, 4 * PAGE, RW, ANON | MAP_FIXED, -1, 0);
	memset(g, 'D', 4 * PAGE);
	tap_check(munmap(g + PAGE, PAGE) == 0, "munmap_of_a_middle_page_returns_0",
		  "expected 0, seen -1 with errno %d", errno);
	check_layout("munmap_of_a_middle_page_splits_the_vma", g, 4, "0-1:rw-p 2-4:rw-p");
	check_maperr("access_to_the_unmapped_page_is_sigsegv_maperr_at_its_address", g + PAGE + 12);
	check_maperr("second_access_to_the_hole_is_caught_too", g + 2 * PAGE - 1);
	tap_check(g[PAGE - 1] == 'D' && g[2 * PAGE] == 'D' && g[4 * PAGE - 1] == 'D',
		  "pages_around_the_hole_keep_their_data",
		  "expected 'D', seen 0x%02x 0x%02x 0x%02x", (unsigned char)g[PAGE - 1],
		  (unsigned char)g[2 * PAGE], (unsigned char)g[4 * PAGE - 1]);
	munmap(g + 3 * PAGE, PAGE);
	check_layout("munmap_of_the_last_page_shrinks_the_vma", g, 4, "0-1:rw-p 2-3:rw-p");
	munmap(g + 2 * PAGE, PAGE);
	check_layout("munmap_of_the_whole_vma_removes_it", g, 4, "0-1:rw-p");
	mmap(g + PAGE, 3 * PAGE, RW, ANON | MAP_FIXED, -1, 0);
	munmap(g, PAGE);
	check_layout("munmap_of_the_first_page_moves_the_vma_start", g, 4, "1-4:rw-p");
	check_maperr("access_below_the_moved_start_is_sigsegv_maperr", g + 100);
	munmap(g - PAGE, 6 * PAGE);
}

static void test_across_vmas(void)
{
	const char *path = make_file("munmap_file", 2);
	char *g = guarded(6);
	int fd = open(path, O_RDONLY);

	/* pages 0-1 anonymous rw, 2-3 anonymous read-only, 4-5 the file's pages 0-1, shared */
	mmap(g, 4 * PAGE, RW, ANON | MAP_FIXED, -1, 0);
	memset(g, 'D', 4 * PAGE);
	mprotect(g + 2 * PAGE, 2 * PAGE, PROT_READ);
	mmap(g + 4 * PAGE, 2 * PAGE, PROT_READ, MAP_SHARED | MAP_FIXED, fd, 0);
	close(fd);
	check_layout("three_vmas_of_different_kinds", g, 6, "0-2:rw-p 2-4:r--p 4-6:r--s");
	tap_check(munmap(g + PAGE, 4 * PAGE) == 0, "munmap_across_three_vmas_returns_0",
		  "expected 0, seen -1 with errno %d", errno);
	check_layout("munmap_across_three_vmas_unmaps_exactly_the_range", g, 6,
		     "0-1:rw-p 5-6:r--s");
	tap_check(g[0] == 'D' && g[5 * PAGE] == 'b',
		  "what_is_left_of_the_first_and_last_vmas_keeps_its_contents",
		  "expected 'D' and the file's 'b', seen 0x%02x and 0x%02x", (unsigned char)g[0],
		  (unsigned char)g[5 * PAGE]);
	check_maperr("access_inside_the_unmapped_range_is_sigsegv_maperr", g + 3 * PAGE);
	munmap(g - PAGE, 8 * PAGE);
}

static void test_split_file_mapping(void)
{
	const char *path = make_file("munmap_split", 3);
	int fd = open(path, O_RDWR);
	char *s = mmap(NULL, 3 * PAGE, RW, MAP_SHARED, fd, 0);

	close(fd);
	munmap(s + PAGE, PAGE);
	tap_check(s[0] == 'a' && s[2 * PAGE] == 'c',
		  "split_file_mapping_keeps_each_part_at_its_offset",
		  "expected 'a' and 'c', seen 0x%02x and 0x%02x", (unsigned char)s[0],
		  (unsigned char)s[2 * PAGE]);
	s[2 * PAGE + 1] = 'X';
	tap_check(
	    file_byte(path, 2 * PAGE + 1) == 'X', "write_to_the_upper_part_reaches_its_file_page",
	    "expected 'X' at file offset %d, seen %d", 2 * PAGE + 1, file_byte(path, 2 * PAGE + 1));
	munmap(s, 3 * PAGE);
}

static void test_holes_and_errors(void)
{
	char *g = guarded(4);

	mmap(g, 4 * PAGE, RW, ANON | MAP_FIXED, -1, 0);
	munmap(g + PAGE, PAGE);
	tap_check(munmap(g + PAGE, PAGE) == 0, "munmap_of_a_hole_returns_0",
		  "expected 0, seen -1 with errno %d", errno);
	check_layout("munmap_of_a_hole_changes_nothing", g, 4, "0-1:rw-p 2-4:rw-p");
	tap_check(munmap(g, 3 * PAGE) == 0, "munmap_over_a_hole_and_mappings_returns_0",
		  "expected 0, seen -1 with errno %d", errno);
	check_layout("munmap_over_a_hole_unmaps_the_mapped_parts", g, 4, "3-4:rw-p");
	munmap(g - PAGE, 6 * PAGE);

	g = mmap(NULL, 2 * PAGE, RW, ANON, -1, 0);
	errno = 0;
	tap_check(munmap(g + 1, PAGE) == -1 && errno == EINVAL,
		  "munmap_of_an_unaligned_address_is_einval",
		  "expected -1 with errno %d, seen errno %d", EINVAL, errno);
	errno = 0;
	tap_check(munmap(g, 0) == -1 && errno == EINVAL, "munmap_of_length_0_is_einval",
		  "expected -1 with errno %d, seen errno %d", EINVAL, errno);
	tap_check(g[0] == 0 && g[PAGE] == 0, "failed_munmap_leaves_the_mapping",
		  "expected readable zeros, seen other bytes");
	munmap(g, 2 * PAGE);
}

static void test_fork(void)
{
	char *p = mmap(NULL, 2 * PAGE, RW, ANON, -1, 0);
	pid_t pid;
	int st = -1;

	memset(p, 'F', 2 * PAGE);
	pid = fork();
	if (pid == 0) {
		munmap(p, PAGE);
		_exit(touch(p, 0) == SIGSEGV && p[PAGE] == 'F' ? 0 : 1);
	}
	waitpid(pid, &st, 0);
	tap_check(WIFEXITED(st) && WEXITSTATUS(st) == 0, "munmap_in_a_child_unmaps_in_the_child",
		  "expected exit 0, seen status 0x%x", st);
	tap_check(touch(p, 0) == 0 && p[0] == 'F', "munmap_in_a_child_leaves_the_parents_mapping",
		  "expected 'F' readable, seen signal %d", fault_sig);
	munmap(p, 2 * PAGE);
}

int main(int argc, char **argv)
{
	int i;

	for (i = 1; i < argc; i++)
		if (strcmp(argv[i], "--qemu-user") != 0)
			dir = argv[i];
	catch_faults();
	test_split();
	test_across_vmas();
	test_split_file_mapping();
	test_holes_and_errors();
	test_fork();
	return tap_done();
}
