// SPDX-License-Identifier: MIT
/*
 * Host tests of swap_header_parse (mm/swap_format.c) against areas made by util-linux mkswap,
 * and against mkswap headers broken on purpose (bad-page lists are written into the header
 * bytes here: mkswap -c only works on block devices). Skipped if mkswap is not installed.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <kernel/errno.h>
#include <mm/swapops.h>
#include <mm/swap_format.h>

#define KiB 1024ULL
#define MiB (1024 * KiB)
#define GiB (1024 * MiB)

static char workdir[64];
static const char *mkswap;

/* Parsed header and message of the last parse() call. */
static struct swap_info_hdr info;
static char msg[128];

static const char *find_mkswap(void)
{
	static const char *const paths[] = { "/sbin/mkswap", "/usr/sbin/mkswap", "/bin/mkswap",
					     "/usr/bin/mkswap" };
	size_t i;

	for (i = 0; i < sizeof(paths) / sizeof(paths[0]); i++) {
		if (access(paths[i], X_OK) == 0)
			return paths[i];
	}
	return NULL;
}

/*
 * A file of file_bytes (sparse) made into a swap area by mkswap with extra options; page 0
 * read into *h. size_kib, if not 0, is mkswap's size argument (an area smaller than the file).
 */
static void make_area(const char *name, unsigned long long file_bytes, const char *options,
		      unsigned long long size_kib, union swap_header *h)
{
	char path[128], cmd[512], size[32] = "";
	int fd;

	if (!mkswap)
		skip();
	snprintf(path, sizeof(path), "%s/%s", workdir, name);
	fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0600);
	if (fd < 0 || ftruncate(fd, (off_t)file_bytes))
		fail_msg("cannot create %s of %llu bytes", path, file_bytes);
	close(fd);
	if (size_kib)
		snprintf(size, sizeof(size), "%llu", size_kib);
	snprintf(cmd, sizeof(cmd), "%s -q %s %s %s > /dev/null 2>&1", mkswap, options, path, size);
	if (system(cmd) != 0)
		fail_msg("failed: %s", cmd);
	fd = open(path, O_RDONLY);
	if (fd < 0 || read(fd, h, sizeof(*h)) != (ssize_t)sizeof(*h))
		fail_msg("cannot read page 0 of %s", path);
	close(fd);
}

static int parse(const union swap_header *h, unsigned long long device_bytes)
{
	memset(&info, 0xa5, sizeof(info));
	strcpy(msg, "(unchanged)");
	return swap_header_parse(h, device_bytes, &info, msg, sizeof(msg));
}

static void expect_refused(const union swap_header *h, unsigned long long device_bytes,
			   const char *expected)
{
	int err = parse(h, device_bytes);

	if (err != -EINVAL)
		fail_msg("expected -EINVAL \"%s\", saw %d \"%s\"", expected, err, msg);
	if (strcmp(msg, expected))
		fail_msg("expected message \"%s\", saw \"%s\"", expected, msg);
}

static void expect_parsed(const union swap_header *h, unsigned long long device_bytes)
{
	int err = parse(h, device_bytes);

	if (err)
		fail_msg("expected 0, saw %d \"%s\"", err, msg);
	assert_string_equal(msg, "");
}

/* An mkswap area of 4 MiB (1024 pages), to break on purpose. */
static void good_header(union swap_header *h)
{
	static union swap_header cached;
	static bool made;

	if (!made) {
		make_area("template", 4 * MiB, "", 0, &cached);
		made = true;
	}
	*h = cached;
}

static void mkswap_areas_of_several_sizes_parse(void **state)
{
	static const unsigned long long sizes[] = { 40 * KiB, 1 * MiB, 1 * MiB + 1000,
						    64 * MiB, 3 * GiB + 8 * KiB };
	union swap_header h;
	size_t i;

	for (i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		unsigned long long pages = sizes[i] / SWAP_PAGE_SIZE;
		char name[32];

		snprintf(name, sizeof(name), "size%zu", i);
		make_area(name, sizes[i], "", 0, &h);
		expect_parsed(&h, sizes[i]);
		if (info.pages != pages || info.last_page != pages - 1)
			fail_msg("%llu bytes: expected %llu pages (last_page %llu), saw %lu (%u)",
				 sizes[i], pages, pages - 1, info.pages, info.last_page);
		assert_false(info.clipped);
		assert_int_equal(info.nr_badpages, 0);
		assert_string_equal(info.label, "");
	}
}

static void label_and_uuid_are_reported(void **state)
{
	static const u8 uuid[SWAP_UUID_SIZE] = { 0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xef,
						 0xfe, 0xdc, 0xba, 0x98, 0x76, 0x54, 0x32, 0x10 };
	union swap_header h;

	make_area("labelled", 2 * MiB, "-L swaplabel -U 01234567-89ab-cdef-fedc-ba9876543210", 0,
		  &h);
	expect_parsed(&h, 2 * MiB);
	assert_string_equal(info.label, "swaplabel");
	assert_memory_equal(info.uuid, uuid, SWAP_UUID_SIZE);

	/* mkswap 2.38 cuts labels to 15 characters; older ones filled all 16 with no NUL. */
	memcpy(h.info.sws_volume, "sixteen_chars_ab", SWAP_LABEL_SIZE);
	expect_parsed(&h, 2 * MiB);
	assert_string_equal(info.label, "sixteen_chars_ab");
}

static void area_smaller_than_its_device_uses_only_the_area(void **state)
{
	union swap_header h;

	make_area("small", 1 * MiB, "", 512, &h);	/* mkswap file 512: 512 KiB */
	expect_parsed(&h, 1 * MiB);
	assert_int_equal(info.pages, 128);
	assert_int_equal(info.last_page, 127);
}

static void zeroed_file_is_refused(void **state)
{
	static union swap_header h;

	memset(&h, 0, sizeof(h));
	expect_refused(&h, 4 * MiB, "swap: no swap signature (not made by mkswap?)");
}

static void area_made_for_64k_pages_is_refused(void **state)
{
	union swap_header h;

	/* Its magic is at byte 65526, not in our page 0. */
	make_area("pages64k", 4 * MiB, "-p 65536", 0, &h);
	expect_refused(&h, 4 * MiB, "swap: no swap signature (not made by mkswap?)");
}

static void old_v0_magic_is_refused(void **state)
{
	union swap_header h;

	good_header(&h);
	memcpy(h.magic.magic, SWAP_MAGIC_V0, SWAP_MAGIC_LEN);
	expect_refused(&h, 4 * MiB,
		       "swap: old SWAP-SPACE (v0) area unsupported: run mkswap again");
}

static void truncated_device_is_refused(void **state)
{
	union swap_header h;

	good_header(&h);
	expect_refused(&h, 2 * MiB, "swap: last_page 1023 beyond the device (512 pages)");
	/* One page short, a partial page short, and just right. */
	expect_refused(&h, 1023 * 4096ULL, "swap: last_page 1023 beyond the device (1023 pages)");
	expect_refused(&h, 4 * MiB - 1, "swap: last_page 1023 beyond the device (1023 pages)");
	expect_parsed(&h, 4 * MiB);
	assert_int_equal(info.pages, 1024);
	expect_refused(&h, 4095, "swap: device of 4095 bytes cannot hold a swap header");
	expect_refused(&h, 0, "swap: device of 0 bytes cannot hold a swap header");
}

static void version_other_than_1_is_refused(void **state)
{
	union swap_header h;

	good_header(&h);
	h.info.version = 2;
	expect_refused(&h, 4 * MiB, "swap: version 2 unsupported");
	h.info.version = 0;
	expect_refused(&h, 4 * MiB, "swap: version 0 unsupported");
	h.info.version = 0x01000000;
	expect_refused(&h, 4 * MiB, "swap: header byte-swapped (made on a big-endian machine?)");
}

static void too_many_bad_pages_is_refused(void **state)
{
	union swap_header h;
	unsigned int i;

	assert_int_equal(SWAP_MAX_BADPAGES, 637);
	good_header(&h);
	for (i = 0; i < SWAP_MAX_BADPAGES; i++)
		h.info.badpages[i] = i + 1;
	h.info.nr_badpages = SWAP_MAX_BADPAGES + 1;
	expect_refused(&h, 4 * MiB, "swap: too many bad pages (638, at most 637)");
	h.info.nr_badpages = 0xffffffff;
	expect_refused(&h, 4 * MiB, "swap: too many bad pages (4294967295, at most 637)");

	/* A full list is fine, and the last entry sits just before the magic. */
	h.info.nr_badpages = SWAP_MAX_BADPAGES;
	expect_parsed(&h, 4 * MiB);
	assert_int_equal(info.nr_badpages, 637);
	assert_int_equal(info.bad_pages[636], 637);
	assert_memory_equal(h.magic.magic, SWAP_MAGIC, SWAP_MAGIC_LEN);
}

static void listed_bad_pages_are_reported(void **state)
{
	static const u32 bad[] = { 5, 17, 1023, 1 };
	union swap_header h;
	size_t i;

	good_header(&h);
	h.info.nr_badpages = sizeof(bad) / sizeof(bad[0]);
	memcpy(h.info.badpages, bad, sizeof(bad));
	expect_parsed(&h, 4 * MiB);
	assert_int_equal(info.nr_badpages, 4);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		if (info.bad_pages[i] != bad[i])
			fail_msg("bad page %zu: expected %u, saw %u", i, bad[i], info.bad_pages[i]);
	}
	assert_int_equal(info.pages, 1024);
}

static void bad_page_list_out_of_the_area_is_refused(void **state)
{
	union swap_header h;

	good_header(&h);
	h.info.nr_badpages = 2;
	h.info.badpages[0] = 7;
	h.info.badpages[1] = 0;
	expect_refused(&h, 4 * MiB, "swap: bad page 0 outside the area (1 to 1023)");
	h.info.badpages[1] = 1024;
	expect_refused(&h, 4 * MiB, "swap: bad page 1024 outside the area (1 to 1023)");
	h.info.badpages[1] = 7;
	expect_refused(&h, 4 * MiB, "swap: bad page 7 listed twice");
}

static void area_with_every_page_bad_is_refused(void **state)
{
	union swap_header h;
	unsigned int i;

	make_area("tiny", 40 * KiB, "", 0, &h);	/* 10 pages: mkswap's smallest */
	for (i = 0; i < 9; i++)
		h.info.badpages[i] = i + 1;
	h.info.nr_badpages = 9;
	expect_refused(&h, 40 * KiB, "swap: no usable pages (last_page 9, 9 of them bad)");
	h.info.nr_badpages = 8;		/* page 9 left */
	expect_parsed(&h, 40 * KiB);
	h.info.last_page = 0;
	h.info.nr_badpages = 0;
	expect_refused(&h, 40 * KiB, "swap: no usable pages (last_page 0, 0 of them bad)");
}

static void area_larger_than_a_swap_pte_can_address_is_clipped(void **state)
{
	union swap_header h;

	good_header(&h);
	h.info.last_page = SWP_OFFSET_MAX + 100;
	h.info.nr_badpages = 2;
	h.info.badpages[0] = 3;
	h.info.badpages[1] = SWP_OFFSET_MAX + 50;	/* beyond the clip: listed, not counted */
	expect_parsed(&h, 128 * GiB);
	assert_int_equal(info.pages, SWP_OFFSET_MAX + 1);
	assert_true(info.clipped);
	assert_int_equal(info.last_page, SWP_OFFSET_MAX + 100);
	assert_int_equal(info.nr_badpages, 2);

	h.info.last_page = 0xffffffff;	/* last_page + 1 would wrap a u32 */
	h.info.nr_badpages = 0;
	expect_parsed(&h, 0xffffffffULL * 4096 + 4096);
	assert_int_equal(info.pages, SWP_OFFSET_MAX + 1);
}

static void message_is_cut_to_its_buffer(void **state)
{
	static union swap_header h;
	char small[10];

	memset(&h, 0, sizeof(h));
	memset(small, 'x', sizeof(small));
	assert_int_equal(swap_header_parse(&h, 4 * MiB, &info, small, sizeof(small)), -EINVAL);
	assert_string_equal(small, "swap: no ");
	assert_int_equal(swap_header_parse(&h, 4 * MiB, &info, NULL, 0), -EINVAL);
	assert_int_equal(swap_header_parse(&h, 4 * MiB, &info, small, 0), -EINVAL);
	assert_int_equal(small[0], 's');	/* msglen 0: not written */
}

static int group_setup(void **state)
{
	strcpy(workdir, "/tmp/test_swap_format.XXXXXX");
	if (!mkdtemp(workdir))
		return -1;
	mkswap = find_mkswap();
	if (!mkswap)
		fprintf(stderr, "mkswap not found: tests that need it are skipped\n");
	return 0;
}

static int group_teardown(void **state)
{
	char cmd[128];

	snprintf(cmd, sizeof(cmd), "rm -rf %s", workdir);
	return system(cmd) == 0 ? 0 : -1;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(mkswap_areas_of_several_sizes_parse),
		cmocka_unit_test(label_and_uuid_are_reported),
		cmocka_unit_test(area_smaller_than_its_device_uses_only_the_area),
		cmocka_unit_test(zeroed_file_is_refused),
		cmocka_unit_test(area_made_for_64k_pages_is_refused),
		cmocka_unit_test(old_v0_magic_is_refused),
		cmocka_unit_test(truncated_device_is_refused),
		cmocka_unit_test(version_other_than_1_is_refused),
		cmocka_unit_test(too_many_bad_pages_is_refused),
		cmocka_unit_test(listed_bad_pages_are_reported),
		cmocka_unit_test(bad_page_list_out_of_the_area_is_refused),
		cmocka_unit_test(area_with_every_page_bad_is_refused),
		cmocka_unit_test(area_larger_than_a_swap_pte_can_address_is_clipped),
		cmocka_unit_test(message_is_cut_to_its_buffer),
	};

	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
