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
#include "mmap_test.h"

/* Checks that *p raises SIGSEGV with SEGV_MAPERR at p. */
static void check_maperr(const char *name, char *p)
{
	check_segv(name, p, 0, SEGV_MAPERR, "SEGV_MAPERR");
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
	parse_args(argc, argv);
	catch_faults();
	test_split();
	test_across_vmas();
	test_split_file_mapping();
	test_holes_and_errors();
	test_fork();
	return tap_done();
}
