// SPDX-License-Identifier: MIT
/*
 * Checking page 0 of a swap area before swapon uses it (layout in include/mm/swap_format.h).
 * Linux splits this between read_swap_header (mm/swapfile.c) and the checks of util-linux
 * swapon(8); here it is one function, and every refusal says what was wrong.
 */
#include <types.h>
#include <lib/string.h>
#include <kernel/errno.h>
#include <mm/swapops.h>
#include <mm/swap_format.h>

_Static_assert(sizeof(union swap_header) == SWAP_PAGE_SIZE, "the swap header is one page");
_Static_assert(offsetof(union swap_header, info.version) == SWAP_BOOTBITS_SIZE,
	       "version follows the boot bits");
_Static_assert(offsetof(union swap_header, info.badpages) == SWAP_BADPAGES_OFFSET,
	       "badpages[] where mkswap writes it");

/* The version field as a big-endian mkswap writes 1: refused with its own message. */
#define SWAP_VERSION_1_SWAPPED	0x01000000u

static void msg_putc(char *msg, size_t msglen, size_t *len, char c)
{
	if (*len + 1 < msglen)
		msg[(*len)++] = c;
}

/*
 * Writes text into msg with each '#' replaced by the next of nums in decimal, cut to msglen
 * and NUL-terminated. Returns -EINVAL, so that a check can end in "return refuse(...)".
 */
static int refuse(char *msg, size_t msglen, const char *text, const u64 *nums)
{
	size_t len = 0;

	if (!msg || !msglen)
		return -EINVAL;
	for (; *text; text++) {
		char digits[20];	/* 2^64 has 20 digits */
		int n = 0;
		u64 v;

		if (*text != '#') {
			msg_putc(msg, msglen, &len, *text);
			continue;
		}
		v = *nums++;
		do {
			digits[n++] = (char)('0' + v % 10);
			v /= 10;
		} while (v);
		while (n > 0)
			msg_putc(msg, msglen, &len, digits[--n]);
	}
	msg[len] = '\0';
	return -EINVAL;
}

/* badpages[0..i-1] already hold page: mkswap never lists a page twice. */
static bool listed_before(const u32 *badpages, u32 i, u32 page)
{
	u32 j;

	for (j = 0; j < i; j++) {
		if (badpages[j] == page)
			return true;
	}
	return false;
}

int swap_header_parse(const void *page0, u64 device_bytes, struct swap_info_hdr *out, char *msg,
		      size_t msglen)
{
	const union swap_header *h = page0;
	u64 device_pages = device_bytes / SWAP_PAGE_SIZE;
	u32 last_page, nr_bad, i;
	unsigned long good;

	if (device_pages == 0)
		return refuse(msg, msglen, "swap: device of # bytes cannot hold a swap header",
			      (u64[]){ device_bytes });

	/* The magic first: without it the rest of the page means nothing. */
	if (!memcmp(h->magic.magic, SWAP_MAGIC_V0, SWAP_MAGIC_LEN))
		return refuse(msg, msglen,
			      "swap: old SWAP-SPACE (v0) area unsupported: run mkswap again", NULL);
	if (memcmp(h->magic.magic, SWAP_MAGIC, SWAP_MAGIC_LEN))
		return refuse(msg, msglen, "swap: no swap signature (not made by mkswap?)", NULL);

	if (h->info.version == SWAP_VERSION_1_SWAPPED)
		return refuse(msg, msglen,
			      "swap: header byte-swapped (made on a big-endian machine?)", NULL);
	if (h->info.version != 1)
		return refuse(msg, msglen, "swap: version # unsupported",
			      (u64[]){ h->info.version });

	/*
	 * A header that claims more pages than the device has: a partition shrunk after mkswap,
	 * or a file cut short. swapon(8) refuses it too; using it would send writes past the end.
	 */
	last_page = h->info.last_page;
	if (last_page >= device_pages)
		return refuse(msg, msglen, "swap: last_page # beyond the device (# pages)",
			      (u64[]){ last_page, device_pages });

	nr_bad = h->info.nr_badpages;
	if (nr_bad > SWAP_MAX_BADPAGES)
		return refuse(msg, msglen, "swap: too many bad pages (#, at most #)",
			      (u64[]){ nr_bad, SWAP_MAX_BADPAGES });

	/* Page 0 is the header: a "bad" header page would be a corrupt list, not a bad slot. */
	for (i = 0; i < nr_bad; i++) {
		u32 page = h->info.badpages[i];

		if (page == 0 || page > last_page)
			return refuse(msg, msglen, "swap: bad page # outside the area (1 to #)",
				      (u64[]){ page, last_page });
		if (listed_before(h->info.badpages, i, page))
			return refuse(msg, msglen, "swap: bad page # listed twice",
				      (u64[]){ page });
		out->bad_pages[i] = page;
	}
	out->nr_badpages = nr_bad;
	out->last_page = last_page;

	/* No more slots than a swap PTE can name (Linux: "Truncating oversized swap area"). */
	if (last_page > SWP_OFFSET_MAX) {
		out->pages = SWP_OFFSET_MAX + 1;
		out->clipped = true;
	} else {
		out->pages = (unsigned long)last_page + 1;
		out->clipped = false;
	}

	good = out->pages - 1;
	for (i = 0; i < nr_bad; i++) {
		if (out->bad_pages[i] < out->pages)
			good--;
	}
	if (good == 0)
		return refuse(msg, msglen, "swap: no usable pages (last_page #, # of them bad)",
			      (u64[]){ last_page, nr_bad });

	memcpy(out->uuid, h->info.sws_uuid, SWAP_UUID_SIZE);
	memcpy(out->label, h->info.sws_volume, SWAP_LABEL_SIZE);
	out->label[SWAP_LABEL_SIZE] = '\0';
	if (msg && msglen)
		msg[0] = '\0';
	return 0;
}
