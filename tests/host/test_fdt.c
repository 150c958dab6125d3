// SPDX-License-Identifier: MIT
/*
 * Host tests for boot/fdt.c. The blobs are real: each test writes a small .dts, runs dtc on
 * it, and parses the result; one test also compiles boot/vexpress-a9.dts and one lets QEMU
 * rewrite that tree (-machine dumpdtb) exactly as it does before booting us. Broken blobs
 * are made by patching good ones. Every parse reads from a heap copy of exactly max_len
 * bytes, so AddressSanitizer reports any read past the end.
 *
 * Run from the top of the tree (make does), or from anywhere if build/host/ is under it.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <boot/bootinfo.h>
#include <kernel/errno.h>

/* Devicetree Specification v0.3, 5.2 (header) and 5.4.1 (tokens), for patching blobs. */
#define H_TOTALSIZE		4
#define H_OFF_DT_STRUCT		8
#define H_OFF_DT_STRINGS	12
#define H_VERSION		20
#define H_LAST_COMP_VERSION	24
#define H_SIZE_DT_STRINGS	32
#define H_SIZE_DT_STRUCT	36
#define TOK_BEGIN_NODE		1
#define TOK_END_NODE		2
#define TOK_PROP		3
#define TOK_NOP			4
#define TOK_END			9

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

static char tmpdir[] = "/tmp/test_fdt.XXXXXX";

struct blob {
	u8 *data;
	size_t len;
};

/* ---- helpers: files, dtc, patching ------------------------------------------------------- */

static void tmp_path(char *out, size_t size, const char *name)
{
	snprintf(out, size, "%s/%s", tmpdir, name);
}

static void write_file(const char *path, const void *data, size_t len)
{
	FILE *f = fopen(path, "wb");

	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, len, f), len);
	assert_int_equal(fclose(f), 0);
}

static struct blob read_file(const char *path)
{
	struct blob b = { 0 };
	FILE *f = fopen(path, "rb");
	long len;

	if (!f) {
		print_error("could not open %s\n", path);
		fail();
	}
	assert_int_equal(fseek(f, 0, SEEK_END), 0);
	len = ftell(f);
	assert_true(len >= 0);
	rewind(f);
	b.len = (size_t)len;
	b.data = malloc(b.len ? b.len : 1);
	assert_non_null(b.data);
	assert_int_equal(fread(b.data, 1, b.len, f), b.len);
	fclose(f);
	return b;
}

/* A file of the source tree: from the current directory, else relative to this binary. */
static void source_path(char *out, size_t size, const char *rel)
{
	char exe[PATH_MAX];
	ssize_t n;
	int i;

	snprintf(out, size, "%s", rel);
	if (access(out, R_OK) == 0)
		return;
	n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n > 0) {
		exe[n] = '\0';
		/* build/host/test_fdt -> the top of the tree is three components up */
		for (i = 0; i < 3; i++) {
			char *slash = strrchr(exe, '/');

			if (slash)
				*slash = '\0';
		}
		snprintf(out, size, "%s/%s", exe, rel);
	}
}

static struct blob dtc_file(const char *dts_path)
{
	char dtb[PATH_MAX], cmd[3 * PATH_MAX];

	tmp_path(dtb, sizeof(dtb), "out.dtb");
	snprintf(cmd, sizeof(cmd), "dtc -q -I dts -O dtb -o '%s' '%s'", dtb, dts_path);
	if (system(cmd) != 0) {
		print_error("dtc failed on %s (is device-tree-compiler installed?)\n", dts_path);
		fail();
	}
	return read_file(dtb);
}

/* Compile dts source text to a blob with the real dtc. */
static struct blob dtc(const char *dts)
{
	char src[PATH_MAX];

	tmp_path(src, sizeof(src), "in.dts");
	write_file(src, dts, strlen(dts));
	return dtc_file(src);
}

static u32 get32(const struct blob *b, size_t off)
{
	const u8 *p = b->data + off;

	return (u32)p[0] << 24 | (u32)p[1] << 16 | (u32)p[2] << 8 | p[3];
}

static void put32(struct blob *b, size_t off, u32 v)
{
	u8 *p = b->data + off;

	p[0] = (u8)(v >> 24);
	p[1] = (u8)(v >> 16);
	p[2] = (u8)(v >> 8);
	p[3] = (u8)v;
}

/*
 * Walk a trusted (dtc-made) blob and return the offset of the token that matches: the
 * FDT_PROP of property 'prop', or with prop NULL, the first token equal to 'token'.
 */
static size_t find_token(const struct blob *b, u32 token, const char *prop)
{
	size_t off = get32(b, H_OFF_DT_STRUCT), end = off + get32(b, H_SIZE_DT_STRUCT);
	size_t strings = get32(b, H_OFF_DT_STRINGS);

	while (off < end) {
		u32 t = get32(b, off);

		if (t == token && (!prop || (t == TOK_PROP &&
		    strcmp((char *)b->data + strings + get32(b, off + 8), prop) == 0)))
			return off;
		if (t == TOK_BEGIN_NODE)
			off += 4 + ((strlen((char *)b->data + off + 4) + 1 + 3) & ~3UL);
		else if (t == TOK_PROP)
			off += 12 + ((get32(b, off + 4) + 3) & ~3UL);
		else
			off += 4;
	}
	print_error("test blob has no %s token %u\n", prop ? prop : "", token);
	fail();
	return 0;
}

/* Parse the first len bytes of the blob from a heap copy of exactly len bytes. */
static int parse_len(const struct blob *b, size_t len, struct bootinfo *bi)
{
	void *buf = malloc(len ? len : 1);
	int ret;

	assert_non_null(buf);
	memcpy(buf, b->data, len);
	ret = fdt_parse(buf, (u32)len, bi);
	free(buf);
	return ret;
}

static int parse(const struct blob *b, struct bootinfo *bi)
{
	return parse_len(b, b->len, bi);
}

static void free_blob(struct blob *b)
{
	free(b->data);
	b->data = NULL;
}

/*
 * The same tree with the strings block moved in front of the structure block, which the
 * format allows (the header gives each block's offset). A cut through the structure block
 * then leaves every property name readable, so the walk itself runs into the cut.
 */
static struct blob strings_first(const struct blob *b)
{
	u32 off_struct = get32(b, H_OFF_DT_STRUCT), size_struct = get32(b, H_SIZE_DT_STRUCT);
	u32 off_strings = get32(b, H_OFF_DT_STRINGS), size_strings = get32(b, H_SIZE_DT_STRINGS);
	u32 new_struct = (off_struct + size_strings + 3) & ~3u;
	struct blob r;

	r.len = new_struct + size_struct;
	r.data = calloc(1, r.len);
	assert_non_null(r.data);
	memcpy(r.data, b->data, off_struct);		/* header and reservation block */
	memcpy(r.data + off_struct, b->data + off_strings, size_strings);
	memcpy(r.data + new_struct, b->data + off_struct, size_struct);
	put32(&r, H_TOTALSIZE, (u32)r.len);
	put32(&r, H_OFF_DT_STRINGS, off_struct);
	put32(&r, H_OFF_DT_STRUCT, new_struct);
	return r;
}

/*
 * The blob with its structure block replaced by 'len' bytes of 'block', placed 'shift' bytes
 * later than usual (to misalign it); the strings block follows.
 */
static struct blob with_struct(const struct blob *b, const u8 *block, u32 len, u32 shift)
{
	u32 off_struct = get32(b, H_OFF_DT_STRUCT);
	u32 off_strings = get32(b, H_OFF_DT_STRINGS), size_strings = get32(b, H_SIZE_DT_STRINGS);
	u32 new_struct = off_struct + shift, new_strings = new_struct + len;
	struct blob r;

	r.len = new_strings + size_strings;
	r.data = calloc(1, r.len);
	assert_non_null(r.data);
	memcpy(r.data, b->data, off_struct);		/* header and reservation block */
	memcpy(r.data + new_struct, block, len);
	memcpy(r.data + new_strings, b->data + off_strings, size_strings);
	put32(&r, H_TOTALSIZE, (u32)r.len);
	put32(&r, H_OFF_DT_STRUCT, new_struct);
	put32(&r, H_SIZE_DT_STRUCT, len);
	put32(&r, H_OFF_DT_STRINGS, new_strings);
	return r;
}

/* The small tree most tests start from: one bank, bootargs, a 32-bit initrd. */
static const char *small_dts =
	"/dts-v1/;\n"
	"/ {\n"
	"	#address-cells = <1>;\n"
	"	#size-cells = <1>;\n"
	"	memory@60000000 {\n"
	"		device_type = \"memory\";\n"
	"		reg = <0x60000000 0x08000000>;\n"
	"	};\n"
	"	chosen {\n"
	"		bootargs = \"console=ttyAMA0 root=/dev/ram\";\n"
	"		linux,initrd-start = <0x64000000>;\n"
	"		linux,initrd-end = <0x64100000>;\n"
	"	};\n"
	"};\n";

/* ---- good trees ---------------------------------------------------------------------------- */

static void fdt_looks_valid_checks_big_endian_magic(void **state)
{
	const u8 be[4] = { 0xd0, 0x0d, 0xfe, 0xed }, le[4] = { 0xed, 0xfe, 0x0d, 0xd0 };
	const u8 atags[4] = { 0x05, 0x00, 0x00, 0x00 };
	u8 odd[5] = { 0, 0xd0, 0x0d, 0xfe, 0xed };

	check_int("fdt_looks_valid(d0 0d fe ed)", 1, fdt_looks_valid(be));
	check_int("fdt_looks_valid(d0 0d fe ed at an odd address)", 1, fdt_looks_valid(odd + 1));
	check_int("fdt_looks_valid(ed fe 0d d0)", 0, fdt_looks_valid(le));
	check_int("fdt_looks_valid(ATAGS size word)", 0, fdt_looks_valid(atags));
}

static void fdt_reads_small_tree(void **state)
{
	struct blob b = dtc(small_dts);
	struct bootinfo bi;

	check_int("fdt_parse result", 0, parse(&b, &bi));
	check_str("source", "fdt", bi.source);
	check_int("nr_mem", 1, bi.nr_mem);
	check_num("mem[0].start", 0x60000000, bi.mem[0].start);
	check_num("mem[0].size", 0x08000000, bi.mem[0].size);
	check_str("cmdline", "console=ttyAMA0 root=/dev/ram", bi.cmdline);
	check_num("initrd_start", 0x64000000, bi.initrd_start);
	check_num("initrd_size", 0x00100000, bi.initrd_size);
	free_blob(&b);
}

static void fdt_reads_project_vexpress_dts(void **state)
{
	char dts[PATH_MAX];
	struct blob b;
	struct bootinfo bi;

	source_path(dts, sizeof(dts), "boot/vexpress-a9.dts");
	b = dtc_file(dts);
	check_int("fdt_parse result", 0, parse(&b, &bi));
	check_int("nr_mem", 1, bi.nr_mem);
	check_num("mem[0].start", 0x60000000, bi.mem[0].start);
	check_num("mem[0].size", 0x08000000, bi.mem[0].size);
	check_str("cmdline", "console=ttyAMA0", bi.cmdline);
	check_num("initrd_start", 0, bi.initrd_start);
	check_num("initrd_size", 0, bi.initrd_size);
	free_blob(&b);
}

static void fdt_parses_blob_at_odd_address(void **state)
{
	struct blob b = dtc(small_dts);
	struct bootinfo bi;
	u8 *buf = malloc(b.len + 1);

	/* UBSan's alignment check catches any word read through a cast pointer. */
	assert_non_null(buf);
	memcpy(buf + 1, b.data, b.len);
	check_int("fdt_parse result at blob + 1", 0, fdt_parse(buf + 1, (u32)b.len, &bi));
	check_num("mem[0].start", 0x60000000, bi.mem[0].start);
	check_str("cmdline", "console=ttyAMA0 root=/dev/ram", bi.cmdline);
	free(buf);
	free_blob(&b);
}

static void fdt_reads_two_cell_addresses_and_ignores_banks_above_4g(void **state)
{
	struct blob b = dtc("/dts-v1/;\n"
			    "/ {\n"
			    "	#address-cells = <2>;\n"
			    "	#size-cells = <2>;\n"
			    "	memory@80000000 {\n"
			    "		device_type = \"memory\";\n"
			    "		reg = <0x0 0x80000000 0x0 0x40000000>,\n"
			    "		      <0x8 0x00000000 0x1 0x00000000>,\n"
			    "		      <0x0 0x30000000 0x0 0x00000000>,\n"
			    "		      <0x0 0x20000000 0x0 0x01000000>;\n"
			    "	};\n"
			    "};\n");
	struct bootinfo bi;

	check_int("fdt_parse result", 0, parse(&b, &bi));
	check_int("nr_mem (bank at 32 GiB and empty bank dropped)", 2, bi.nr_mem);
	check_num("mem[0].start", 0x80000000, bi.mem[0].start);
	check_num("mem[0].size", 0x40000000, bi.mem[0].size);
	check_num("mem[1].start", 0x20000000, bi.mem[1].start);
	check_num("mem[1].size", 0x01000000, bi.mem[1].size);
	free_blob(&b);
}

static void fdt_clips_bank_crossing_4g(void **state)
{
	struct blob b = dtc("/dts-v1/;\n"
			    "/ {\n"
			    "	#address-cells = <2>;\n"
			    "	#size-cells = <2>;\n"
			    "	memory@c0000000 {\n"
			    "		device_type = \"memory\";\n"
			    "		reg = <0x0 0xc0000000 0x1 0x00000000>,\n"
			    "		      <0x0 0x00000000 0x1 0x00000000>;\n"
			    "	};\n"
			    "};\n");
	struct bootinfo bi;

	check_int("fdt_parse result", 0, parse(&b, &bi));
	check_int("nr_mem", 2, bi.nr_mem);
	check_num("mem[0].start", 0xc0000000, bi.mem[0].start);
	check_num("mem[0].size (up to 4 GiB only)", 0x40000000, bi.mem[0].size);
	/* All 4 GiB do not fit a u32 size: the last page is given up. */
	check_num("mem[1].start", 0, bi.mem[1].start);
	check_num("mem[1].size (4 GiB bank)", 0xfffff000, bi.mem[1].size);
	free_blob(&b);
}

static void fdt_uses_default_cells_when_root_omits_them(void **state)
{
	/* Without #address-cells / #size-cells the spec says 2 and 1 (2.3.5). */
	struct blob b = dtc("/dts-v1/;\n"
			    "/ {\n"
			    "	memory@60000000 {\n"
			    "		device_type = \"memory\";\n"
			    "		reg = <0x0 0x60000000 0x02000000>;\n"
			    "	};\n"
			    "};\n");
	struct bootinfo bi;

	check_int("fdt_parse result", 0, parse(&b, &bi));
	check_int("nr_mem", 1, bi.nr_mem);
	check_num("mem[0].start", 0x60000000, bi.mem[0].start);
	check_num("mem[0].size", 0x02000000, bi.mem[0].size);
	free_blob(&b);
}

static void fdt_finds_memory_by_name_or_device_type(void **state)
{
	/* "ram@70000000" says it is memory only in device_type, which comes after reg. */
	struct blob b = dtc("/dts-v1/;\n"
			    "/ {\n"
			    "	#address-cells = <1>;\n"
			    "	#size-cells = <1>;\n"
			    "	memory { reg = <0x60000000 0x01000000>; };\n"
			    "	ram@70000000 {\n"
			    "		reg = <0x70000000 0x02000000>;\n"
			    "		device_type = \"memory\";\n"
			    "	};\n"
			    "	sram@80000000 { reg = <0x80000000 0x1000>; };\n"
			    "	memoryx@90000000 { reg = <0x90000000 0x1000>; };\n"
			    "	memory@a0000000 { reg = <0xa0000000 0x03000000>; };\n"
			    "	ram@b0000000 {\n"
			    "		reg = <0xb0000000 0x1000>;\n"
			    "		device_type = [6d 65 6d 6f 72 79]; /* no NUL */\n"
			    "	};\n"
			    "};\n");
	struct bootinfo bi;

	check_int("fdt_parse result", 0, parse(&b, &bi));
	check_int("nr_mem (sram, memoryx, ram@b0000000 are not memory)", 3, bi.nr_mem);
	check_num("mem[0].start (\"memory\")", 0x60000000, bi.mem[0].start);
	check_num("mem[1].start (device_type)", 0x70000000, bi.mem[1].start);
	check_num("mem[1].size (device_type)", 0x02000000, bi.mem[1].size);
	check_num("mem[2].start (\"memory@a0000000\")", 0xa0000000, bi.mem[2].start);
	free_blob(&b);
}

static void fdt_keeps_first_four_memory_banks(void **state)
{
	struct blob b = dtc("/dts-v1/;\n"
			    "/ {\n"
			    "	#address-cells = <1>;\n"
			    "	#size-cells = <1>;\n"
			    "	memory@60000000 {\n"
			    "		device_type = \"memory\";\n"
			    "		reg = <0x60000000 0x1000 0x61000000 0x1000\n"
			    "		       0x62000000 0x1000 0x63000000 0x1000\n"
			    "		       0x64000000 0x1000 0x65000000 0x1000>;\n"
			    "	};\n"
			    "};\n");
	struct bootinfo bi;

	check_int("fdt_parse result", 0, parse(&b, &bi));
	check_int("nr_mem", BOOTINFO_MAX_MEM, bi.nr_mem);
	check_num("mem[3].start", 0x63000000, bi.mem[3].start);
	free_blob(&b);
}

static void fdt_reads_memory_and_chosen_only_as_children_of_root(void **state)
{
	/* Only children of the root count: soc's are grandchildren, and options is not chosen. */
	struct blob b = dtc("/dts-v1/;\n"
			    "/ {\n"
			    "	#address-cells = <1>;\n"
			    "	#size-cells = <1>;\n"
			    "	soc {\n"
			    "		#address-cells = <1>;\n"
			    "		#size-cells = <1>;\n"
			    "		memory@0 {\n"
			    "			device_type = \"memory\";\n"
			    "			reg = <0 0x1000>;\n"
			    "		};\n"
			    "		chosen {\n"
			    "			bootargs = \"wrong\";\n"
			    "			linux,initrd-start = <0x1000>;\n"
			    "			linux,initrd-end = <0x2000>;\n"
			    "		};\n"
			    "	};\n"
			    "	chosen { bootargs = \"right\"; };\n"
			    "	options {\n"
			    "		bootargs = \"wrong too\";\n"
			    "		linux,initrd-start = <0x1000>;\n"
			    "		linux,initrd-end = <0x2000>;\n"
			    "	};\n"
			    "};\n");
	struct bootinfo bi;

	check_int("fdt_parse result", 0, parse(&b, &bi));
	check_int("nr_mem", 0, bi.nr_mem);
	check_str("cmdline", "right", bi.cmdline);
	check_num("initrd_size", 0, bi.initrd_size);
	free_blob(&b);
}

static void fdt_reads_32bit_initrd_range(void **state)
{
	struct blob b = dtc("/dts-v1/;\n"
			    "/ {\n"
			    "	chosen {\n"
			    "		linux,initrd-start = <0x68000000>;\n"
			    "		linux,initrd-end = <0x68001389>;\n"
			    "	};\n"
			    "};\n");
	struct bootinfo bi;

	check_int("fdt_parse result", 0, parse(&b, &bi));
	check_num("initrd_start", 0x68000000, bi.initrd_start);
	check_num("initrd_size", 0x1389, bi.initrd_size);
	free_blob(&b);
}

static void fdt_reads_64bit_initrd_range(void **state)
{
	/* U-Boot writes 64-bit values; mixing widths is legal, each is read by its length. */
	struct blob b = dtc("/dts-v1/;\n"
			    "/ {\n"
			    "	chosen {\n"
			    "		linux,initrd-start = /bits/ 64 <0x64000000>;\n"
			    "		linux,initrd-end = <0x64200000>;\n"
			    "	};\n"
			    "};\n");
	struct bootinfo bi;

	check_int("fdt_parse result (64-bit start)", 0, parse(&b, &bi));
	check_num("initrd_start", 0x64000000, bi.initrd_start);
	check_num("initrd_size", 0x00200000, bi.initrd_size);
	free_blob(&b);

	b = dtc("/dts-v1/;\n"
		"/ {\n"
		"	chosen {\n"
		"		linux,initrd-start = /bits/ 64 <0x65000000>;\n"
		"		linux,initrd-end = /bits/ 64 <0x65000400>;\n"
		"	};\n"
		"};\n");
	check_int("fdt_parse result (64-bit both)", 0, parse(&b, &bi));
	check_num("initrd_start", 0x65000000, bi.initrd_start);
	check_num("initrd_size", 0x400, bi.initrd_size);
	free_blob(&b);

	/* Above 4 GiB we cannot reach it: no initrd rather than a wrapped address. */
	b = dtc("/dts-v1/;\n"
		"/ {\n"
		"	chosen {\n"
		"		linux,initrd-start = /bits/ 64 <0x100000000>;\n"
		"		linux,initrd-end = /bits/ 64 <0x100001000>;\n"
		"	};\n"
		"};\n");
	check_int("fdt_parse result (above 4 GiB)", 0, parse(&b, &bi));
	check_num("initrd_start (above 4 GiB)", 0, bi.initrd_start);
	check_num("initrd_size (above 4 GiB)", 0, bi.initrd_size);
	free_blob(&b);
}

static void fdt_ignores_initrd_with_only_one_end(void **state)
{
	struct blob b = dtc("/dts-v1/;\n"
			    "/ { chosen { linux,initrd-start = <0x64000000>; }; };\n");
	struct bootinfo bi;

	check_int("fdt_parse result", 0, parse(&b, &bi));
	check_num("initrd_start", 0, bi.initrd_start);
	check_num("initrd_size", 0, bi.initrd_size);
	free_blob(&b);
}

static void fdt_rejects_initrd_end_before_start(void **state)
{
	struct blob b = dtc("/dts-v1/;\n"
			    "/ { chosen { linux,initrd-start = <0x64000000>;\n"
			    "             linux,initrd-end = <0x63000000>; }; };\n");
	struct bootinfo bi;

	check_int("fdt_parse result", -EINVAL, parse(&b, &bi));
	free_blob(&b);
}

static void fdt_rejects_initrd_property_of_odd_length(void **state)
{
	struct blob b = dtc("/dts-v1/;\n"
			    "/ { chosen { linux,initrd-start = [64 00 00];\n"
			    "             linux,initrd-end = <0x64001000>; }; };\n");
	struct bootinfo bi;

	check_int("fdt_parse result", -EINVAL, parse(&b, &bi));
	free_blob(&b);
}

static void fdt_truncates_long_bootargs(void **state)
{
	char *dts = malloc(4096), *args = malloc(2001);
	struct blob b;
	struct bootinfo bi;
	int i;

	assert_non_null(dts);
	assert_non_null(args);
	for (i = 0; i < 2000; i++)
		args[i] = (char)('a' + i % 26);
	args[2000] = '\0';
	snprintf(dts, 4096, "/dts-v1/;\n/ { chosen { bootargs = \"%s\"; }; };\n", args);
	b = dtc(dts);

	check_int("fdt_parse result", 0, parse(&b, &bi));
	check_int("strlen(cmdline)", BOOTINFO_CMDLINE_MAX - 1, strlen(bi.cmdline));
	if (memcmp(bi.cmdline, args, BOOTINFO_CMDLINE_MAX - 1) != 0) {
		print_error("cmdline: expected the first %d bytes of bootargs, saw \"%.40s...\"\n",
			    BOOTINFO_CMDLINE_MAX - 1, bi.cmdline);
		fail();
	}
	free_blob(&b);
	free(args);
	free(dts);
}

static void fdt_stops_bootargs_at_property_end_without_nul(void **state)
{
	/* A byte-string value has no NUL: the copy must end with the property. */
	struct blob b = dtc("/dts-v1/;\n"
			    "/ { chosen { bootargs = [61 62 63 64 65]; }; };\n");
	struct bootinfo bi;

	check_int("fdt_parse result", 0, parse(&b, &bi));
	check_str("cmdline", "abcde", bi.cmdline);
	free_blob(&b);
}

static void fdt_never_reads_bootargs_past_block_end(void **state)
{
	/* Four bytes, no NUL, no padding: the value ends exactly where we cut the block. */
	struct blob b = dtc("/dts-v1/;\n/ { chosen { bootargs = [61 62 63 64]; }; };\n");
	struct blob moved = strings_first(&b);
	struct bootinfo bi;
	size_t end = find_token(&moved, TOK_PROP, "bootargs") + 12 + 4;
	void *buf = malloc(end);

	put32(&moved, H_TOTALSIZE, (u32)end);
	put32(&moved, H_SIZE_DT_STRUCT, (u32)end - get32(&moved, H_OFF_DT_STRUCT));
	assert_non_null(buf);
	memcpy(buf, moved.data, end);
	/* ASan is the real check here: the bytes after the value are not ours to read. */
	check_int("fdt_parse result (block ends after the value)", -EINVAL,
		  fdt_parse(buf, (u32)end, &bi));
	free(buf);
	free_blob(&moved);
	free_blob(&b);
}

static void fdt_skips_nop_tokens(void **state)
{
	struct blob b = dtc(small_dts);
	struct bootinfo bi;
	size_t off = find_token(&b, TOK_PROP, "bootargs");
	size_t end = off + 12 + ((get32(&b, off + 4) + 3) & ~3UL);

	/* Overwrite the whole property with FDT_NOP, as libfdt's fdt_nop_property() does. */
	for (; off < end; off += 4)
		put32(&b, off, TOK_NOP);
	check_int("fdt_parse result", 0, parse(&b, &bi));
	check_str("cmdline (bootargs NOPed out)", "", bi.cmdline);
	check_num("mem[0].start (after the NOPs)", 0x60000000, bi.mem[0].start);
	check_num("initrd_start (after the NOPs)", 0x64000000, bi.initrd_start);
	free_blob(&b);
}

/*
 * QEMU does not pass our tree through: it deletes memory nodes, adds its own, and fills in
 * /chosen. Let it do that to our dts and check the parser reads what QEMU meant.
 */
static void fdt_reads_memory_from_qemu_dumped_tree(void **state)
{
	char dts[PATH_MAX], dtb[PATH_MAX], dumped[PATH_MAX], kernel[PATH_MAX], initrd[PATH_MAX];
	char errs[PATH_MAX], cmd[8 * PATH_MAX];
	static u8 payload[5001];
	struct blob b;
	struct bootinfo bi;

	if (system("command -v qemu-system-arm >/dev/null 2>&1") != 0)
		skip();

	source_path(dts, sizeof(dts), "boot/vexpress-a9.dts");
	tmp_path(dtb, sizeof(dtb), "vexpress.dtb");
	tmp_path(dumped, sizeof(dumped), "dumped.dtb");
	tmp_path(kernel, sizeof(kernel), "kernel.bin");
	tmp_path(initrd, sizeof(initrd), "initrd.img");
	tmp_path(errs, sizeof(errs), "qemu.err");
	memset(payload, 0x5a, sizeof(payload));
	write_file(kernel, payload, 64);	/* never runs: QEMU exits after the dump */
	write_file(initrd, payload, sizeof(payload));

	snprintf(cmd, sizeof(cmd), "dtc -q -I dts -O dtb -o '%s' '%s'", dtb, dts);
	check_int("dtc exit status", 0, system(cmd));
	snprintf(cmd, sizeof(cmd),
		 "timeout 60 qemu-system-arm -M vexpress-a9 -m 256M -display none "
		 "-audiodev none,id=snd0 -kernel '%s' -dtb '%s' -initrd '%s' "
		 "-append 'console=ttyAMA0 hello' -machine dumpdtb='%s' >'%s' 2>&1",
		 kernel, dtb, initrd, dumped, errs);
	if (system(cmd) != 0 || access(dumped, R_OK) != 0) {
		struct blob e = read_file(errs);

		print_error("qemu-system-arm did not dump the tree:\n%.*s\n", (int)e.len, e.data);
		free_blob(&e);
		fail();
	}

	b = read_file(dumped);
	check_int("fdt_parse result", 0, parse(&b, &bi));
	check_int("nr_mem (QEMU NOPs our memory node and adds its own)", 1, bi.nr_mem);
	check_num("mem[0].start", 0x60000000, bi.mem[0].start);
	check_num("mem[0].size", 256 << 20, bi.mem[0].size);
	check_str("cmdline", "console=ttyAMA0 hello", bi.cmdline);
	check_num("initrd_size (the file's size)", sizeof(payload), bi.initrd_size);
	if (bi.initrd_start < 0x60000000 || bi.initrd_start + bi.initrd_size > 0x70000000) {
		print_error("initrd_start: expected inside RAM [0x60000000, 0x70000000), saw %#x\n",
			    bi.initrd_start);
		fail();
	}
	free_blob(&b);
}

/* ---- broken trees -------------------------------------------------------------------------- */

static void fdt_rejects_bad_magic(void **state)
{
	struct blob b = dtc(small_dts);
	struct bootinfo bi;

	put32(&b, 0, 0xedfe0dd0);	/* the magic read in the wrong byte order */
	check_int("fdt_parse result", -EINVAL, parse(&b, &bi));
	free_blob(&b);
}

static void fdt_rejects_totalsize_larger_than_buffer(void **state)
{
	struct blob b = dtc(small_dts);
	struct bootinfo bi;

	put32(&b, H_TOTALSIZE, (u32)b.len + 4);
	check_int("fdt_parse result (totalsize = buffer + 4)", -EINVAL, parse(&b, &bi));
	put32(&b, H_TOTALSIZE, 0xffffffff);
	check_int("fdt_parse result (totalsize = 4 GiB - 1)", -EINVAL, parse(&b, &bi));
	free_blob(&b);
}

static void fdt_rejects_struct_offset_out_of_range(void **state)
{
	struct blob b = dtc(small_dts);
	struct bootinfo bi;
	u32 off = get32(&b, H_OFF_DT_STRUCT), size = get32(&b, H_SIZE_DT_STRUCT);

	put32(&b, H_OFF_DT_STRUCT, (u32)b.len + 4);
	check_int("fdt_parse result (off_dt_struct past totalsize)", -EINVAL, parse(&b, &bi));
	put32(&b, H_OFF_DT_STRUCT, off);

	put32(&b, H_SIZE_DT_STRUCT, (u32)b.len - off + 4);
	check_int("fdt_parse result (struct block ends past totalsize)", -EINVAL,
		  parse(&b, &bi));
	put32(&b, H_SIZE_DT_STRUCT, 0xfffffffc);
	check_int("fdt_parse result (off + size wraps)", -EINVAL, parse(&b, &bi));
	put32(&b, H_SIZE_DT_STRUCT, size);

	put32(&b, H_OFF_DT_STRUCT, 4);
	check_int("fdt_parse result (struct block inside the header)", -EINVAL, parse(&b, &bi));
	put32(&b, H_OFF_DT_STRUCT, off);

	put32(&b, H_OFF_DT_STRINGS, 0xfffffff0);
	check_int("fdt_parse result (off_dt_strings past totalsize)", -EINVAL, parse(&b, &bi));
	free_blob(&b);
}

static void fdt_rejects_unsupported_version(void **state)
{
	struct blob b = dtc(small_dts);
	struct bootinfo bi;

	put32(&b, H_VERSION, 15);
	check_int("fdt_parse result (version 15)", -EINVAL, parse(&b, &bi));
	put32(&b, H_VERSION, 17);
	put32(&b, H_LAST_COMP_VERSION, 18);
	check_int("fdt_parse result (last_comp_version 18)", -EINVAL, parse(&b, &bi));
	put32(&b, H_LAST_COMP_VERSION, 16);
	check_int("fdt_parse result (restored header)", 0, parse(&b, &bi));
	free_blob(&b);
}

static void fdt_rejects_property_running_past_block(void **state)
{
	struct blob b = dtc(small_dts);
	struct bootinfo bi;
	size_t prop = find_token(&b, TOK_PROP, "bootargs");
	u32 struct_end = get32(&b, H_OFF_DT_STRUCT) + get32(&b, H_SIZE_DT_STRUCT);

	/* A length that reaches exactly one byte past the structure block... */
	put32(&b, prop + 4, struct_end - (u32)(prop + 12) + 1);
	check_int("fdt_parse result (len 1 byte too long)", -EINVAL, parse(&b, &bi));
	/* ... and one that would wrap an unchecked offset. */
	put32(&b, prop + 4, 0xfffffffd);
	check_int("fdt_parse result (len 0xfffffffd)", -EINVAL, parse(&b, &bi));
	free_blob(&b);
}

static void fdt_rejects_property_name_outside_strings_block(void **state)
{
	struct blob b = dtc(small_dts);
	struct bootinfo bi;
	size_t prop = find_token(&b, TOK_PROP, "bootargs");
	u32 strings_size = get32(&b, H_SIZE_DT_STRINGS);

	put32(&b, prop + 8, strings_size);
	check_int("fdt_parse result (nameoff = size_dt_strings)", -EINVAL, parse(&b, &bi));
	put32(&b, prop + 8, 0x80000000);
	check_int("fdt_parse result (nameoff huge)", -EINVAL, parse(&b, &bi));

	/* The last name must end in a NUL inside the block. */
	put32(&b, prop + 8, strings_size - 1);
	b.data[get32(&b, H_OFF_DT_STRINGS) + strings_size - 1] = 'x';
	check_int("fdt_parse result (name without NUL)", -EINVAL, parse(&b, &bi));
	free_blob(&b);
}

static void fdt_rejects_tree_without_end_token(void **state)
{
	struct blob b = dtc(small_dts);
	struct bootinfo bi;

	put32(&b, find_token(&b, TOK_END, NULL), TOK_NOP);
	check_int("fdt_parse result", -EINVAL, parse(&b, &bi));
	free_blob(&b);
}

static void fdt_rejects_unbalanced_end_node(void **state)
{
	struct blob b = dtc(small_dts);
	struct bootinfo bi;

	/* One FDT_END_NODE too many: it would close a node that is not open. */
	put32(&b, find_token(&b, TOK_END, NULL), TOK_END_NODE);
	check_int("fdt_parse result", -EINVAL, parse(&b, &bi));
	free_blob(&b);
}

static void fdt_rejects_end_token_inside_open_node(void **state)
{
	struct blob b = dtc(small_dts);
	struct bootinfo bi;
	size_t end = find_token(&b, TOK_END, NULL);

	/* Turn the root's FDT_END_NODE into FDT_END: the tree stops with the root still open. */
	check_num("token before FDT_END", TOK_END_NODE, get32(&b, end - 4));
	put32(&b, end - 4, TOK_END);
	check_int("fdt_parse result", -EINVAL, parse(&b, &bi));
	free_blob(&b);
}

static void fdt_rejects_second_root_node(void **state)
{
	struct blob b = dtc(small_dts);
	struct bootinfo bi;
	u32 off_struct = get32(&b, H_OFF_DT_STRUCT);
	u32 root_len = (u32)find_token(&b, TOK_END, NULL) - off_struct;
	u8 *block = malloc(2 * root_len + 4);
	struct blob twice, once;

	/* The root node, then the same node again as a second top-level tree, then FDT_END. */
	assert_non_null(block);
	memcpy(block, b.data + off_struct, root_len);
	memcpy(block + root_len, b.data + off_struct, root_len + 4);
	twice = with_struct(&b, block, 2 * root_len + 4, 0);
	check_int("fdt_parse result (two roots)", -EINVAL, parse(&twice, &bi));

	/* The helper itself keeps a good tree good. */
	once = with_struct(&b, block + root_len, root_len + 4, 0);
	check_int("fdt_parse result (one root, rebuilt)", 0, parse(&once, &bi));
	free_blob(&once);
	free_blob(&twice);
	free(block);
	free_blob(&b);
}

static void fdt_rejects_misaligned_struct_block(void **state)
{
	struct blob b = dtc(small_dts);
	struct bootinfo bi;
	u32 off_struct = get32(&b, H_OFF_DT_STRUCT), size_struct = get32(&b, H_SIZE_DT_STRUCT);
	struct blob moved;

	/* Tokens are 32-bit aligned in the blob (5.4.1); the same tokens one byte later are not. */
	moved = with_struct(&b, b.data + off_struct, size_struct, 4);
	check_int("fdt_parse result (struct block 4 bytes later)", 0, parse(&moved, &bi));
	free_blob(&moved);
	moved = with_struct(&b, b.data + off_struct, size_struct, 1);
	check_int("fdt_parse result (struct block 1 byte later)", -EINVAL, parse(&moved, &bi));
	free_blob(&moved);
	free_blob(&b);
}

static void fdt_rejects_strings_block_inside_header(void **state)
{
	struct blob b = dtc(small_dts);
	struct bootinfo bi;

	put32(&b, H_OFF_DT_STRINGS, 0);
	check_int("fdt_parse result (off_dt_strings 0)", -EINVAL, parse(&b, &bi));
	free_blob(&b);
}

static void fdt_rejects_unknown_token(void **state)
{
	struct blob b = dtc(small_dts);
	struct bootinfo bi;

	put32(&b, find_token(&b, TOK_PROP, "bootargs"), 0x00000005);
	check_int("fdt_parse result", -EINVAL, parse(&b, &bi));
	free_blob(&b);
}

static void fdt_rejects_memory_reg_with_unsupported_cells(void **state)
{
	struct blob b = dtc("/dts-v1/;\n"
			    "/ {\n"
			    "	#address-cells = <3>;\n"
			    "	#size-cells = <1>;\n"
			    "	memory@0 {\n"
			    "		device_type = \"memory\";\n"
			    "		reg = <0 0 0 0x1000>;\n"
			    "	};\n"
			    "};\n");
	struct bootinfo bi;

	check_int("fdt_parse result (3 address cells)", -EINVAL, parse(&b, &bi));
	free_blob(&b);

	b = dtc("/dts-v1/;\n"
		"/ {\n"
		"	#address-cells = <1>;\n"
		"	#size-cells = <1>;\n"
		"	memory@0 { device_type = \"memory\"; reg = <0 0x1000 0>; };\n"
		"};\n");
	check_int("fdt_parse result (reg not a whole number of entries)", -EINVAL,
		  parse(&b, &bi));
	free_blob(&b);

	b = dtc("/dts-v1/;\n"
		"/ {\n"
		"	#address-cells = <1 0>;\n"
		"	#size-cells = <1>;\n"
		"	memory@0 { device_type = \"memory\"; reg = <0 0x1000>; };\n"
		"};\n");
	check_int("fdt_parse result (#address-cells of 8 bytes)", -EINVAL, parse(&b, &bi));
	free_blob(&b);
}

/* Nodes nested 'depth' levels below the root. */
static struct blob nested_tree(int depth)
{
	size_t size = 64 + (size_t)depth * 16;
	char *dts = malloc(size);
	struct blob b;
	int i;

	assert_non_null(dts);
	strcpy(dts, "/dts-v1/;\n/ {");
	for (i = 0; i < depth; i++)
		strcat(dts, " n {");
	for (i = 0; i < depth; i++)
		strcat(dts, " };");
	strcat(dts, " };\n");
	b = dtc(dts);
	free(dts);
	return b;
}

static void fdt_rejects_nesting_deeper_than_limit(void **state)
{
	struct blob b = nested_tree(FDT_MAX_DEPTH);
	struct bootinfo bi;

	check_int("fdt_parse result (depth FDT_MAX_DEPTH)", 0, parse(&b, &bi));
	free_blob(&b);
	b = nested_tree(FDT_MAX_DEPTH + 1);
	check_int("fdt_parse result (depth FDT_MAX_DEPTH + 1)", -EINVAL, parse(&b, &bi));
	free_blob(&b);
}

/*
 * Cut the blob at every length. Handed over as is, each prefix is shorter than totalsize and
 * must be refused. With the header rewritten to end every block at the cut, the walk itself
 * meets it, mid-token, mid-name or mid-value: it must stop with -EINVAL, never read past it.
 */
static void fdt_every_prefix_parses_or_fails_cleanly(void **state)
{
	char dts[PATH_MAX];
	struct blob b, moved, cut;
	struct bootinfo bi;
	size_t len;

	source_path(dts, sizeof(dts), "boot/vexpress-a9.dts");
	b = dtc_file(dts);
	for (len = 0; len <= b.len; len++) {
		int want = len == b.len ? 0 : -EINVAL, ret = parse_len(&b, len, &bi);

		if (ret != want) {
			print_error("prefix %zu of %zu: expected %d, saw %d\n", len, b.len, want,
				    ret);
			fail();
		}
	}

	moved = strings_first(&b);
	check_int("fdt_parse result (strings block first)", 0, parse(&moved, &bi));
	check_num("mem[0].start (strings block first)", 0x60000000, bi.mem[0].start);
	cut.data = malloc(moved.len);
	assert_non_null(cut.data);
	for (len = get32(&moved, H_OFF_DT_STRUCT); len < moved.len; len++) {
		u32 off_struct = get32(&moved, H_OFF_DT_STRUCT);
		int ret;

		memcpy(cut.data, moved.data, len);
		cut.len = len;
		put32(&cut, H_TOTALSIZE, (u32)len);
		put32(&cut, H_SIZE_DT_STRUCT, (u32)len - off_struct);
		ret = parse_len(&cut, len, &bi);
		/* Only the whole block holds FDT_END, so every cut must be refused. */
		if (ret != -EINVAL) {
			print_error("struct block cut to %zu of %u bytes: expected %d, saw %d\n",
				    len - off_struct, get32(&moved, H_SIZE_DT_STRUCT), -EINVAL,
				    ret);
			fail();
		}
	}
	free(cut.data);
	free_blob(&moved);
	free_blob(&b);
}

/* ---- setup ---------------------------------------------------------------------------------- */

static int make_tmpdir(void **state)
{
	return mkdtemp(tmpdir) ? 0 : -1;
}

static int remove_tmpdir(void **state)
{
	char cmd[PATH_MAX + 16];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", tmpdir);
	return system(cmd) == 0 ? 0 : -1;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(fdt_looks_valid_checks_big_endian_magic),
		cmocka_unit_test(fdt_reads_small_tree),
		cmocka_unit_test(fdt_reads_project_vexpress_dts),
		cmocka_unit_test(fdt_parses_blob_at_odd_address),
		cmocka_unit_test(fdt_reads_two_cell_addresses_and_ignores_banks_above_4g),
		cmocka_unit_test(fdt_clips_bank_crossing_4g),
		cmocka_unit_test(fdt_uses_default_cells_when_root_omits_them),
		cmocka_unit_test(fdt_finds_memory_by_name_or_device_type),
		cmocka_unit_test(fdt_keeps_first_four_memory_banks),
		cmocka_unit_test(fdt_reads_memory_and_chosen_only_as_children_of_root),
		cmocka_unit_test(fdt_reads_32bit_initrd_range),
		cmocka_unit_test(fdt_reads_64bit_initrd_range),
		cmocka_unit_test(fdt_ignores_initrd_with_only_one_end),
		cmocka_unit_test(fdt_rejects_initrd_end_before_start),
		cmocka_unit_test(fdt_rejects_initrd_property_of_odd_length),
		cmocka_unit_test(fdt_truncates_long_bootargs),
		cmocka_unit_test(fdt_stops_bootargs_at_property_end_without_nul),
		cmocka_unit_test(fdt_never_reads_bootargs_past_block_end),
		cmocka_unit_test(fdt_skips_nop_tokens),
		cmocka_unit_test(fdt_reads_memory_from_qemu_dumped_tree),
		cmocka_unit_test(fdt_rejects_bad_magic),
		cmocka_unit_test(fdt_rejects_totalsize_larger_than_buffer),
		cmocka_unit_test(fdt_rejects_struct_offset_out_of_range),
		cmocka_unit_test(fdt_rejects_unsupported_version),
		cmocka_unit_test(fdt_rejects_property_running_past_block),
		cmocka_unit_test(fdt_rejects_property_name_outside_strings_block),
		cmocka_unit_test(fdt_rejects_tree_without_end_token),
		cmocka_unit_test(fdt_rejects_unbalanced_end_node),
		cmocka_unit_test(fdt_rejects_end_token_inside_open_node),
		cmocka_unit_test(fdt_rejects_second_root_node),
		cmocka_unit_test(fdt_rejects_misaligned_struct_block),
		cmocka_unit_test(fdt_rejects_strings_block_inside_header),
		cmocka_unit_test(fdt_rejects_unknown_token),
		cmocka_unit_test(fdt_rejects_memory_reg_with_unsupported_cells),
		cmocka_unit_test(fdt_rejects_nesting_deeper_than_limit),
		cmocka_unit_test(fdt_every_prefix_parses_or_fails_cleanly),
	};

	return cmocka_run_group_tests(tests, make_tmpdir, remove_tmpdir);
}
