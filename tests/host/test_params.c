// SPDX-License-Identifier: MIT
/*
 * Host tests for the kernel command-line parser (kernel/params.c, include/kernel/params.h).
 *
 * The command line is words separated by spaces, each `name` or `name=value`; a lone `--`
 * ends what the kernel reads (the rest is for init). A value may be a comma-separated list,
 * and the list "all" contains every item. Each test loads a line with params_init() and
 * asks about it; every message quotes the line.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include <boot/bootinfo.h>
#include <kernel/params.h>

static const char *line;	/* what the current test gave params_init(), for messages */

static void use_cmdline(const char *cmdline)
{
	line = cmdline;
	params_init(cmdline);
}

static const char *yes_no(bool b)
{
	return b ? "true" : "false";
}

#define expect_has(name, expected)                                                              \
	do {                                                                                    \
		bool seen_ = cmdline_has(name);                                                 \
		if (seen_ != (expected))                                                        \
			fail_msg("cmdline_has(\"%s\") on \"%s\": expected %s, seen %s", name,   \
				 line, yes_no(expected), yes_no(seen_));                        \
	} while (0)

#define expect_list_has(name, item, expected)                                                   \
	do {                                                                                    \
		bool seen_ = cmdline_list_has(name, item);                                      \
		if (seen_ != (expected))                                                        \
			fail_msg("cmdline_list_has(\"%s\", \"%s\") on \"%.80s%s\": expected %s, " \
				 "seen %s", name, item, line, strlen(line) > 80 ? "..." : "",   \
				 yes_no(expected), yes_no(seen_));                              \
	} while (0)

/* cmdline_get with a 64-byte buffer must return true and give exactly `expected`. */
#define expect_get_gives(name, expected)                                                            \
	do {                                                                                    \
		char buf_[64] = "untouched";                                                    \
		if (!cmdline_get(name, buf_, sizeof(buf_)))                                     \
			fail_msg("cmdline_get(\"%s\") on \"%s\": expected true with \"%s\", "   \
				 "seen false", name, line, expected);                           \
		if (strcmp(buf_, expected))                                                     \
			fail_msg("cmdline_get(\"%s\") on \"%s\": expected \"%s\", seen \"%s\"", \
				 name, line, expected, buf_);                                   \
	} while (0)

/* cmdline_get must return false and leave the buffer alone. */
#define expect_get_fails(name)                                                                   \
	do {                                                                                    \
		char buf_[64] = "untouched";                                                    \
		if (cmdline_get(name, buf_, sizeof(buf_)))                                      \
			fail_msg("cmdline_get(\"%s\") on \"%s\": expected false, seen true "    \
				 "with \"%s\"", name, line, buf_);                              \
		if (strcmp(buf_, "untouched"))                                                  \
			fail_msg("cmdline_get(\"%s\") on \"%s\" returned false but wrote "      \
				 "\"%s\" into the buffer", name, line, buf_);                   \
	} while (0)

static void has_finds_bare_words_and_named_values(void **state)
{
	use_cmdline("console=ttyAMA0 quiet root=/dev/ram0 rw");
	expect_has("console", true);
	expect_has("quiet", true);
	expect_has("root", true);
	expect_has("rw", true);
	expect_has("ro", false);
	expect_has("loud", false);
	expect_has("ttyAMA0", false);	/* a value is not a word */
	expect_has("/dev/ram0", false);
}

static void get_copies_the_value_up_to_the_next_space(void **state)
{
	use_cmdline("console=ttyAMA0 root=/dev/ram0 opt=a=b,c empty= last=end");
	expect_get_gives("console", "ttyAMA0");
	expect_get_gives("root", "/dev/ram0");
	expect_get_gives("opt", "a=b,c");	/* only the first '=' separates name and value */
	expect_get_gives("empty", "");
	expect_get_gives("last", "end");
	expect_get_fails("missing");
}

static void words_are_separated_by_one_or_more_spaces(void **state)
{
	use_cmdline("   first=1    middle     last=3   ");
	expect_get_gives("first", "1");
	expect_has("middle", true);
	expect_get_gives("last", "3");
	expect_has("", false);

	use_cmdline("");
	expect_has("first", false);
	expect_get_fails("first");

	use_cmdline("     ");
	expect_has("first", false);
	expect_get_fails("first");
}

static void a_name_does_not_match_a_longer_or_shorter_word(void **state)
{
	use_cmdline("ktestx=1 ktest_more kt xktest=2");
	expect_has("ktest", false);
	expect_get_fails("ktest");
	expect_list_has("ktest", "1", false);
	expect_get_gives("ktestx", "1");
	expect_has("ktest_more", true);
	expect_has("kt", true);
	expect_get_fails("kt");

	/* The real one after the look-alikes is still found. */
	use_cmdline("ktestx=1 ktest_more ktest=buddy");
	expect_has("ktest", true);
	expect_get_gives("ktest", "buddy");
	expect_list_has("ktest", "buddy", true);
}

static void bare_name_is_present_but_has_no_value(void **state)
{
	use_cmdline("quiet ktest");
	expect_has("quiet", true);
	expect_get_fails("quiet");
	expect_has("ktest", true);
	expect_get_fails("ktest");
	expect_list_has("ktest", "buddy", false);
}

static void get_truncates_the_value_to_the_buffer(void **state)
{
	static const char value[] = "0123456789";	/* 10 characters */
	char buf[16];

	use_cmdline("pre=x val=0123456789 post=y");
	for (size_t len = 0; len <= 12; len++) {
		size_t kept = len == 0 ? 0 : len - 1 < 10 ? len - 1 : 10;
		bool found;

		memset(buf, '#', sizeof(buf));
		found = cmdline_get("val", buf, len);
		if (!found)
			fail_msg("cmdline_get(\"val\", buf, %zu) on \"%s\": expected true, seen false",
				 len, line);
		if (len > 0 && (strnlen(buf, len) != kept || strncmp(buf, value, kept)))
			fail_msg("cmdline_get(\"val\", buf, %zu) on \"%s\": expected \"%.*s\", seen "
				 "\"%.*s\"", len, line, (int)kept, value, (int)len, buf);
		for (size_t i = len; i < sizeof(buf); i++)
			if (buf[i] != '#')
				fail_msg("cmdline_get(\"val\", buf, %zu) wrote buf[%zu]: expected "
					 "'#', seen 0x%02x", len, i, (unsigned char)buf[i]);
	}
}

static void everything_after_a_lone_double_dash_is_ignored(void **state)
{
	use_cmdline("root=/dev/ram0 ktest=buddy -- init=/bin/sh single ktest=tlb");
	expect_has("root", true);
	expect_has("init", false);
	expect_has("single", false);
	expect_get_fails("init");
	expect_get_gives("ktest", "buddy");
	expect_list_has("ktest", "buddy", true);
	expect_list_has("ktest", "tlb", false);

	use_cmdline("-- quiet");
	expect_has("quiet", false);

	use_cmdline("quiet   --   ");
	expect_has("quiet", true);

	/* Not lone: "--" inside a longer word, or as a value. */
	use_cmdline("--verbose quiet");
	expect_has("quiet", true);
	expect_has("--verbose", true);
	use_cmdline("opt=-- quiet");
	expect_has("quiet", true);
	expect_get_gives("opt", "--");
	use_cmdline("a-- --b quiet");
	expect_has("quiet", true);
}

static void list_has_finds_exactly_the_items_of_a_comma_list(void **state)
{
	use_cmdline("console=ttyAMA0 ktest=buddy,kmalloc,tlb loglevel=7");
	expect_list_has("ktest", "buddy", true);
	expect_list_has("ktest", "kmalloc", true);
	expect_list_has("ktest", "tlb", true);
	expect_list_has("ktest", "kmall", false);	/* prefix of an item */
	expect_list_has("ktest", "tlbx", false);	/* longer than an item */
	expect_list_has("ktest", "uddy", false);	/* suffix of an item */
	expect_list_has("ktest", "buddy,kmalloc", false);
	expect_list_has("ktest", "", false);
	expect_list_has("ktest", "all", false);
	expect_list_has("console", "ttyAMA0", true);	/* a one-item list */
	expect_list_has("loglevel", "7", true);
	expect_list_has("nosuch", "buddy", false);

	use_cmdline("ktest=tlb");
	expect_list_has("ktest", "tlb", true);
	expect_list_has("ktest", "buddy", false);
}

static void list_all_contains_every_item(void **state)
{
	use_cmdline("ktest=all");
	expect_list_has("ktest", "buddy", true);
	expect_list_has("ktest", "tlb", true);
	expect_list_has("ktest", "all", true);
	expect_list_has("other", "buddy", false);

	/* Only the whole value "all" is special. */
	use_cmdline("ktest=allx");
	expect_list_has("ktest", "buddy", false);
	expect_list_has("ktest", "allx", true);
	use_cmdline("ktest=xall");
	expect_list_has("ktest", "buddy", false);
}

/*
 * The line may be up to BOOTINFO_CMDLINE_MAX - 1 characters, so a list value may be far
 * longer than a parser's scratch buffer: an item must be found, or not, wherever it is.
 * long_list_line() gives "ktest=item00,...,item34,xy,kmalloc_stress,last quiet": the
 * item kmalloc_stress starts at character 248 of the value, so its "kmalloc" ends exactly
 * at character 255.
 */
static const char *long_list_line(void)
{
	static char cmdline[BOOTINFO_CMDLINE_MAX];
	size_t n = 0;

	n += snprintf(cmdline + n, sizeof(cmdline) - n, "ktest=");
	for (int i = 0; i < 35; i++)	/* 35 items of 7 characters with the comma: 245 */
		n += snprintf(cmdline + n, sizeof(cmdline) - n, "item%02d,", i);
	n += snprintf(cmdline + n, sizeof(cmdline) - n, "xy,kmalloc_stress,last quiet");
	assert_true(n < sizeof(cmdline));
	assert_ptr_equal(strstr(cmdline, "kmalloc_stress"), cmdline + strlen("ktest=") + 248);
	return cmdline;
}

static void list_items_past_255_characters_are_found(void **state)
{
	use_cmdline(long_list_line());
	expect_list_has("ktest", "item00", true);
	expect_list_has("ktest", "item34", true);
	expect_list_has("ktest", "xy", true);
	expect_has("quiet", true);
	expect_list_has("ktest", "kmalloc_stress", true);
	expect_list_has("ktest", "last", true);
}

static void list_item_cut_at_255_characters_does_not_match_its_prefix(void **state)
{
	use_cmdline(long_list_line());
	/* "kmalloc" is only the start of kmalloc_stress: asking for one must not run the other. */
	expect_list_has("ktest", "kmalloc", false);
	expect_list_has("ktest", "kmalloc_stres", false);
}

static void params_init_keeps_a_copy_of_the_line(void **state)
{
	char source[] = "quiet loglevel=7";
	static char long_line[BOOTINFO_CMDLINE_MAX + 100];

	use_cmdline(source);
	memset(source, 'x', sizeof(source) - 1);	/* the caller's buffer may go away */
	if (strcmp(saved_command_line(), "quiet loglevel=7"))
		fail_msg("saved_command_line() after params_init(\"quiet loglevel=7\") and "
			 "overwriting the source: expected \"quiet loglevel=7\", seen \"%s\"",
			 saved_command_line());
	line = "quiet loglevel=7";
	expect_get_gives("loglevel", "7");

	/* A new line replaces the old one. */
	use_cmdline("loud");
	expect_has("quiet", false);
	expect_has("loud", true);

	/* Longer than the kernel keeps: cut to BOOTINFO_CMDLINE_MAX - 1 characters. */
	memset(long_line, 'a', sizeof(long_line) - 1);
	long_line[sizeof(long_line) - 1] = '\0';
	use_cmdline(long_line);
	if (strlen(saved_command_line()) != BOOTINFO_CMDLINE_MAX - 1)
		fail_msg("saved_command_line() of a %zu-character line: expected %d characters, "
			 "seen %zu", strlen(long_line), BOOTINFO_CMDLINE_MAX - 1,
			 strlen(saved_command_line()));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(has_finds_bare_words_and_named_values),
		cmocka_unit_test(get_copies_the_value_up_to_the_next_space),
		cmocka_unit_test(words_are_separated_by_one_or_more_spaces),
		cmocka_unit_test(a_name_does_not_match_a_longer_or_shorter_word),
		cmocka_unit_test(bare_name_is_present_but_has_no_value),
		cmocka_unit_test(get_truncates_the_value_to_the_buffer),
		cmocka_unit_test(everything_after_a_lone_double_dash_is_ignored),
		cmocka_unit_test(list_has_finds_exactly_the_items_of_a_comma_list),
		cmocka_unit_test(list_all_contains_every_item),
		cmocka_unit_test(list_items_past_255_characters_are_found),
		cmocka_unit_test(list_item_cut_at_255_characters_does_not_match_its_prefix),
		cmocka_unit_test(params_init_keeps_a_copy_of_the_line),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
