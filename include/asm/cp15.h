/* SPDX-License-Identifier: MIT */
/*
 * CP15 system-control registers used by the kernel (ARM ARM B4.1, Cortex-A9 TRM 4.3).
 * Each accessor is one mrc/mcr; callers add the barriers the manual asks for.
 */
#ifndef ASM_CP15_H
#define ASM_CP15_H

#ifndef __ASSEMBLY__
#include <types.h>

#define CP15_READ(name, op1, crn, crm, op2)                                     \
	static inline u32 read_##name(void)                                     \
	{                                                                        \
		u32 v;                                                           \
		__asm__ volatile("mrc p15, " #op1 ", %0, " #crn ", " #crm ", " #op2 \
				 : "=r"(v));                                     \
		return v;                                                        \
	}
#define CP15_WRITE(name, op1, crn, crm, op2)                                    \
	static inline void write_##name(u32 v)                                   \
	{                                                                        \
		__asm__ volatile("mcr p15, " #op1 ", %0, " #crn ", " #crm ", " #op2 \
				 ::"r"(v) : "memory");                           \
	}
#define CP15_RW(name, op1, crn, crm, op2) \
	CP15_READ(name, op1, crn, crm, op2) CP15_WRITE(name, op1, crn, crm, op2)

CP15_READ(midr, 0, c0, c0, 0)		/* B4.1.105 main ID */
CP15_READ(mpidr, 0, c0, c0, 5)		/* B4.1.106 multiprocessor affinity */
CP15_READ(ctr, 0, c0, c0, 1)		/* B4.1.42 cache type: line sizes */
CP15_RW(sctlr, 0, c1, c0, 0)		/* B4.1.130 system control */
CP15_RW(ttbr0, 0, c2, c0, 0)		/* B4.1.154 */
CP15_RW(ttbr1, 0, c2, c0, 1)		/* B4.1.155 */
CP15_RW(ttbcr, 0, c2, c0, 2)		/* B4.1.153 */
CP15_RW(dacr, 0, c3, c0, 0)		/* B4.1.43 domain access control */
CP15_READ(dfsr, 0, c5, c0, 0)		/* B4.1.52 data fault status */
CP15_READ(ifsr, 0, c5, c0, 1)		/* B4.1.96 instruction fault status */
CP15_READ(dfar, 0, c6, c0, 0)		/* B4.1.51 data fault address */
CP15_READ(ifar, 0, c6, c0, 2)		/* B4.1.95 instruction fault address */
CP15_RW(contextidr, 0, c13, c0, 1)	/* B4.1.36: ASID in bits [7:0] */
CP15_RW(tpidrprw, 0, c13, c0, 4)	/* B4.1.150: privileged-only; holds `current` */
CP15_RW(vbar, 0, c12, c0, 0)		/* B4.1.156 vector base */
#endif /* __ASSEMBLY__ */

/* SCTLR bits (B4.1.130). */
#define SCTLR_M		(1 << 0)	/* MMU enable */
#define SCTLR_A		(1 << 1)	/* alignment check */
#define SCTLR_C		(1 << 2)	/* data cache enable */
#define SCTLR_Z		(1 << 11)	/* branch prediction */
#define SCTLR_I		(1 << 12)	/* instruction cache */
#define SCTLR_V		(1 << 13)	/* high vectors (we use VBAR instead: keep 0) */
#define SCTLR_TRE	(1 << 28)	/* TEX remap: off, we use TEX/C/B directly */
#define SCTLR_AFE	(1 << 29)	/* access flag enable: off, AP[0] is a permission bit */

/* TTBCR (B4.1.153): N = 1 sends VA < 2 GiB to TTBR0, the rest to TTBR1. PD0 = 1 makes any
 * TTBR0 walk fault: used while no process exists, so the boot identity map is truly gone. */
#define TTBCR_N_2G	1
#define TTBCR_PD0	(1 << 4)

/* TTBRx walk attributes (B4.1.154, multiprocessing extensions): inner write-back
 * write-allocate (IRGN = 01 split as bit 6 = 1, bit 0 = 0), shareable, outer WB-WA. */
#define TTBR_IRGN_WBWA	(1 << 6)
#define TTBR_S		(1 << 1)
#define TTBR_RGN_OC_WBWA (1 << 3)
#define TTBR_FLAGS	(TTBR_IRGN_WBWA | TTBR_S | TTBR_RGN_OC_WBWA)

#endif
