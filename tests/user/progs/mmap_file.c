// SPDX-License-Identifier: MIT
/*
 * File mappings as Linux does them. MAP_SHARED: a write through the mapping is seen by
 * read(2) and by other mappings at once, a write(2) is seen through the mapping at once
 * (one page cache), msync(MS_SYNC) and munmap leave the data in the file. MAP_PRIVATE: the
 * first write to a page copies it, so the file and other mappings never see it, while the
 * pages not yet written still follow the file. Also: offsets, the partial last page, and
 * ftruncate growing and shrinking a mapped file.
 *
 *   mmap_file [--qemu-user] [DIR]     DIR: where to create scratch files (default /tmp)
 *
 * Runs on our kernel (tests/qemu/mmap.sh) and on Linux (tests/user/run-linux-oracle.sh).
 */
#define _GNU_SOURCE
#include <sys/stat.h>
#include "mmap_test.h"

static long file_size(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 ? (long)st.st_size : -1;
}

/* ---- the tests ------------------------------------------------------------------------- */

static void test_read_only_file(void)
{
	const char *path = make_file("file_ro", 3);
	int fd = open(path, O_RDONLY), rw = open(path, O_RDWR);
	char *p = mmap(NULL, 3 * PAGE, PROT_READ, MAP_PRIVATE, fd, 0), *s, *o;

	tap_check(p != MAP_FAILED && all_bytes(p, 'a', PAGE) && all_bytes(p + PAGE, 'b', PAGE) &&
		      all_bytes(p + 2 * PAGE, 'c', PAGE),
		  "private_mapping_of_read_only_file_shows_its_pages",
		  "expected pages of 'a', 'b', 'c', seen %p starting 0x%02x", (void *)p,
		  p == MAP_FAILED ? 0 : (unsigned char)p[0]);
	o = mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE, fd, 2 * PAGE);
	tap_check(o != MAP_FAILED && all_bytes(o, 'c', PAGE),
		  "mapping_at_offset_2_pages_shows_page_2", "expected 'c', seen %p 0x%02x",
		  (void *)o, o == MAP_FAILED ? 0 : (unsigned char)o[0]);
	s = mmap(NULL, 3 * PAGE, PROT_READ, MAP_SHARED, fd, 0);
	tap_check(s != MAP_FAILED && s[PAGE] == 'b',
		  "shared_mapping_of_read_only_file_shows_its_pages", "expected 'b', seen %p",
		  (void *)s);
	pwrite(rw, "X", 1, PAGE + 10);
	tap_check(s[PAGE + 10] == 'X', "write_is_seen_through_a_read_only_shared_mapping_at_once",
		  "expected 'X', seen 0x%02x", (unsigned char)s[PAGE + 10]);
	close(fd);
	tap_check(p[2 * PAGE + 7] == 'c' && s[2 * PAGE + 7] == 'c',
		  "mappings_outlive_the_close_of_their_descriptor",
		  "expected 'c', seen 0x%02x 0x%02x", (unsigned char)p[2 * PAGE + 7],
		  (unsigned char)s[2 * PAGE + 7]);
	munmap(p, 3 * PAGE);
	munmap(s, 3 * PAGE);
	munmap(o, PAGE);
	close(rw);
}

static void test_shared(void)
{
	const char *path = make_file("file_shared", 3);
	int fd = open(path, O_RDWR), ro = open(path, O_RDONLY);
	char *s = mmap(NULL, 3 * PAGE, RW, MAP_SHARED, fd, 0);
	char *m = mmap(NULL, 3 * PAGE, PROT_READ, MAP_SHARED, ro, 0);
	char c = 0;

	tap_check(s != MAP_FAILED && m != MAP_FAILED, "shared_mappings_of_a_read_write_file",
		  "seen %p and %p (errno %d)", (void *)s, (void *)m, errno);
	if (s == MAP_FAILED || m == MAP_FAILED)
		return;
	s[PAGE + 5] = 'S';
	pread(fd, &c, 1, PAGE + 5);
	tap_check(c == 'S', "shared_mapping_write_is_seen_by_read_at_once",
		  "expected read(2) to return 'S', seen 0x%02x", (unsigned char)c);
	tap_check(m[PAGE + 5] == 'S', "shared_mapping_write_is_seen_by_another_shared_mapping",
		  "expected 'S', seen 0x%02x", (unsigned char)m[PAGE + 5]);
	pwrite(fd, "W", 1, PAGE + 6);
	tap_check(s[PAGE + 6] == 'W' && m[PAGE + 6] == 'W',
		  "write_is_seen_through_shared_mappings_at_once",
		  "expected 'W', seen 0x%02x 0x%02x", (unsigned char)s[PAGE + 6],
		  (unsigned char)m[PAGE + 6]);
	lseek(fd, 2 * PAGE + 1, SEEK_SET);
	write(fd, "V", 1);
	tap_check(s[2 * PAGE + 1] == 'V', "write_at_the_file_position_is_seen_through_the_mapping",
		  "expected 'V', seen 0x%02x", (unsigned char)s[2 * PAGE + 1]);

	s[20] = 'Y';
	tap_check(msync(s, 3 * PAGE, MS_SYNC) == 0,
		  "msync_ms_sync_of_a_shared_file_mapping_returns_0",
		  "expected 0, seen -1 with errno %d", errno);
	tap_check(file_byte(path, 20) == 'Y' && file_byte(path, PAGE + 5) == 'S',
		  "after_msync_the_file_has_the_data", "expected 'Y' and 'S', seen %d and %d",
		  file_byte(path, 20), file_byte(path, PAGE + 5));
	s[21] = 'Z';
	tap_check(msync(s, PAGE, MS_ASYNC) == 0 && file_byte(path, 21) == 'Z',
		  "msync_ms_async_returns_0_and_read_sees_the_data",
		  "expected 0 and 'Z' read back, seen errno %d and byte %d", errno,
		  file_byte(path, 21));
	tap_check(msync(s, PAGE, MS_INVALIDATE) == 0, "msync_ms_invalidate_returns_0",
		  "expected 0, seen -1 with errno %d", errno);

	s[2 * PAGE + 100] = 'U';
	tap_check(munmap(s, 3 * PAGE) == 0, "munmap_of_a_dirty_shared_mapping_returns_0",
		  "expected 0, seen -1 with errno %d", errno);
	close(fd);
	tap_check(file_byte(path, 2 * PAGE + 100) == 'U', "after_munmap_the_file_has_the_data",
		  "expected 'U', seen %d", file_byte(path, 2 * PAGE + 100));
	tap_check(m[2 * PAGE + 100] == 'U', "other_mapping_keeps_seeing_the_data_after_munmap",
		  "expected 'U', seen 0x%02x", (unsigned char)m[2 * PAGE + 100]);
	tap_check(file_size(path) == 3 * PAGE, "shared_writes_do_not_change_the_file_size",
		  "expected %d, seen %ld", 3 * PAGE, file_size(path));
	munmap(m, 3 * PAGE);
	close(ro);
}

static void test_private(void)
{
	const char *path = make_file("file_private", 2);
	int fd = open(path, O_RDWR);
	char *p = mmap(NULL, 2 * PAGE, RW, MAP_PRIVATE, fd, 0);
	char *q = mmap(NULL, 2 * PAGE, PROT_READ, MAP_PRIVATE, fd, 0);
	char *s = mmap(NULL, 2 * PAGE, PROT_READ, MAP_SHARED, fd, 0);

	tap_check(p != MAP_FAILED && q != MAP_FAILED && s != MAP_FAILED,
		  "three_mappings_of_one_file", "seen %p %p %p (errno %d)", (void *)p, (void *)q,
		  (void *)s, errno);
	if (p == MAP_FAILED || q == MAP_FAILED || s == MAP_FAILED)
		return;
	p[0] = 'P';
	tap_check(p[0] == 'P' && p[1] == 'a', "private_write_is_seen_by_its_own_mapping",
		  "expected 'P' then 'a', seen 0x%02x 0x%02x", (unsigned char)p[0],
		  (unsigned char)p[1]);
	tap_check(file_byte(path, 0) == 'a', "private_write_does_not_reach_the_file",
		  "expected read(2) to return 'a', seen %d", file_byte(path, 0));
	tap_check(q[0] == 'a' && s[0] == 'a', "private_write_is_not_seen_by_other_mappings",
		  "expected 'a' in the other private and the shared mapping, seen 0x%02x 0x%02x",
		  (unsigned char)q[0], (unsigned char)s[0]);
	pwrite(fd, "Q", 1, PAGE + 50);
	tap_check(p[PAGE + 50] == 'Q',
		  "private_mapping_follows_the_file_on_pages_it_has_not_written",
		  "expected 'Q', seen 0x%02x", (unsigned char)p[PAGE + 50]);
	pwrite(fd, "R", 1, 0);
	tap_check(p[0] == 'P', "private_copy_does_not_follow_later_file_changes",
		  "expected 'P', seen 0x%02x", (unsigned char)p[0]);
	tap_check(q[0] == 'R' && s[0] == 'R', "other_mappings_follow_the_file",
		  "expected 'R', seen 0x%02x 0x%02x", (unsigned char)q[0], (unsigned char)s[0]);
	munmap(p, 2 * PAGE);
	tap_check(file_byte(path, 0) == 'R' && file_byte(path, 1) == 'a',
		  "munmap_of_a_private_mapping_writes_nothing_back", "expected 'R' 'a', seen %d %d",
		  file_byte(path, 0), file_byte(path, 1));
	munmap(q, 2 * PAGE);
	munmap(s, 2 * PAGE);
	close(fd);
}

static void test_last_page_and_truncate(void)
{
	char path[256], *s;
	int fd, sig;

	snprintf(path, sizeof(path), "%s/file_short", dir);
	fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0644);
	write(fd, "0123456789", 10);
	s = mmap(NULL, 2 * PAGE, RW, MAP_SHARED, fd, 0);
	tap_check(s != MAP_FAILED && s[9] == '9', "shared_mapping_of_a_10_byte_file",
		  "expected a mapping showing '9' at byte 9, seen %p (errno %d)", (void *)s, errno);
	if (s == MAP_FAILED)
		return;
	tap_check(all_bytes(s + 10, 0, PAGE - 10), "bytes_past_eof_in_the_last_page_read_as_zero",
		  "expected zeros after byte 10, seen a nonzero byte");
	s[200] = 'E';
	msync(s, PAGE, MS_SYNC);
	tap_check(file_size(path) == 10, "write_past_eof_in_the_last_page_does_not_grow_the_file",
		  "expected size 10, seen %ld", file_size(path));
	sig = touch(s + PAGE, 0);
	tap_check(sig == SIGBUS, "page_wholly_past_eof_raises_sigbus",
		  "expected signal %d, seen %d", SIGBUS, sig);
	ftruncate(fd, 2 * PAGE);
	sig = touch(s + PAGE + 1, 0);
	tap_check(sig == 0 && s[PAGE + 1] == 0, "page_is_accessible_once_ftruncate_grows_the_file",
		  "expected no signal and 0, seen signal %d", sig);
	s[PAGE + 2] = 'G';
	tap_check(file_byte(path, PAGE + 2) == 'G', "write_to_the_grown_page_reaches_the_file",
		  "expected 'G', seen %d", file_byte(path, PAGE + 2));
	ftruncate(fd, 0);
	sig = touch(s, 0);
	tap_check(sig == SIGBUS, "mapped_page_raises_sigbus_after_ftruncate_to_0",
		  "expected signal %d (the page was cut from the file), seen %d", SIGBUS, sig);
	munmap(s, 2 * PAGE);
	close(fd);
}

int main(int argc, char **argv)
{
	parse_args(argc, argv);
	catch_faults();
	test_read_only_file();
	test_shared();
	test_private();
	test_last_page_and_truncate();
	return tap_done();
}
