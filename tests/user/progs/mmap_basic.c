// SPDX-License-Identifier: MIT
/*
 * mmap(2) as Linux does it: lengths rounded up to pages, MAP_FIXED replacing what was there,
 * a free hint taken as it is, anonymous memory private and shared across fork, MAP_POPULATE,
 * MAP_NORESERVE, MAP_GROWSDOWN, the error numbers of the man page, and adjacent compatible
 * anonymous mappings merged into one VMA (as /proc/self/maps shows).
 *
 *   mmap_basic [--qemu-user] [DIR]     DIR: where to create scratch files (default /tmp)
 *
 * Built with our library it runs on our kernel (tests/qemu/mmap.sh); built with glibc it runs
 * on Linux under qemu-arm (tests/user/run-linux-oracle.sh), which proves the expectations.
 * --qemu-user skips the checks that qemu-user's own mmap emulation cannot pass.
 */
#define _GNU_SOURCE
#include "mmap_test.h"

/* ---- the tests ------------------------------------------------------------------------- */

static void test_length_rounding(void)
{
	char *g = guarded(4), *p;

	p = mmap(g, 5000, RW, ANON | MAP_FIXED, -1, 0);
	tap_check(p == g, "mmap_fixed_returns_the_address_asked_for",
		  "expected %p, seen %p (errno %d)", (void *)g, (void *)p, errno);
	check_layout("mmap_length_5000_maps_two_whole_pages", g, 4, "0-2:rw-p 2-4:---p");
	tap_check(touch(p + 8191, 1) == 0, "last_byte_of_the_rounded_up_page_is_writable",
		  "expected no signal writing byte 8191 of a 5000-byte mapping, seen signal %d",
		  fault_sig);
	tap_check(munmap(p, 5000) == 0, "munmap_5000_bytes_returns_0",
		  "expected 0, seen -1 with errno %d", errno);
	check_layout("munmap_length_is_rounded_up_to_whole_pages", g, 4, "2-4:---p");

	p = mmap(NULL, 1, RW, ANON, -1, 0);
	tap_check(p != MAP_FAILED && ((unsigned long)p & (PAGE - 1)) == 0,
		  "mmap_of_one_byte_returns_a_page_aligned_address",
		  "expected a page-aligned address, seen %p (errno %d)", (void *)p, errno);
	tap_check(touch(p + PAGE - 1, 1) == 0 && p[PAGE - 1] == 1,
		  "mmap_of_one_byte_gives_a_whole_writable_page",
		  "expected byte 4095 writable, seen signal %d", fault_sig);
	munmap(p, 1);
}

static void test_fixed_replaces(void)
{
	char *p = mmap(NULL, 3 * PAGE, RW, ANON, -1, 0), *q;
	const char *path = make_file("basic_fixed", 1);
	int fd;

	memset(p, 'A', 3 * PAGE);
	q = mmap(p + PAGE, PAGE, RW, ANON | MAP_FIXED, -1, 0);
	tap_check(q == p + PAGE, "mmap_fixed_over_a_mapping_returns_that_address",
		  "expected %p, seen %p (errno %d)", (void *)(p + PAGE), (void *)q, errno);
	tap_check(all_bytes(p + PAGE, 0, PAGE),
		  "mmap_fixed_anonymous_replaces_old_contents_with_zeros",
		  "expected 4096 zero bytes, seen first byte 0x%02x", (unsigned char)p[PAGE]);
	tap_check(all_bytes(p, 'A', PAGE) && all_bytes(p + 2 * PAGE, 'A', PAGE),
		  "mmap_fixed_leaves_the_pages_around_it_alone",
		  "expected 'A' in pages 0 and 2, seen 0x%02x and 0x%02x", (unsigned char)p[0],
		  (unsigned char)p[2 * PAGE]);

	fd = open(path, O_RDONLY);
	q = mmap(p + PAGE, PAGE, PROT_READ, MAP_PRIVATE | MAP_FIXED, fd, 0);
	close(fd);
	tap_check(q == p + PAGE && all_bytes(q, 'a', PAGE),
		  "mmap_fixed_file_over_anonymous_memory_shows_the_file",
		  "expected %p with the file's 'a' bytes, seen %p first byte 0x%02x (errno %d)",
		  (void *)(p + PAGE), (void *)q, q == MAP_FAILED ? 0 : (unsigned char)q[0], errno);
	munmap(p, 3 * PAGE);
}

static void test_hint(void)
{
	char *p = mmap(NULL, 4 * PAGE, RW, ANON, -1, 0), *q, *r;

	munmap(p, 4 * PAGE);
	q = mmap(p + PAGE, 2 * PAGE, RW, ANON, -1, 0);
	tap_check(q == p + PAGE, "mmap_hint_at_a_free_address_is_used", "expected %p, seen %p",
		  (void *)(p + PAGE), (void *)q);
	if (q == MAP_FAILED)
		return;
	q[0] = 'H';
	r = mmap(q, PAGE, RW, ANON, -1, 0);
	tap_check(r != MAP_FAILED && r != q && q[0] == 'H',
		  "mmap_hint_at_a_used_address_maps_elsewhere_and_replaces_nothing",
		  "expected a new address and 'H' still at %p, seen %p and 0x%02x", (void *)q,
		  (void *)r, (unsigned char)q[0]);
	munmap(q, 2 * PAGE);
	munmap(r, PAGE);
}

static void test_anonymous_and_fork(void)
{
	char *priv = mmap(NULL, PAGE, RW, ANON, -1, 0);
	char *shared = mmap(NULL, PAGE, RW, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	int go[2], done[2], st;
	char c;
	pid_t pid;

	tap_check(priv != MAP_FAILED && shared != MAP_FAILED, "mmap_anonymous_private_and_shared",
		  "expected two mappings, seen %p and %p (errno %d)", (void *)priv, (void *)shared,
		  errno);
	if (priv == MAP_FAILED || shared == MAP_FAILED)
		return;
	tap_check(all_bytes(priv, 0, PAGE) && all_bytes(shared, 0, PAGE),
		  "anonymous_memory_starts_zeroed", "expected zeros, seen 0x%02x and 0x%02x",
		  (unsigned char)priv[0], (unsigned char)shared[0]);
	priv[0] = 'p';
	shared[0] = 's';
	if (pipe(go) < 0 || pipe(done) < 0)
		return;
	pid = fork();
	if (pid == 0) {
		if (priv[0] != 'p' || shared[0] != 's')
			_exit(2);
		priv[0] = 'C';
		shared[0] = 'C';
		write(done[1], "x", 1);
		/* then wait for the parent's write to the shared page */
		if (read(go[0], &c, 1) != 1)
			_exit(3);
		_exit(shared[100] == 'P' ? 0 : 4);
	}
	close(done[1]);
	close(go[0]);
	c = 0;
	read(done[0], &c, 1); /* 0 bytes if the child died first */
	tap_check(shared[0] == 'C', "shared_anonymous_write_in_child_is_seen_by_parent",
		  "expected 'C', seen 0x%02x", (unsigned char)shared[0]);
	tap_check(priv[0] == 'p', "private_anonymous_write_in_child_is_not_seen_by_parent",
		  "expected 'p', seen 0x%02x", (unsigned char)priv[0]);
	shared[100] = 'P';
	write(go[1], "x", 1);
	st = wait_status(pid);
	tap_check(WIFEXITED(st) && WEXITSTATUS(st) == 0,
		  "shared_anonymous_write_in_parent_is_seen_by_child",
		  "expected exit 0 (2: child saw the wrong data at fork, 4: missed the parent's "
		  "write), seen status 0x%x",
		  st);
	close(done[0]);
	close(go[1]);
	munmap(priv, PAGE);
	munmap(shared, PAGE);
}

static void test_populate_noreserve(void)
{
	unsigned char vec[16];
	char *p;
	int i, present = 0;

	p = mmap(NULL, 16 * PAGE, RW, ANON, -1, 0);
	memset(vec, 0x55, sizeof(vec));
	mincore(p, 16 * PAGE, vec);
	for (i = 0; i < 16; i++)
		present += vec[i] & 1;
	tap_check(present == 0, "untouched_anonymous_pages_are_not_present",
		  "expected mincore to show 0 of 16 pages, seen %d", present);
	munmap(p, 16 * PAGE);

	p = mmap(NULL, 16 * PAGE, RW, ANON | MAP_POPULATE, -1, 0);
	tap_check(p != MAP_FAILED, "mmap_populate_is_accepted",
		  "expected a mapping, seen MAP_FAILED with errno %d", errno);
	memset(vec, 0x55, sizeof(vec));
	present = 0;
	if (mincore(p, 16 * PAGE, vec) == 0)
		for (i = 0; i < 16; i++)
			present += vec[i] & 1;
	if (qemu_user)
		tap_skip("mmap_populate_makes_every_page_present",
			 "qemu-user does not pass MAP_POPULATE on");
	else
		tap_check(present == 16, "mmap_populate_makes_every_page_present",
			  "expected mincore to show 16 of 16 pages, seen %d", present);
	tap_check(p != MAP_FAILED && all_bytes(p, 0, 16 * PAGE),
		  "populated_anonymous_pages_are_zero",
		  "expected zeros, seen a nonzero byte (or no mapping)");
	munmap(p, 16 * PAGE);

	p = mmap(NULL, 64 << 20, RW, ANON | MAP_NORESERVE, -1, 0);
	tap_check(p != MAP_FAILED, "mmap_noreserve_of_64_mib_is_accepted",
		  "expected a mapping, seen MAP_FAILED with errno %d", errno);
	if (p != MAP_FAILED) {
		p[0] = 1;
		p[(64 << 20) - 1] = 2;
		tap_check(p[0] == 1 && p[(64 << 20) - 1] == 2, "noreserve_memory_is_usable",
			  "expected 1 and 2, seen %d and %d", p[0], p[(64 << 20) - 1]);
		munmap(p, 64 << 20);
	}
}

static void test_growsdown(void)
{
	/* PROT_NONE below the stack-like mapping: Linux's guard gap only counts accessible
	 * VMAs, and ours keeps one free page; 8 free pages between satisfy both. */
	char *r = mmap(NULL, 16 * PAGE, PROT_NONE, ANON, -1, 0), *s;
	int sig;

	munmap(r + 4 * PAGE, 12 * PAGE);
	s = mmap(r + 12 * PAGE, 4 * PAGE, RW, ANON | MAP_FIXED | MAP_GROWSDOWN, -1, 0);
	tap_check(s == r + 12 * PAGE, "mmap_growsdown_is_accepted", "expected %p, seen %p errno %d",
		  (void *)(r + 12 * PAGE), (void *)s, errno);
	if (s == MAP_FAILED)
		return;
	s[0] = 1;
	if (qemu_user) {
		tap_skip("growsdown_mapping_grows_on_a_fault_below_it",
			 "qemu-user maps guest memory itself and never grows it");
		munmap(r, 16 * PAGE);
		return;
	}
	sig = touch(s - PAGE + 8, 1);
	tap_check(sig == 0, "growsdown_mapping_grows_on_a_fault_below_it",
		  "expected no signal writing one page below, seen signal %d", sig);
	sig = touch(s - 3 * PAGE, 1);
	tap_check(sig == 0 && s[-PAGE + 8] == 1, "growsdown_mapping_grows_again_and_keeps_its_data",
		  "expected no signal and 1 at the first grown page, seen signal %d", sig);
	check_layout("growsdown_vma_now_starts_at_the_lowest_touched_page", r + 4 * PAGE, 12,
		     "5-12:rw-p");
	munmap(r, 16 * PAGE);
}

static void test_errors(void)
{
	const char *path = make_file("basic_errors", 2);
	int rdonly = open(path, O_RDONLY), wronly = open(path, O_WRONLY), rdwr = open(path, O_RDWR);
	int pfd[2], fd;
	char *p, *q;

#define EXPECT_MMAP_ERROR(name, want, addr, len, prot, flags, fd, off)                             \
	do {                                                                                       \
		errno = 0;                                                                         \
		p = mmap(addr, len, prot, flags, fd, off);                                         \
		tap_check(p == MAP_FAILED && errno == want, name,                                  \
			  "expected MAP_FAILED with errno %d, seen %p with errno %d", want,        \
			  (void *)p, errno);                                                       \
		if (p != MAP_FAILED)                                                               \
			munmap(p, len);                                                            \
	} while (0)

	EXPECT_MMAP_ERROR("mmap_zero_length_is_einval", EINVAL, NULL, 0, RW, ANON, -1, 0);
	EXPECT_MMAP_ERROR("mmap_zero_length_file_is_einval", EINVAL, NULL, 0, PROT_READ,
			  MAP_PRIVATE, rdonly, 0);
	EXPECT_MMAP_ERROR("mmap_unaligned_offset_is_einval", EINVAL, NULL, PAGE, PROT_READ,
			  MAP_PRIVATE, rdonly, 100);
	EXPECT_MMAP_ERROR("mmap_neither_shared_nor_private_is_einval", EINVAL, NULL, PAGE, RW,
			  MAP_ANONYMOUS, -1, 0);
	EXPECT_MMAP_ERROR("mmap_anonymous_shared_and_private_both_is_einval", EINVAL, NULL, PAGE,
			  RW, MAP_SHARED | MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	EXPECT_MMAP_ERROR("mmap_fixed_unaligned_address_is_einval", EINVAL, (void *)0x10000100,
			  PAGE, RW, ANON | MAP_FIXED, -1, 0);
	EXPECT_MMAP_ERROR("mmap_bad_fd_is_ebadf", EBADF, NULL, PAGE, PROT_READ, MAP_PRIVATE, 99, 0);
	fd = open(path, O_RDONLY);
	close(fd);
	EXPECT_MMAP_ERROR("mmap_closed_fd_is_ebadf", EBADF, NULL, PAGE, PROT_READ, MAP_PRIVATE, fd,
			  0);
	EXPECT_MMAP_ERROR("mmap_shared_writable_of_read_only_file_is_eacces", EACCES, NULL, PAGE,
			  RW, MAP_SHARED, rdonly, 0);
	EXPECT_MMAP_ERROR("mmap_private_of_write_only_file_is_eacces", EACCES, NULL, PAGE,
			  PROT_READ, MAP_PRIVATE, wronly, 0);
	EXPECT_MMAP_ERROR("mmap_shared_of_write_only_file_is_eacces", EACCES, NULL, PAGE, RW,
			  MAP_SHARED, wronly, 0);
	if (pipe(pfd) == 0) {
		EXPECT_MMAP_ERROR("mmap_of_a_pipe_is_enodev", ENODEV, NULL, PAGE, PROT_READ,
				  MAP_PRIVATE, pfd[0], 0);
		/* A failed MAP_FIXED must not have unmapped the old mapping first. */
		q = mmap(NULL, PAGE, RW, ANON, -1, 0);
		q[0] = 'K';
		EXPECT_MMAP_ERROR("mmap_fixed_of_a_pipe_is_enodev", ENODEV, q, PAGE, PROT_READ,
				  MAP_PRIVATE | MAP_FIXED, pfd[0], 0);
		tap_check(
		    touch(q, 0) == 0 && q[0] == 'K', "failed_mmap_fixed_keeps_the_old_mapping",
		    "expected 'K' still readable at %p, seen signal %d", (void *)q, fault_sig);
		munmap(q, PAGE);
		close(pfd[0]);
		close(pfd[1]);
	}
	if (sizeof(void *) > 4) { /* the native build of the oracle */
		tap_skip("mmap_of_3_gib_is_enomem", "a 64-bit address space has room for it");
		tap_skip("mmap_length_that_wraps_when_rounded_is_enomem", "only 32 bits wrap");
	} else {
		EXPECT_MMAP_ERROR("mmap_of_3_gib_is_enomem", ENOMEM, NULL, 0xC0000000u, PROT_NONE,
				  ANON | MAP_NORESERVE, -1, 0);
		EXPECT_MMAP_ERROR("mmap_length_that_wraps_when_rounded_is_enomem", ENOMEM, NULL,
				  0xFFFFF001u, PROT_NONE, ANON, -1, 0);
	}

	/* Allowed combinations next to the refused ones. */
	p = mmap(NULL, PAGE, RW, MAP_PRIVATE, rdonly, 0);
	tap_check(p != MAP_FAILED && p[0] == 'a',
		  "mmap_private_writable_of_read_only_file_is_allowed",
		  "expected the file's 'a', seen %p errno %d", (void *)p, errno);
	if (p != MAP_FAILED)
		munmap(p, PAGE);
	p = mmap(NULL, PAGE, PROT_READ, MAP_SHARED, rdonly, 0);
	tap_check(p != MAP_FAILED && p[0] == 'a',
		  "mmap_shared_read_only_of_read_only_file_is_allowed",
		  "expected the file's 'a', seen %p errno %d", (void *)p, errno);
	if (p != MAP_FAILED)
		munmap(p, PAGE);
	p = mmap(NULL, PAGE, RW, MAP_SHARED_VALIDATE, rdwr, 0);
	if (qemu_user)
		tap_skip("mmap_shared_validate_of_a_file_is_accepted",
			 "qemu-user 7.2 rejects MAP_SHARED_VALIDATE (Linux has it since 4.15)");
	else
		tap_check(p != MAP_FAILED && p[0] == 'a',
			  "mmap_shared_validate_of_a_file_is_accepted",
			  "expected a shared mapping with the file's 'a', seen %p errno %d",
			  (void *)p, errno);
	if (p != MAP_FAILED)
		munmap(p, PAGE);
	close(rdonly);
	close(wronly);
	close(rdwr);
}

static void test_merge(void)
{
	char *g = guarded(3), *p;

	p = mmap(g, 3 * PAGE, RW, ANON | MAP_FIXED, -1, 0);
	check_layout("anonymous_mapping_of_three_pages_is_one_vma", g, 3, "0-3:rw-p");
	p[0] = 1;
	p[2 * PAGE] = 1;
	munmap(p + PAGE, PAGE);
	check_layout("munmap_of_the_middle_page_leaves_two_vmas", g, 3, "0-1:rw-p 2-3:rw-p");
	mmap(p + PAGE, PAGE, PROT_READ, ANON | MAP_FIXED, -1, 0);
	check_layout("adjacent_mapping_with_other_protection_does_not_merge", g, 3,
		     "0-1:rw-p 1-2:r--p 2-3:rw-p");
	mmap(p + PAGE, PAGE, RW, ANON | MAP_FIXED, -1, 0);
	check_layout("adjacent_compatible_anonymous_mappings_merge_into_one_vma", g, 3, "0-3:rw-p");
	tap_check(p[0] == 1 && p[2 * PAGE] == 1 && p[PAGE] == 0,
		  "merged_vma_keeps_the_data_of_both_neighbours",
		  "expected 1, 0, 1, seen %d, %d, %d", p[0], p[PAGE], p[2 * PAGE]);
	munmap(g - PAGE, 5 * PAGE);
}

int main(int argc, char **argv)
{
	parse_args(argc, argv);
	catch_faults();
	test_length_rounding();
	test_fixed_replaces();
	test_hint();
	test_anonymous_and_fork();
	test_populate_noreserve();
	test_growsdown();
	test_errors();
	test_merge();
	return tap_done();
}
