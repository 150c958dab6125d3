// SPDX-License-Identifier: MIT
/*
 * Host tests for fault status decoding (include/mm/fsr.h, mm/fsr.c).
 *
 * The expectations follow the ARM ARM short-descriptor FSR format (B4.1.52 DFSR, B4.1.96
 * IFSR) and its status table (B3-23):
 *
 *    12    11    10    7..4     3..0
 *   +-----+-----+-----+--------+--------+
 *   | ExT | WnR | FS4 | domain | FS3..0 |      FS = FS4:FS3..0
 *   +-----+-----+-----+--------+--------+
 *
 * fs_table below lists all 32 FS values; the ones the ARM ARM leaves unused or
 * IMPLEMENTATION DEFINED (0x14 lockdown, 0x1a coprocessor abort) must read as unknown.
 *
 * mm/fsr.c formats with the kernel's snprintf (lib/vsprintf.c), which is linked into this
 * binary and so replaces the C library's snprintf and vsnprintf here. The messages below
 * therefore stick to %s %d %x, which both understand, and expected strings are built with
 * strcpy/strcat rather than snprintf.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include <mm/fsr.h>

static const char *const kind_names[] = {
	[FAULT_TRANSLATION] = "FAULT_TRANSLATION", [FAULT_PERMISSION] = "FAULT_PERMISSION",
	[FAULT_ACCESS_FLAG] = "FAULT_ACCESS_FLAG", [FAULT_DOMAIN] = "FAULT_DOMAIN",
	[FAULT_ALIGNMENT] = "FAULT_ALIGNMENT",	   [FAULT_EXTERNAL] = "FAULT_EXTERNAL",
	[FAULT_OTHER] = "FAULT_OTHER",
};

static const char *kind_name(enum fault_kind k)
{
	return (unsigned int)k < sizeof(kind_names) / sizeof(kind_names[0]) && kind_names[k]
		       ? kind_names[k]
		       : "(not a fault_kind)";
}

struct fs_case {
	unsigned int fs;
	enum fault_kind kind;
	int level;
	const char *name;	/* NULL: unused status, described as "unknown fault status" */
};

/* All of table B3-23, in FS order. */
static const struct fs_case fs_table[32] = {
	{ 0x00, FAULT_OTHER, 0, NULL },
	{ 0x01, FAULT_ALIGNMENT, 0, "alignment fault" },
	{ 0x02, FAULT_OTHER, 0, "debug event" },
	{ 0x03, FAULT_ACCESS_FLAG, 1, "access flag fault" },
	{ 0x04, FAULT_OTHER, 0, "fault on cache maintenance" },
	{ 0x05, FAULT_TRANSLATION, 1, "translation fault" },
	{ 0x06, FAULT_ACCESS_FLAG, 2, "access flag fault" },
	{ 0x07, FAULT_TRANSLATION, 2, "translation fault" },
	{ 0x08, FAULT_EXTERNAL, 0, "synchronous external abort" },
	{ 0x09, FAULT_DOMAIN, 1, "domain fault" },
	{ 0x0a, FAULT_OTHER, 0, NULL },
	{ 0x0b, FAULT_DOMAIN, 2, "domain fault" },
	{ 0x0c, FAULT_EXTERNAL, 1, "external abort on table walk" },
	{ 0x0d, FAULT_PERMISSION, 1, "permission fault" },
	{ 0x0e, FAULT_EXTERNAL, 2, "external abort on table walk" },
	{ 0x0f, FAULT_PERMISSION, 2, "permission fault" },
	{ 0x10, FAULT_OTHER, 0, "TLB conflict abort" },
	{ 0x11, FAULT_OTHER, 0, NULL },
	{ 0x12, FAULT_OTHER, 0, NULL },
	{ 0x13, FAULT_OTHER, 0, NULL },
	{ 0x14, FAULT_OTHER, 0, NULL },	/* IMPLEMENTATION DEFINED: lockdown */
	{ 0x15, FAULT_OTHER, 0, NULL },
	{ 0x16, FAULT_EXTERNAL, 0, "asynchronous external abort" },
	{ 0x17, FAULT_OTHER, 0, NULL },
	{ 0x18, FAULT_EXTERNAL, 0, "asynchronous parity error" },
	{ 0x19, FAULT_EXTERNAL, 0, "parity error" },
	{ 0x1a, FAULT_OTHER, 0, NULL },	/* IMPLEMENTATION DEFINED: coprocessor abort */
	{ 0x1b, FAULT_OTHER, 0, NULL },
	{ 0x1c, FAULT_EXTERNAL, 1, "parity error on table walk" },
	{ 0x1d, FAULT_OTHER, 0, NULL },
	{ 0x1e, FAULT_EXTERNAL, 2, "parity error on table walk" },
	{ 0x1f, FAULT_OTHER, 0, NULL },
};

/* The register value with status fs: FS4 goes to bit 10, FS3..0 to bits 3..0. */
static u32 fsr_with_fs(unsigned int fs)
{
	return ((fs & 0x10u) << 6) | (fs & 0xfu);
}

/* Bits that must not change the decoded status: domain (7..4), ExT (12), and both. */
static const u32 noise[] = { 0, 0xf0, 0x50, FSR_EXT, FSR_EXT | 0xf0 };

static void fsr_fs_joins_fs4_and_fs3_0(void **state)
{
	for (unsigned int fs = 0; fs < 32; fs++)
		for (size_t n = 0; n < sizeof(noise) / sizeof(noise[0]); n++) {
			u32 fsr = fsr_with_fs(fs) | noise[n];
			unsigned int seen = fsr_fs(fsr);

			if (seen != fs)
				fail_msg("fsr_fs(0x%x): expected 0x%x, seen 0x%x", fsr, fs, seen);
		}
}

static void every_fault_status_has_its_kind_and_level(void **state)
{
	for (unsigned int i = 0; i < 32; i++) {
		const struct fs_case *t = &fs_table[i];

		if (t->fs != i)	/* the table itself must be in order */
			fail_msg("fs_table[%u].fs: expected 0x%x, seen 0x%x", i, i, t->fs);
		for (size_t n = 0; n < sizeof(noise) / sizeof(noise[0]); n++) {
			u32 fsr = fsr_with_fs(t->fs) | noise[n];
			enum fault_kind kind = fsr_kind(fsr);
			int level = fsr_level(fsr);

			if (kind != t->kind)
				fail_msg("fsr_kind(0x%x) (FS 0x%x): expected %s, seen %s", fsr,
					 t->fs, kind_name(t->kind), kind_name(kind));
			if (level != t->level)
				fail_msg("fsr_level(0x%x) (FS 0x%x): expected %d, seen %d", fsr,
					 t->fs, t->level, level);
			/* WnR and the prefetch flag say what was accessed, not what went wrong. */
			kind = fsr_kind(fsr | FSR_WNR | FSR_LNX_PF);
			if (kind != t->kind)
				fail_msg("fsr_kind(0x%x): expected %s, seen %s",
					 fsr | FSR_WNR | FSR_LNX_PF, kind_name(t->kind),
					 kind_name(kind));
		}
	}
}

/* "<name>[ (section)| (page)], <access>", built without snprintf. */
static void expected_description(char *out, const struct fs_case *t, const char *access)
{
	strcpy(out, t->name ? t->name : "unknown fault status");
	if (t->level == 1)
		strcat(out, " (section)");
	else if (t->level == 2)
		strcat(out, " (page)");
	strcat(out, ", ");
	strcat(out, access);
}

static void every_fault_status_is_described_with_level_and_access(void **state)
{
	static const struct {
		u32 bits;
		const char *access;
	} accesses[] = {
		{ 0, "read" },
		{ FSR_WNR, "write" },
		{ FSR_LNX_PF, "instruction fetch" },
		{ FSR_LNX_PF | FSR_WNR, "instruction fetch" },
	};

	for (unsigned int i = 0; i < 32; i++)
		for (size_t a = 0; a < sizeof(accesses) / sizeof(accesses[0]); a++) {
			const struct fs_case *t = &fs_table[i];
			u32 fsr = fsr_with_fs(t->fs) | 0xf0 | accesses[a].bits;
			char expected[128], seen[128];

			expected_description(expected, t, accesses[a].access);
			memset(seen, 'X', sizeof(seen));
			if (fsr_describe(fsr, seen, sizeof(seen)) != seen)
				fail_msg("fsr_describe(0x%x, buf, ...) did not return buf", fsr);
			if (strcmp(seen, expected))
				fail_msg("fsr_describe(0x%x): expected \"%s\", seen \"%s\"", fsr,
					 expected, seen);
		}
}

static void describe_gives_the_documented_strings(void **state)
{
	/* Written out in full, as a reader of a panic report sees them. */
	static const struct {
		u32 fsr;
		const char *expected;
	} cases[] = {
		{ 0x805, "translation fault (section), write" },
		{ 0x00f, "permission fault (page), read" },
		{ 0x807, "translation fault (page), write" },
		{ 0x0ed, "permission fault (section), read" },	/* domain 14 */
		{ 0x003, "access flag fault (section), read" },
		{ 0x806, "access flag fault (page), write" },
		{ 0x01b, "domain fault (page), read" },
		{ 0x001, "alignment fault, read" },
		{ 0x406, "asynchronous external abort, read" },
		{ 0xc06, "asynchronous external abort, write" },
		{ 0x1406, "asynchronous external abort, read" },	/* ExT set */
		{ 0x008, "synchronous external abort, read" },
		{ 0x80c, "external abort on table walk (section), write" },
		{ 0x00e, "external abort on table walk (page), read" },
		{ 0x408, "asynchronous parity error, read" },
		{ 0x409, "parity error, read" },
		{ 0x41c, "parity error on table walk (section), read" },
		{ 0x41e, "parity error on table walk (page), read" },
		{ 0x400, "TLB conflict abort, read" },
		{ 0x002, "debug event, read" },
		{ 0x004, "fault on cache maintenance, read" },
		{ 0x000, "unknown fault status, read" },
		{ 0x00a, "unknown fault status, read" },
		{ 0x414, "unknown fault status, read" },
		{ 0xc1f, "unknown fault status, write" },
		{ FSR_LNX_PF | 0x007, "translation fault (page), instruction fetch" },
		{ FSR_LNX_PF | 0x00d, "permission fault (section), instruction fetch" },
		{ FSR_LNX_PF | FSR_WNR | 0x00f, "permission fault (page), instruction fetch" },
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char seen[128];

		fsr_describe(cases[i].fsr, seen, sizeof(seen));
		if (strcmp(seen, cases[i].expected))
			fail_msg("fsr_describe(0x%x): expected \"%s\", seen \"%s\"", cases[i].fsr,
				 cases[i].expected, seen);
	}
}

static void describe_truncates_to_the_buffer_and_terminates_it(void **state)
{
	static const char full[] = "translation fault (section), write";
	char buf[64];

	for (size_t len = 1; len <= sizeof(full) + 1; len++) {
		memset(buf, 'X', sizeof(buf));
		fsr_describe(0x805, buf, len);
		if (strlen(buf) != (len <= sizeof(full) ? len - 1 : sizeof(full) - 1) ||
		    strncmp(buf, full, strlen(buf)))
			fail_msg("fsr_describe(0x805, buf, %d): expected \"%.*s\", seen \"%s\"",
				 (int)len, (int)(len <= sizeof(full) ? len - 1 : sizeof(full) - 1),
				 full, buf);
		if (buf[len] != 'X')
			fail_msg("fsr_describe(0x805, buf, %d) wrote buf[%d]: expected 'X', seen "
				 "0x%x", (int)len, (int)len, (unsigned char)buf[len]);
	}
	buf[0] = 'X';
	fsr_describe(0x805, buf, 0);
	if (buf[0] != 'X')
		fail_msg("fsr_describe(0x805, buf, 0) wrote buf[0]: expected 'X', seen 0x%x",
			 (unsigned char)buf[0]);
}

static void is_write_needs_wnr_and_no_prefetch_flag(void **state)
{
	static const struct {
		u32 fsr;
		bool expected;
	} cases[] = {
		{ 0x00f, false },
		{ 0x80f, true },
		{ 0x8f5, true },
		{ 0x1806, true },
		{ FSR_LNX_PF | 0x00f, false },
		{ FSR_LNX_PF | FSR_WNR | 0x00f, false },
		{ 0x7ffff7ffu, false },	/* every bit but WnR and the prefetch flag */
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		bool seen = fsr_is_write(cases[i].fsr);

		if (seen != cases[i].expected)
			fail_msg("fsr_is_write(0x%x): expected %s, seen %s", cases[i].fsr,
				 cases[i].expected ? "true" : "false", seen ? "true" : "false");
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(fsr_fs_joins_fs4_and_fs3_0),
		cmocka_unit_test(every_fault_status_has_its_kind_and_level),
		cmocka_unit_test(every_fault_status_is_described_with_level_and_access),
		cmocka_unit_test(describe_gives_the_documented_strings),
		cmocka_unit_test(describe_truncates_to_the_buffer_and_terminates_it),
		cmocka_unit_test(is_write_needs_wnr_and_no_prefetch_flag),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
