/* SPDX-License-Identifier: MIT */
/*
 * ARMv7 short-descriptor translation table formats (ARM ARM B3.5.1), without LPAE.
 *
 * A virtual address splits 12 / 8 / 12:
 *
 *    31          20 19       12 11          0
 *   +--------------+-----------+-------------+
 *   | L1 index     | L2 index  | page offset |
 *   +--------------+-----------+-------------+
 *
 * First-level descriptor, one per MiB (4096 of them in a 16 KiB table):
 *
 *   section:     [31:20] base | 19 NS | 17 nG | 16 S | 15 AP2 | 14:12 TEX | 11:10 AP |
 *                9 imp | 8:5 domain | 4 XN | 3 C | 2 B | 1:0 = 0b10
 *   page table:  [31:10] base of a 1 KiB second-level table | 8:5 domain | 1:0 = 0b01
 *   fault:       1:0 = 0b00
 *
 * Second-level descriptor, one per 4 KiB page (256 in a 1 KiB table):
 *
 *   small page:  [31:12] base | 11 nG | 10 S | 9 AP2 | 8:6 TEX | 5:4 AP | 3 C | 2 B |
 *                1 = 1 | 0 XN
 *   fault:       1:0 = 0b00
 */
#ifndef ASM_PGTABLE_HWDEF_H
#define ASM_PGTABLE_HWDEF_H

/* First level (B3.5.1, figure B3-4). */
#define PMD_TYPE_FAULT		0x0
#define PMD_TYPE_TABLE		0x1
#define PMD_TYPE_SECT		0x2
#define PMD_TYPE_MASK		0x3
#define PMD_SECT_B		(1 << 2)
#define PMD_SECT_C		(1 << 3)
#define PMD_SECT_XN		(1 << 4)
#define PMD_DOMAIN(d)		((d) << 5)
#define PMD_SECT_AP0		(1 << 10)
#define PMD_SECT_AP1		(1 << 11)
#define PMD_SECT_TEX(t)		((t) << 12)
#define PMD_SECT_AP2		(1 << 15)
#define PMD_SECT_S		(1 << 16)
#define PMD_SECT_nG		(1 << 17)
#define SECTION_SHIFT		20
#define SECTION_SIZE		(1 << SECTION_SHIFT)

/* Second level, small page (B3.5.1, figure B3-5). */
#define PTE_TYPE_FAULT		0x0
#define PTE_TYPE_SMALL		0x2
#define PTE_TYPE_MASK		0x3
#define PTE_SMALL_XN		(1 << 0)
#define PTE_B			(1 << 2)
#define PTE_C			(1 << 3)
#define PTE_AP0			(1 << 4)
#define PTE_AP1			(1 << 5)
#define PTE_TEX(t)		((t) << 6)
#define PTE_AP2			(1 << 9)
#define PTE_S			(1 << 10)
#define PTE_nG			(1 << 11)

/*
 * Memory types (TEX/C/B with SCTLR.TRE = 0, B3.8.2 table B3-10):
 *   Normal, inner and outer write-back write-allocate: TEX = 0b001, C = 1, B = 1
 *   Shareable Device:                                  TEX = 0b000, C = 0, B = 1
 */
#define PMD_SECT_NORMAL		(PMD_SECT_TEX(1) | PMD_SECT_C | PMD_SECT_B | PMD_SECT_S)
#define PMD_SECT_DEVICE		(PMD_SECT_B)
#define PTE_MT_NORMAL		(PTE_TEX(1) | PTE_C | PTE_B | PTE_S)
#define PTE_MT_DEVICE		(PTE_B)

/*
 * Access permissions with SCTLR.AFE = 0 (B3.7.1, table B3-8), AP[2] : AP[1:0]:
 *   0 01  kernel read/write, user none
 *   0 11  kernel read/write, user read/write
 *   1 01  kernel read-only,  user none
 *   1 11  kernel read-only,  user read-only
 */
#define PMD_SECT_AP_KRW		(PMD_SECT_AP0)
#define PMD_SECT_AP_KRO		(PMD_SECT_AP2 | PMD_SECT_AP0)

#define DOMAIN_KERNEL		0	/* every mapping is in domain 0 */
#define DACR_CLIENT(d)		(1 << (2 * (d)))	/* B4.1.43: 01 = client, check AP */

#endif
