/* SPDX-License-Identifier: MIT */
/*
 * What the boot loader told us, in one place.
 *
 * A kernel entered with the Linux ARM boot protocol (Documentation/arm/Booting) finds in r2
 * either a list of ATAGS or a flattened device tree (FDT). Both describe the same few facts
 * that early boot needs: where RAM is, where the initrd was loaded and the command line.
 * atags_parse() and fdt_parse() turn either format into a struct bootinfo, so nothing after
 * them cares which format the loader used.
 *
 * Both parsers are pure logic: they only read the blob they are given, never past
 * blob + max_len, and they compile on the host for the unit tests in tests/host/.
 */
#ifndef BOOT_BOOTINFO_H
#define BOOT_BOOTINFO_H

#include <types.h>

#define BOOTINFO_MAX_MEM 4
#define BOOTINFO_CMDLINE_MAX 1024

struct bootinfo {
	struct {
		phys_addr_t start;
		u32 size;
	} mem[BOOTINFO_MAX_MEM];	/* RAM banks, in the order the loader listed them */
	int nr_mem;
	phys_addr_t initrd_start;	/* 0 if none */
	u32 initrd_size;		/* 0 if none */
	char cmdline[BOOTINFO_CMDLINE_MAX]; /* always NUL-terminated, "" if none */
	const char *source;		/* "atags" or "fdt" */
};

/* The first word of each format, which is how head code tells them apart (Booting, 4b). */
#define ATAG_CORE_MAGIC 0x54410001	/* tag number of ATAG_CORE, second word of the list */
#define FDT_MAGIC 0xd00dfeed		/* Devicetree Specification v0.3, 5.2: first word, BE */

/*
 * fdt_parse() refuses trees nested deeper than this (the root is depth 0). Real trees go
 * four or five levels deep; the bound is what makes a hostile blob harmless.
 */
#define FDT_MAX_DEPTH 32

/*
 * Both return 0 or a negative errno (-EINVAL for malformed input) and never read past
 * blob + max_len. They fill *bi (zeroing it first).
 */
int atags_parse(const void *blob, u32 max_len, struct bootinfo *bi);
int fdt_parse(const void *blob, u32 max_len, struct bootinfo *bi);

/* Checks the big-endian magic only: reads the first 4 bytes of blob. */
bool fdt_looks_valid(const void *blob);

#endif /* BOOT_BOOTINFO_H */
