// SPDX-License-Identifier: MIT
/*
 * Host tests for boot/atags.c: lists built here word by word, the way a boot loader (QEMU's
 * hw/arm/boot.c) lays them out, and broken lists that the parser must refuse. Every list is
 * copied into a heap buffer of exactly max_len bytes, so AddressSanitizer reports any read
 * past the end.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <boot/bootinfo.h>
#include <kernel/errno.h>

/* Tag numbers from Linux's setup.h, spelled out again so the test does not trust the code. */
#define T_NONE		0x00000000
#define T_CORE		0x54410001
#define T_MEM		0x54410002
#define T_VIDEOTEXT	0x54410003
#define T_CMDLINE	0x54410009
#define T_INITRD2	0x54420005

#define check_num(what, expected, seen)                                                    \
	do {                                                                               \
		unsigned long long e_ = (expected), s_ = (seen);                           \
		if (e_ != s_) {                                                            \
			print_error("%s: expected %#llx, saw %#llx\n", what, e_, s_);      \
			fail();                                                            \
		}                                                                          \
	} while (0)

#define check_int(what, expected, seen)                                                    \
	do {                                                                               \
		long long e_ = (expected), s_ = (seen);                                    \
		if (e_ != s_) {                                                            \
			print_error("%s: expected %lld, saw %lld\n", what, e_, s_);        \
			fail();                                                            \
		}                                                                          \
	} while (0)

#define check_str(what, expected, seen)                                                    \
	do {                                                                               \
		const char *e_ = (expected), *s_ = (seen);                                 \
		if (strcmp(e_, s_) != 0) {                                                 \
			print_error("%s: expected \"%s\", saw \"%s\"\n", what, e_, s_);    \
			fail();                                                            \
		}                                                                          \
	} while (0)

/* A list under construction: words in CPU order, as the kernel finds them in RAM. */
struct atag_list {
	u32 w[4096];
	size_t n;
};

static void put(struct atag_list *l, u32 word)
{
	assert_true(l->n < ARRAY_SIZE(l->w));
	l->w[l->n++] = word;
}

static void add_tag(struct atag_list *l, u32 size, u32 tag)
{
	put(l, size);
	put(l, tag);
}

/* ATAG_CORE as QEMU writes it: flags 1 (read-only root), page size 4096, rootdev 0. */
static void add_core(struct atag_list *l)
{
	add_tag(l, 5, T_CORE);
	put(l, 1);
	put(l, 4096);
	put(l, 0);
}

static void add_mem(struct atag_list *l, u32 start, u32 size)
{
	add_tag(l, 4, T_MEM);
	put(l, size);
	put(l, start);
}

static void add_initrd2(struct atag_list *l, u32 start, u32 size)
{
	add_tag(l, 4, T_INITRD2);
	put(l, start);
	put(l, size);
}

/* The string with its NUL, padded with zeroes to whole words. */
static void add_cmdline(struct atag_list *l, const char *s)
{
	size_t len = strlen(s) + 1, words = (len + 3) / 4, i;

	add_tag(l, (u32)(2 + words), T_CMDLINE);
	for (i = 0; i < words; i++) {
		u32 w = 0;

		memcpy(&w, s + i * 4, len - i * 4 < 4 ? len - i * 4 : 4);
		put(l, w);
	}
}

static void add_none(struct atag_list *l)
{
	add_tag(l, 0, T_NONE);
}

static size_t list_bytes(const struct atag_list *l)
{
	return l->n * 4;
}

/* Parse the first len bytes of the list from a heap copy of exactly len bytes. */
static int parse_len(const struct atag_list *l, size_t len, struct bootinfo *bi)
{
	void *buf = malloc(len ? len : 1);
	int ret;

	assert_non_null(buf);
	memcpy(buf, l->w, len);
	ret = atags_parse(buf, (u32)len, bi);
	free(buf);
	return ret;
}

static int parse(const struct atag_list *l, struct bootinfo *bi)
{
	return parse_len(l, list_bytes(l), bi);
}

static struct atag_list *new_list(void)
{
	struct atag_list *l = calloc(1, sizeof(*l));

	assert_non_null(l);
	return l;
}

static void atags_reads_list_as_qemu_builds_it(void **state)
{
	struct atag_list *l = new_list();
	struct bootinfo bi;

	add_core(l);
	add_mem(l, 0x60000000, 128 << 20);
	add_initrd2(l, 0x64000000, 0x123456);
	add_cmdline(l, "console=ttyAMA0 init=/bin/sh");
	add_none(l);

	check_int("atags_parse result", 0, parse(l, &bi));
	check_str("source", "atags", bi.source);
	check_int("nr_mem", 1, bi.nr_mem);
	check_num("mem[0].start", 0x60000000, bi.mem[0].start);
	check_num("mem[0].size", 128 << 20, bi.mem[0].size);
	check_num("initrd_start", 0x64000000, bi.initrd_start);
	check_num("initrd_size", 0x123456, bi.initrd_size);
	check_str("cmdline", "console=ttyAMA0 init=/bin/sh", bi.cmdline);
	free(l);
}

static void atags_parses_list_at_odd_address(void **state)
{
	struct atag_list *l = new_list();
	struct bootinfo bi;
	u8 *buf;

	add_core(l);
	add_mem(l, 0x60000000, 0x08000000);
	add_cmdline(l, "quiet");
	add_none(l);

	/* UBSan's alignment check catches any word read through a cast pointer. */
	buf = malloc(list_bytes(l) + 1);
	assert_non_null(buf);
	memcpy(buf + 1, l->w, list_bytes(l));
	check_int("atags_parse result at list + 1", 0,
		  atags_parse(buf + 1, (u32)list_bytes(l), &bi));
	check_num("mem[0].start", 0x60000000, bi.mem[0].start);
	check_str("cmdline", "quiet", bi.cmdline);
	free(buf);
	free(l);
}

static void atags_reads_two_memory_banks(void **state)
{
	struct atag_list *l = new_list();
	struct bootinfo bi;

	add_core(l);
	add_mem(l, 0x60000000, 0x10000000);
	add_mem(l, 0x80000000, 0x04000000);
	add_none(l);

	check_int("atags_parse result", 0, parse(l, &bi));
	check_int("nr_mem", 2, bi.nr_mem);
	check_num("mem[0].start", 0x60000000, bi.mem[0].start);
	check_num("mem[0].size", 0x10000000, bi.mem[0].size);
	check_num("mem[1].start", 0x80000000, bi.mem[1].start);
	check_num("mem[1].size", 0x04000000, bi.mem[1].size);
	free(l);
}

static void atags_ignores_empty_memory_bank(void **state)
{
	struct atag_list *l = new_list();
	struct bootinfo bi;

	add_core(l);
	add_mem(l, 0x70000000, 0);
	add_mem(l, 0x60000000, 0x08000000);
	add_none(l);

	check_int("atags_parse result", 0, parse(l, &bi));
	check_int("nr_mem (the 0-byte bank is not RAM)", 1, bi.nr_mem);
	check_num("mem[0].start", 0x60000000, bi.mem[0].start);
	free(l);
}

static void atags_keeps_first_four_memory_banks(void **state)
{
	struct atag_list *l = new_list();
	struct bootinfo bi;
	int i;

	add_core(l);
	for (i = 0; i < 6; i++)
		add_mem(l, 0x60000000 + i * 0x01000000, 0x00100000);
	add_none(l);

	check_int("atags_parse result", 0, parse(l, &bi));
	check_int("nr_mem", BOOTINFO_MAX_MEM, bi.nr_mem);
	check_num("mem[3].start", 0x63000000, bi.mem[3].start);
	free(l);
}

static void atags_skips_unknown_tags(void **state)
{
	struct atag_list *l = new_list();
	struct bootinfo bi;

	add_core(l);
	add_tag(l, 5, T_VIDEOTEXT);	/* a tag we do not use, with three data words */
	put(l, 0x11111111);
	put(l, 0x22222222);
	put(l, 0x33333333);
	add_tag(l, 2, 0x41000101);	/* a vendor's tag with no data */
	add_mem(l, 0x60000000, 0x08000000);
	add_none(l);

	check_int("atags_parse result", 0, parse(l, &bi));
	check_int("nr_mem", 1, bi.nr_mem);
	check_num("mem[0].size", 0x08000000, bi.mem[0].size);
	free(l);
}

static void atags_leaves_cmdline_empty_and_no_initrd_when_absent(void **state)
{
	struct atag_list *l = new_list();
	struct bootinfo bi;

	/* Make sure stale contents are cleared, not just left alone. */
	memset(&bi, 'x', sizeof(bi));
	add_tag(l, 2, T_CORE);	/* the short form of ATAG_CORE, no data */
	add_mem(l, 0x60000000, 0x08000000);
	add_none(l);

	check_int("atags_parse result", 0, parse(l, &bi));
	check_str("cmdline", "", bi.cmdline);
	check_num("initrd_start", 0, bi.initrd_start);
	check_num("initrd_size", 0, bi.initrd_size);
	free(l);
}

static void atags_rejects_list_without_core_first(void **state)
{
	struct atag_list *l = new_list();
	struct bootinfo bi;

	add_mem(l, 0x60000000, 0x08000000);
	add_core(l);
	add_none(l);
	check_int("atags_parse result (MEM before CORE)", -EINVAL, parse(l, &bi));

	/* An empty list is not a list either. */
	l->n = 0;
	add_none(l);
	check_int("atags_parse result (NONE only)", -EINVAL, parse(l, &bi));
	free(l);
}

static void atags_rejects_tag_with_size_0(void **state)
{
	struct atag_list *l = new_list();
	struct bootinfo bi;

	/* Size 0 on anything but ATAG_NONE would make the walk stand still. */
	add_core(l);
	add_tag(l, 0, T_MEM);
	add_none(l);
	check_int("atags_parse result (MEM of size 0)", -EINVAL, parse(l, &bi));

	l->n = 0;
	add_tag(l, 0, T_CORE);
	add_none(l);
	check_int("atags_parse result (CORE of size 0)", -EINVAL, parse(l, &bi));
	free(l);
}

static void atags_rejects_tag_with_size_1(void **state)
{
	struct atag_list *l = new_list();
	struct bootinfo bi;

	add_core(l);
	add_tag(l, 1, T_VIDEOTEXT);
	add_none(l);
	check_int("atags_parse result", -EINVAL, parse(l, &bi));
	free(l);
}

static void atags_rejects_tags_too_short_for_their_data(void **state)
{
	struct atag_list *l = new_list();
	struct bootinfo bi;

	add_core(l);
	add_tag(l, 3, T_MEM);	/* size but no start */
	put(l, 0x08000000);
	add_none(l);
	check_int("atags_parse result (MEM of 3 words)", -EINVAL, parse(l, &bi));

	l->n = 0;
	add_core(l);
	add_tag(l, 3, T_INITRD2);	/* start but no size */
	put(l, 0x64000000);
	add_none(l);
	check_int("atags_parse result (INITRD2 of 3 words)", -EINVAL, parse(l, &bi));
	free(l);
}

static void atags_rejects_list_truncated_by_max_len(void **state)
{
	struct atag_list *l = new_list();
	struct bootinfo bi;
	size_t full, len;

	add_core(l);
	add_mem(l, 0x60000000, 0x08000000);
	add_initrd2(l, 0x64000000, 4096);
	add_cmdline(l, "console=ttyAMA0");
	add_none(l);
	full = list_bytes(l);

	/* Every shorter buffer cuts some tag or the final ATAG_NONE: ASan checks the reads. */
	for (len = 0; len < full; len++) {
		int ret = parse_len(l, len, &bi);

		if (ret != -EINVAL) {
			print_error("max_len %zu of %zu: expected -EINVAL, saw %d\n", len, full,
				    ret);
			fail();
		}
	}
	check_int("atags_parse result at full length", 0, parse_len(l, full, &bi));
	free(l);
}

static void atags_rejects_tag_running_past_max_len(void **state)
{
	struct atag_list *l = new_list();
	struct bootinfo bi;

	add_core(l);
	add_tag(l, 0x40000000, T_CMDLINE);	/* claims 4 GiB: size * 4 overflows a u32 */
	put(l, 0x00636261);
	add_none(l);
	check_int("atags_parse result (size 0x40000000)", -EINVAL, parse(l, &bi));

	l->w[5] = 0x40000001;			/* size * 4 wraps around to 4 */
	check_int("atags_parse result (size 0x40000001)", -EINVAL, parse(l, &bi));

	l->w[5] = 4;				/* one word past the 3 that follow */
	check_int("atags_parse result (size 4 of 3)", -EINVAL, parse(l, &bi));

	/* size * 4 wraps to 8: an unchecked walk would step to the NONE and call it good. */
	l->n = 0;
	add_core(l);
	add_tag(l, 0x40000002, T_VIDEOTEXT);
	add_none(l);
	check_int("atags_parse result (size 0x40000002)", -EINVAL, parse(l, &bi));
	free(l);
}

static void atags_gives_up_on_absurdly_long_list(void **state)
{
	struct atag_list *l = new_list();
	struct bootinfo bi;
	int i;

	/* Well-formed but 1000 tags long: no loader does this, so it is garbage. */
	add_core(l);
	for (i = 0; i < 1000; i++)
		add_tag(l, 2, T_VIDEOTEXT);
	add_none(l);
	check_int("atags_parse result", -EINVAL, parse(l, &bi));
	free(l);
}

static void atags_truncates_long_cmdline_and_terminates_it(void **state)
{
	struct atag_list *l = new_list();
	struct bootinfo bi;
	char *longline = malloc(3000);
	size_t i;

	assert_non_null(longline);
	for (i = 0; i < 2999; i++)
		longline[i] = (char)('a' + i % 26);
	longline[2999] = '\0';

	add_core(l);
	add_cmdline(l, longline);
	add_none(l);

	check_int("atags_parse result", 0, parse(l, &bi));
	check_int("strlen(cmdline)", BOOTINFO_CMDLINE_MAX - 1, strlen(bi.cmdline));
	if (memcmp(bi.cmdline, longline, BOOTINFO_CMDLINE_MAX - 1) != 0) {
		print_error("cmdline: expected the first %d bytes of the tag, saw \"%.40s...\"\n",
			    BOOTINFO_CMDLINE_MAX - 1, bi.cmdline);
		fail();
	}
	free(longline);
	free(l);
}

static void atags_stops_cmdline_at_tag_end_without_nul(void **state)
{
	struct atag_list *l = new_list();
	struct bootinfo bi;

	/*
	 * Four data words, all text: the string ends where the tag does. The next tag's first
	 * byte (its size, 2) is not a NUL, so reading on would show.
	 */
	add_core(l);
	add_tag(l, 6, T_CMDLINE);
	put(l, 0x64636261);	/* "abcd" */
	put(l, 0x68676665);	/* "efgh" */
	put(l, 0x6c6b6a69);	/* "ijkl" */
	put(l, 0x706f6e6d);	/* "mnop" */
	add_tag(l, 2, T_VIDEOTEXT);
	add_none(l);

	check_int("atags_parse result", 0, parse(l, &bi));
	check_str("cmdline", "abcdefghijklmnop", bi.cmdline);
	free(l);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(atags_reads_list_as_qemu_builds_it),
		cmocka_unit_test(atags_parses_list_at_odd_address),
		cmocka_unit_test(atags_reads_two_memory_banks),
		cmocka_unit_test(atags_ignores_empty_memory_bank),
		cmocka_unit_test(atags_keeps_first_four_memory_banks),
		cmocka_unit_test(atags_skips_unknown_tags),
		cmocka_unit_test(atags_leaves_cmdline_empty_and_no_initrd_when_absent),
		cmocka_unit_test(atags_rejects_list_without_core_first),
		cmocka_unit_test(atags_rejects_tag_with_size_0),
		cmocka_unit_test(atags_rejects_tag_with_size_1),
		cmocka_unit_test(atags_rejects_tags_too_short_for_their_data),
		cmocka_unit_test(atags_rejects_list_truncated_by_max_len),
		cmocka_unit_test(atags_rejects_tag_running_past_max_len),
		cmocka_unit_test(atags_gives_up_on_absurdly_long_list),
		cmocka_unit_test(atags_truncates_long_cmdline_and_terminates_it),
		cmocka_unit_test(atags_stops_cmdline_at_tag_end_without_nul),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
