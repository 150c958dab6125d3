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
#include <sys/mman.h>
#include <sys/stat.h>
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "tap.h"

#define PAGE 4096
#define RW   (PROT_READ | PROT_WRITE)

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

/* ---- files ----------------------------------------------------------------------------- */

/* Creates DIR/name with npages pages, page i filled with 'a' + i; returns its path. */
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

static long file_size(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 ? (long)st.st_size : -1;
}

static int all_bytes(const char *p, int c, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (p[i] != c)
			return 0;
	return 1;
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
	int i;

	for (i = 1; i < argc; i++)
		if (strcmp(argv[i], "--qemu-user") != 0)
			dir = argv[i];
	catch_faults();
	test_read_only_file();
	test_shared();
	test_private();
	test_last_page_and_truncate();
	return tap_done();
}
