/* SPDX-License-Identifier: MIT */
/*
 * The on-disk format of a swap area, as util-linux mkswap writes it (Linux's union
 * swap_header, include/linux/swap.h; read by read_swap_header in mm/swapfile.c).
 *
 * A swap area is a partition or a file cut into 4 KiB pages. Page 0 is the header; every
 * other page is a slot that can hold one swapped-out page, except the bad ones the header
 * lists. The slot number is the offset in a swap entry (include/mm/swapops.h), so a page
 * in slot n is at byte n * 4096 of the area. Page 0 holds:
 *
 *   offset  size
 *        0  1024  bootbits      not swap's: room for a boot block or a disk label
 *     1024     4  version       1 (the "SWAPSPACE2" format)
 *     1028     4  last_page     the last page of the area: pages 0..last_page (its size
 *                               / 4096 - 1, unless mkswap was told a smaller size)
 *     1032     4  nr_badpages   how many entries of badpages[] follow
 *     1036    16  sws_uuid      a random UUID (blkid and swapon UUID=... find it)
 *     1052    16  sws_volume    the label of mkswap -L, NUL-padded: no NUL if 16 long
 *     1068   468  padding
 *     1536  4*n   badpages[]    pages never to use (mkswap -c finds them); at most 637
 *     4086    10  magic         "SWAPSPACE2"
 *
 * The numbers are in the byte order of the machine that ran mkswap: little-endian on x86
 * and on this kernel. The magic is in the last 10 bytes of the page, so it moves with the
 * page size (mkswap -p 65536 puts it at byte 65526): we only read areas made for 4 KiB pages.
 *
 * The older "SWAP-SPACE" format (v0, Linux < 2.5) has the same magic position but the rest
 * of page 0 is a bitmap of the good pages; we recognise it only to refuse it clearly.
 *
 * Pure logic: compiled into host unit tests (tests/host/test_swap_format.c).
 */
#ifndef MM_SWAP_FORMAT_H
#define MM_SWAP_FORMAT_H

#include <types.h>

#define SWAP_PAGE_SIZE		4096
#define SWAP_MAGIC		"SWAPSPACE2"
#define SWAP_MAGIC_V0		"SWAP-SPACE"
#define SWAP_MAGIC_LEN		10
#define SWAP_UUID_SIZE		16
#define SWAP_LABEL_SIZE		16
#define SWAP_BOOTBITS_SIZE	1024
#define SWAP_HEADER_PADDING	117	/* u32s between the label and badpages[] */
#define SWAP_BADPAGES_OFFSET	1536	/* where badpages[] starts */

/* The badpages[] that fit between their start and the magic: 637. */
#define SWAP_MAX_BADPAGES	((SWAP_PAGE_SIZE - SWAP_MAGIC_LEN - SWAP_BADPAGES_OFFSET) / 4)

union swap_header {
	struct {
		char reserved[SWAP_PAGE_SIZE - SWAP_MAGIC_LEN];
		char magic[SWAP_MAGIC_LEN];	/* SWAP_MAGIC */
	} magic;
	struct {
		char bootbits[SWAP_BOOTBITS_SIZE];
		u32 version;
		u32 last_page;
		u32 nr_badpages;
		u8 sws_uuid[SWAP_UUID_SIZE];
		char sws_volume[SWAP_LABEL_SIZE];
		u32 padding[SWAP_HEADER_PADDING];
		u32 badpages[SWAP_MAX_BADPAGES];
	} info;
};

/* What swapon needs from the header, checked by swap_header_parse. */
struct swap_info_hdr {
	unsigned long pages;		/* slots 0..pages-1; slot 0 is the header itself */
	u32 last_page;			/* as written: pages is last_page + 1 unless clipped */
	bool clipped;			/* larger than a swap PTE can address: the rest unused */
	unsigned int nr_badpages;
	u32 bad_pages[SWAP_MAX_BADPAGES];	/* each in 1..last_page, none twice */
	u8 uuid[SWAP_UUID_SIZE];
	char label[SWAP_LABEL_SIZE + 1];	/* NUL-terminated; "" if none */
};

/*
 * Checks page 0 of a swap area of device_bytes bytes and fills out. Returns 0, or -EINVAL
 * with a one-line reason in msg (cut to msglen, always NUL-terminated when msglen > 0),
 * such as "swap: no swap signature (not made by mkswap?)"; out is only meaningful after 0.
 * out is 2.5 KiB: keep it off a kernel stack (8 KiB).
 */
int swap_header_parse(const void *page0, u64 device_bytes, struct swap_info_hdr *out, char *msg,
		      size_t msglen);

#endif /* MM_SWAP_FORMAT_H */
