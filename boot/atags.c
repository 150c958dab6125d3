// SPDX-License-Identifier: MIT
/*
 * ATAGS: the older of the two ways an ARM boot loader describes the machine
 * (Linux Documentation/arm/Booting, tag layouts in arch/arm/include/uapi/asm/setup.h).
 *
 * The list is a run of tags in memory, each starting with a two-word header, in the CPU's
 * byte order (little-endian here):
 *
 *   word 0   size   length of the whole tag in 32-bit words, header included
 *   word 1   tag    which tag this is (ATAG_*)
 *   word 2.. data   size - 2 words, layout depends on the tag
 *
 * The next tag starts size words after this one. The first tag must be ATAG_CORE and the
 * list ends with ATAG_NONE (size 0, tag 0). QEMU 7.2 builds CORE, MEM, INITRD2, CMDLINE,
 * NONE at RAM base + 0x100.
 *
 * The list comes from outside the kernel, so every tag is checked against max_len before a
 * word of it is read, and the walk gives up after ATAGS_MAX_TAGS tags.
 */
#include <boot/bootinfo.h>
#include <kernel/errno.h>
#include <lib/string.h>

/* Tag numbers and data layouts, from Linux's arch/arm/include/uapi/asm/setup.h. */
#define ATAG_NONE	0x00000000	/* end of list */
#define ATAG_CORE	0x54410001	/* first; optional data: flags, pagesize, rootdev */
#define ATAG_MEM	0x54410002	/* data: size, start of one RAM bank */
#define ATAG_CMDLINE	0x54410009	/* data: command line and NUL, padded to a word */
#define ATAG_INITRD2	0x54420005	/* data: physical start, size of the initrd */

#define ATAG_HDR_WORDS		2	/* size + tag */
#define ATAG_MEM_WORDS		4	/* header + size + start */
#define ATAG_INITRD2_WORDS	4	/* header + start + size */

/*
 * A real list has a handful of tags; a boot loader that gives us more than this has handed
 * us garbage, and we would rather say so than walk it.
 */
#define ATAGS_MAX_TAGS		64

/* The list is word-aligned by the protocol, but copying keeps us honest if it is not. */
static u32 atag_word(const u8 *tag, u32 index)
{
	u32 w;

	memcpy(&w, tag + index * 4, sizeof(w));
	return w;
}

static void atag_add_mem(struct bootinfo *bi, u32 start, u32 size)
{
	/* A zero-sized bank describes nothing; extra banks beyond our table are dropped. */
	if (size == 0 || bi->nr_mem >= BOOTINFO_MAX_MEM)
		return;
	bi->mem[bi->nr_mem].start = start;
	bi->mem[bi->nr_mem].size = size;
	bi->nr_mem++;
}

/* Copy the tag's string, stopping at its NUL or at the end of the tag, whichever is first. */
static void atag_copy_cmdline(struct bootinfo *bi, const u8 *data, u32 data_len)
{
	u32 n = 0;

	while (n < data_len && n < BOOTINFO_CMDLINE_MAX - 1 && data[n] != '\0') {
		bi->cmdline[n] = (char)data[n];
		n++;
	}
	bi->cmdline[n] = '\0';
}

int atags_parse(const void *blob, u32 max_len, struct bootinfo *bi)
{
	const u8 *base = blob;
	u32 off = 0;
	int i;

	memset(bi, 0, sizeof(*bi));
	bi->source = "atags";

	for (i = 0; i < ATAGS_MAX_TAGS; i++) {
		const u8 *tag = base + off;
		const u32 hdr_len = ATAG_HDR_WORDS * 4;
		u32 size, id, tag_len;

		/* The header itself must fit before we may look at it. */
		if (max_len - off < hdr_len)
			return -EINVAL;
		size = atag_word(tag, 0);
		id = atag_word(tag, 1);

		if (i == 0 && id != ATAG_CORE)
			return -EINVAL;
		if (id == ATAG_NONE)
			return 0;

		/*
		 * A size below the header would make the walk stand still or go backwards.
		 * Compare in words, so that size * 4 cannot overflow.
		 */
		if (size < ATAG_HDR_WORDS || size > (max_len - off) / 4)
			return -EINVAL;
		tag_len = size * 4;

		switch (id) {
		case ATAG_MEM:
			if (size < ATAG_MEM_WORDS)
				return -EINVAL;
			atag_add_mem(bi, atag_word(tag, 3), atag_word(tag, 2));
			break;
		case ATAG_INITRD2:
			if (size < ATAG_INITRD2_WORDS)
				return -EINVAL;
			bi->initrd_start = atag_word(tag, 2);
			bi->initrd_size = atag_word(tag, 3);
			break;
		case ATAG_CMDLINE:
			atag_copy_cmdline(bi, tag + hdr_len, tag_len - hdr_len);
			break;
		default:
			/* ATAG_CORE's flags and tags we do not use (serial, revision...). */
			break;
		}
		off += tag_len;
	}
	/* No ATAG_NONE within the limit: not a list we trust. */
	return -EINVAL;
}
