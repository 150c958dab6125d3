// SPDX-License-Identifier: MIT
/*
 * msync(2), mincore(2) and madvise(2), the calls that walk a range of mappings, as Linux
 * does them: msync's flag and range errors; mincore reporting pages present (touched, or a
 * file's pages in the page cache) and absent (untouched anonymous memory, dropped pages);
 * madvise(MADV_DONTNEED) making private anonymous pages read back as zeros and private file
 * pages read back the file, while shared memory keeps its data.
 *
 *   mmap_msync_mincore_madvise [--qemu-user] [DIR]     DIR: scratch files (default /tmp)
 *
 * Runs on our kernel (tests/qemu/mmap.sh) and on Linux (tests/user/run-linux-oracle.sh).
 */
#define _GNU_SOURCE
#include "mmap_test.h"

/* qemu-user keeps the holes of the guest's address space reserved as host PROT_NONE
 * mappings, so the host's msync and madvise see them mapped; and it accepts any advice. */
#define QEMU_HOLES  "qemu-user keeps guest holes mapped PROT_NONE on the host"
#define QEMU_ADVICE "qemu-user's madvise accepts any advice"

/* mincore's answer for npages pages from p as a string of '0' and '1' ("ENOMEM" etc. if it
 * fails). Only bit 0 of each byte is defined. */
static const char *residency(void *p, int npages)
{
	static char out[64];
	unsigned char vec[64];
	int i;

	memset(vec, 0x2a, sizeof(vec));
	vec[npages] = 0;
	if (mincore(p, (size_t)npages * PAGE, vec) != 0) {
		snprintf(out, sizeof(out), "errno %d", errno);
		return out;
	}
	for (i = 0; i < npages; i++)
		out[i] = (vec[i] & 1) ? '1' : '0';
	out[npages] = '\0';
	return out;
}

static void check_residency(const char *name, void *p, int npages, const char *want)
{
	const char *seen = residency(p, npages);

	tap_check(strcmp(seen, want) == 0, name, "expected mincore \"%s\", seen \"%s\"", want,
		  seen);
}

#define EXPECT_ERROR(name, want, call) EXPECT_ERROR_UNLESS(0, NULL, name, want, call)

/* The same, skipped with the reason why when skip is true. */
#define EXPECT_ERROR_UNLESS(skip, why, name, want, call)                                           \
	do {                                                                                       \
		int r_;                                                                            \
		if (skip) {                                                                        \
			tap_skip(name, why);                                                       \
			break;                                                                     \
		}                                                                                  \
		errno = 0;                                                                         \
		r_ = (call);                                                                       \
		tap_check(r_ == -1 && errno == (want), name,                                       \
			  "expected -1 with errno %d, seen %d with errno %d", (want), r_, errno);  \
	} while (0)

/* ---- the tests ------------------------------------------------------------------------- */

static void test_msync(void)
{
	const char *path = make_file("msync_file", 2);
	int fd = open(path, O_RDWR);
	char *s = mmap(NULL, 2 * PAGE, RW, MAP_SHARED, fd, 0);
	char *a = mmap(NULL, 2 * PAGE, RW, ANON, -1, 0);
	char *h = mmap(NULL, 3 * PAGE, RW, ANON, -1, 0);

	close(fd);
	munmap(h + PAGE, PAGE); /* h: page, hole, page */
	s[0] = 'M';
	EXPECT_ERROR("msync_async_and_sync_together_is_einval", EINVAL,
		     msync(s, 2 * PAGE, MS_ASYNC | MS_SYNC));
	EXPECT_ERROR("msync_with_an_unknown_flag_is_einval", EINVAL, msync(s, 2 * PAGE, 8));
	EXPECT_ERROR("msync_with_a_high_unknown_flag_is_einval", EINVAL,
		     msync(s, 2 * PAGE, MS_SYNC | 0x100));
	EXPECT_ERROR("msync_of_an_unaligned_address_is_einval", EINVAL,
		     msync(s + 1, PAGE, MS_SYNC));
	EXPECT_ERROR_UNLESS(qemu_user, QEMU_HOLES, "msync_of_an_unmapped_range_is_enomem", ENOMEM,
			    msync(h + PAGE, PAGE, MS_SYNC));
	EXPECT_ERROR_UNLESS(qemu_user, QEMU_HOLES, "msync_of_a_range_with_a_hole_is_enomem", ENOMEM,
			    msync(h, 3 * PAGE, MS_ASYNC));
	tap_check(msync(a, 2 * PAGE, MS_SYNC) == 0, "msync_of_anonymous_memory_returns_0",
		  "expected 0, seen -1 with errno %d", errno);
	tap_check(msync(s, 0, MS_SYNC) == 0, "msync_of_length_0_returns_0",
		  "expected 0, seen -1 with errno %d", errno);
	tap_check(msync(s, 2 * PAGE, 0) == 0, "msync_with_flags_0_returns_0",
		  "expected 0, seen -1 with errno %d", errno);
	tap_check(msync(s, 100, MS_SYNC) == 0, "msync_of_a_partial_page_returns_0",
		  "expected 0, seen -1 with errno %d", errno);
	tap_check(msync(s, 2 * PAGE, MS_SYNC | MS_INVALIDATE) == 0 && s[0] == 'M',
		  "msync_sync_invalidate_returns_0_and_keeps_the_data",
		  "expected 0 and 'M', seen errno %d and 0x%02x", errno, (unsigned char)s[0]);
	munmap(s, 2 * PAGE);
	munmap(a, 2 * PAGE);
	munmap(h, 3 * PAGE);
}

static void test_mincore(void)
{
	const char *path = make_file("mincore_file", 2);
	int fd = open(path, O_RDONLY);
	char *a = mmap(NULL, 4 * PAGE, RW, ANON, -1, 0);
	char *f = mmap(NULL, 2 * PAGE, PROT_READ, MAP_PRIVATE, fd, 0);
	char *sh = mmap(NULL, 2 * PAGE, RW, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	char *h = mmap(NULL, 3 * PAGE, RW, ANON, -1, 0);
	unsigned char vec[4];

	close(fd);
	munmap(h + PAGE, PAGE);
	check_residency("mincore_of_untouched_anonymous_memory_is_all_0", a, 4, "0000");
	a[0] = 1;
	(void)*(volatile char *)(a + 2 * PAGE);
	check_residency("mincore_shows_pages_written_or_read_as_present", a, 4, "1010");
	check_residency("mincore_of_a_range_inside_the_mapping", a + 2 * PAGE, 2, "10");
	check_residency("mincore_counts_file_pages_in_the_page_cache", f, 2, "11");
	sh[PAGE] = 1;
	check_residency("mincore_of_shared_anonymous_memory", sh, 2, "01");
	check_residency("mincore_of_a_partial_last_page_counts_it", a, 1, "1");
	EXPECT_ERROR("mincore_of_an_unmapped_range_is_enomem", ENOMEM,
		     mincore(h + PAGE, PAGE, vec));
	EXPECT_ERROR("mincore_of_a_range_with_a_hole_is_enomem", ENOMEM, mincore(h, 3 * PAGE, vec));
	EXPECT_ERROR("mincore_of_an_unaligned_address_is_einval", EINVAL,
		     mincore(a + 1, PAGE, vec));
	EXPECT_ERROR("mincore_into_an_unmapped_vector_is_efault", EFAULT,
		     mincore(a, PAGE, (unsigned char *)(h + PAGE)));
	munmap(a, 4 * PAGE);
	EXPECT_ERROR("mincore_after_munmap_is_enomem", ENOMEM, mincore(a, PAGE, vec));
	munmap(f, 2 * PAGE);
	munmap(sh, 2 * PAGE);
	munmap(h, 3 * PAGE);
}

static void test_madvise(void)
{
	const char *path = make_file("madvise_file", 2);
	int fd = open(path, O_RDWR);
	char *a = mmap(NULL, 4 * PAGE, RW, ANON, -1, 0);
	char *p = mmap(NULL, 2 * PAGE, RW, MAP_PRIVATE, fd, 0);
	char *s = mmap(NULL, 2 * PAGE, RW, MAP_SHARED, fd, 0);
	char *sh = mmap(NULL, PAGE, RW, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	char *h = mmap(NULL, 3 * PAGE, RW, ANON, -1, 0);
	int st = -1, i;
	pid_t pid;
	static const int hints[] = {MADV_NORMAL, MADV_RANDOM, MADV_SEQUENTIAL, MADV_WILLNEED};

	close(fd);
	munmap(h + PAGE, PAGE);
	memset(a, 'A', 4 * PAGE);
	tap_check(madvise(a + PAGE, 2 * PAGE, MADV_DONTNEED) == 0, "madvise_dontneed_returns_0",
		  "expected 0, seen -1 with errno %d", errno);
	check_residency("madvise_dontneed_drops_the_pages", a, 4, "1001");
	tap_check(all_bytes(a + PAGE, 0, 2 * PAGE),
		  "private_anonymous_pages_read_back_as_zeros_after_dontneed",
		  "expected zeros, seen 0x%02x", (unsigned char)a[PAGE]);
	tap_check(all_bytes(a, 'A', PAGE) && all_bytes(a + 3 * PAGE, 'A', PAGE),
		  "pages_outside_the_dontneed_range_keep_their_data",
		  "expected 'A', seen 0x%02x 0x%02x", (unsigned char)a[0],
		  (unsigned char)a[3 * PAGE]);

	p[0] = 'P';
	madvise(p, 2 * PAGE, MADV_DONTNEED);
	tap_check(p[0] == 'a' && p[PAGE] == 'b',
		  "private_file_pages_read_back_the_file_after_dontneed",
		  "expected the file's 'a' and 'b', seen 0x%02x 0x%02x", (unsigned char)p[0],
		  (unsigned char)p[PAGE]);
	s[1] = 'S';
	madvise(s, 2 * PAGE, MADV_DONTNEED);
	tap_check(s[1] == 'S', "shared_file_pages_keep_their_data_after_dontneed",
		  "expected 'S', seen 0x%02x", (unsigned char)s[1]);
	sh[2] = 'H';
	madvise(sh, PAGE, MADV_DONTNEED);
	tap_check(sh[2] == 'H', "shared_anonymous_pages_keep_their_data_after_dontneed",
		  "expected 'H', seen 0x%02x", (unsigned char)sh[2]);

	memset(a, 'F', PAGE);
	pid = fork();
	if (pid == 0) {
		madvise(a, PAGE, MADV_DONTNEED);
		_exit(a[0] == 0 ? 0 : 1);
	}
	waitpid(pid, &st, 0);
	tap_check(WIFEXITED(st) && WEXITSTATUS(st) == 0,
		  "dontneed_in_a_child_gives_the_child_zeros", "expected exit 0, seen status 0x%x",
		  st);
	tap_check(a[0] == 'F', "dontneed_in_a_child_leaves_the_parents_page",
		  "expected 'F', seen 0x%02x", (unsigned char)a[0]);

	for (i = 0; i < 4; i++)
		if (madvise(a, 4 * PAGE, hints[i]) != 0)
			break;
	tap_check(i == 4 && a[0] == 'F', "madvise_hints_return_0_and_change_no_data",
		  "expected 0 from every hint and 'F' kept, seen hint %d fail with errno %d",
		  i < 4 ? hints[i] : -1, errno);
	EXPECT_ERROR_UNLESS(qemu_user, QEMU_HOLES, "madvise_of_an_unmapped_range_is_enomem", ENOMEM,
			    madvise(h + PAGE, PAGE, MADV_DONTNEED));
	EXPECT_ERROR_UNLESS(qemu_user, QEMU_HOLES, "madvise_of_a_range_with_a_hole_is_enomem",
			    ENOMEM, madvise(h, 3 * PAGE, MADV_WILLNEED));
	EXPECT_ERROR("madvise_of_an_unaligned_address_is_einval", EINVAL,
		     madvise(a + 1, PAGE, MADV_DONTNEED));
	EXPECT_ERROR_UNLESS(qemu_user, QEMU_ADVICE, "madvise_with_an_unknown_advice_is_einval",
			    EINVAL, madvise(a, PAGE, 12345));
	munmap(a, 4 * PAGE);
	munmap(p, 2 * PAGE);
	munmap(s, 2 * PAGE);
	munmap(sh, PAGE);
	munmap(h, 3 * PAGE);
}

int main(int argc, char **argv)
{
	parse_args(argc, argv);
	test_msync();
	test_mincore();
	test_madvise();
	return tap_done();
}
