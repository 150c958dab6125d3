/* SPDX-License-Identifier: MIT */
/*
 * Decoding the fault status registers DFSR and IFSR (ARM ARM B4.1.52 and B4.1.96, short-
 * descriptor format; status values from table B3-23):
 *
 *    12    11    10    7..4     3..0
 *   +-----+-----+-----+--------+--------+
 *   | ExT | WnR | FS4 | domain | FS3..0 |      FS = FS4:FS3..0, five bits
 *   +-----+-----+-----+--------+--------+
 *
 * WnR (DFSR only) is 1 for a write. Pure logic: host-tested.
 */
#ifndef MM_FSR_H
#define MM_FSR_H

#include <types.h>

#define FSR_WNR			(1u << 11)
#define FSR_EXT			(1u << 12)
#define FSR_LNX_PF		(1u << 31)	/* ours: set for a prefetch (instruction) abort */

/* Fault status values (FS field), table B3-23. */
#define FS_ALIGNMENT		0x01
#define FS_DEBUG		0x02
#define FS_ACCESS_SECTION	0x03
#define FS_ICACHE_MAINT		0x04
#define FS_TRANS_SECTION	0x05
#define FS_ACCESS_PAGE		0x06
#define FS_TRANS_PAGE		0x07
#define FS_EXTERNAL		0x08
#define FS_DOMAIN_SECTION	0x09
#define FS_DOMAIN_PAGE		0x0b
#define FS_WALK_EXT_L1		0x0c
#define FS_PERM_SECTION		0x0d
#define FS_WALK_EXT_L2		0x0e
#define FS_PERM_PAGE		0x0f
#define FS_TLB_CONFLICT		0x10
#define FS_ASYNC_EXTERNAL	0x16
#define FS_ASYNC_PARITY		0x18
#define FS_PARITY		0x19
#define FS_WALK_PARITY_L1	0x1c
#define FS_WALK_PARITY_L2	0x1e

enum fault_kind {
	FAULT_TRANSLATION,
	FAULT_PERMISSION,
	FAULT_ACCESS_FLAG,
	FAULT_DOMAIN,
	FAULT_ALIGNMENT,
	FAULT_EXTERNAL,
	FAULT_OTHER,
};

static inline unsigned int fsr_fs(u32 fsr)
{
	return ((fsr >> 6) & 0x10) | (fsr & 0xf);
}

static inline bool fsr_is_write(u32 fsr)
{
	return (fsr & FSR_WNR) && !(fsr & FSR_LNX_PF);
}

enum fault_kind fsr_kind(u32 fsr);
/* 1 = section (first level), 2 = page (second level), 0 = not about a translation level. */
int fsr_level(u32 fsr);
/* Writes e.g. "permission fault (page), write" into buf; returns buf. */
const char *fsr_describe(u32 fsr, char *buf, size_t len);

#endif
