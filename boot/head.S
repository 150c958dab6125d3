/*
 * Kernel entry from the Linux ARM boot protocol (Documentation/arm/booting.rst):
 *   MMU off, D-cache off, SVC mode, IRQs masked; r0 = 0, r1 = machine type,
 *   r2 = physical address of the ATAGS list or of a flattened device tree.
 *
 * This code runs at whatever physical address the image was loaded at (0x60010000 on
 * vexpress-a9) although it is linked at KERNEL_START (0x80010000), so until the MMU is on it
 * uses only pc-relative addresses. Its job is short:
 *
 *   1. park every CPU but CPU 0,
 *   2. invalidate caches, branch predictor and TLB (their contents are undefined at reset),
 *   3. build a boot translation table with 1 MiB sections: an identity map of the section we
 *      run in (so the instruction after "MMU on" still fetches) and the kernel image plus the
 *      boot blob at their final virtual addresses,
 *   4. turn the MMU and caches on and jump to the virtual address of __mmap_switched,
 *   5. set a stack per exception mode, clear .bss and call start_kernel().
 *
 * paging_init() then builds the real kernel table (swapper_pg_dir) with page-level
 * permissions and drops this one with its identity map.
 */
	.syntax unified
#include <asm/memory.h>
#include <asm/pgtable-hwdef.h>
#include <asm/cp15.h>
#include <asm/irqflags.h>
#include <asm/thread_info.h>

#define EXC_STACK_SIZE 256

#define BOOT_SECT_FLAGS (PMD_TYPE_SECT | PMD_SECT_NORMAL | PMD_SECT_AP_KRW | \
			 PMD_DOMAIN(DOMAIN_KERNEL))

	.section .head.text, "ax"
	.arm
	.globl	_start
_start:
	cpsid	aif, #PSR_MODE_SVC
	mov	r10, r1				@ machine type
	mov	r11, r2				@ ATAGS or FDT (physical)

	mrc	p15, 0, r3, c0, c0, 5		@ MPIDR: which CPU are we?
	ands	r3, r3, #3
	bne	secondary_park

	adr	r4, _start
	sub	r8, r4, #TEXT_OFFSET		@ r8 = phys_base (RAM start)

	/* 2. Caches and TLB hold garbage after reset: invalidate, never clean. */
	mov	r0, #0
	mcr	p15, 0, r0, c7, c5, 0		@ ICIALLU: I-cache
	mcr	p15, 0, r0, c7, c5, 6		@ BPIALL: branch predictor
	mcr	p15, 0, r0, c8, c7, 0		@ TLBIALL
	mcr	p15, 2, r0, c0, c0, 0		@ CSSELR = L1 data cache
	isb
	mrc	p15, 1, r1, c0, c0, 0		@ CCSIDR (B4.1.19)
	and	r2, r1, #7
	add	r2, r2, #4			@ r2 = log2(line size in bytes): set shift
	ldr	r3, =0x3ff
	and	r3, r3, r1, lsr #3		@ r3 = ways - 1
	clz	r5, r3				@ r5 = way shift (way number sits in the top bits)
	ldr	r6, =0x7fff
	and	r6, r6, r1, lsr #13		@ r6 = sets - 1
1:	mov	r7, r6
2:	lsl	r9, r3, r5
	orr	r9, r9, r7, lsl r2
	mcr	p15, 0, r9, c7, c6, 2		@ DCISW: invalidate by set/way
	subs	r7, r7, #1
	bge	2b
	subs	r3, r3, #1
	bge	1b
	dsb
	isb

	/* 3. Boot translation table, 16 KiB at RAM start + BOOT_PGDIR_OFFSET. */
	add	r5, r8, #BOOT_PGDIR_OFFSET
	mov	r0, r5
	add	r1, r5, #0x4000
	mov	r2, #0
	mov	r3, #0
3:	stmia	r0!, {r2, r3}
	cmp	r0, r1
	blo	3b

	ldr	r6, =BOOT_SECT_FLAGS
	mov	r0, r4, lsr #SECTION_SHIFT	@ identity map of the section holding _start
	orr	r3, r6, r0, lsl #SECTION_SHIFT
	str	r3, [r5, r0, lsl #2]

	ldr	r7, =_end			@ sections from RAM start through the image end
	sub	r7, r7, #PAGE_OFFSET
	mov	r7, r7, lsr #SECTION_SHIFT
	mov	r0, #0
4:	add	r3, r8, r0, lsl #SECTION_SHIFT
	orr	r3, r3, r6
	add	r9, r0, #(PAGE_OFFSET >> SECTION_SHIFT)
	str	r3, [r5, r9, lsl #2]
	add	r0, r0, #1
	cmp	r0, r7
	bls	4b

	subs	r0, r11, r8			@ the boot blob: 2 sections, if it lies in RAM
	bcc	5f
	cmp	r0, #LOWMEM_MAX_SIZE
	bhs	5f
	mov	r0, r0, lsr #SECTION_SHIFT
	add	r7, r0, #1
6:	add	r3, r8, r0, lsl #SECTION_SHIFT
	orr	r3, r3, r6
	add	r9, r0, #(PAGE_OFFSET >> SECTION_SHIFT)
	str	r3, [r5, r9, lsl #2]
	add	r0, r0, #1
	cmp	r0, r7
	bls	6b
5:
	/* 4. MMU on. TTBCR.N = 0 for now: one table for the whole space.
	 * ACTLR.SMP (Cortex-A9 TRM 4.3.10) takes part in cache coherency; it must be set
	 * before the caches are enabled, and ldrex/strex on cacheable memory rely on it. */
	mrc	p15, 0, r0, c1, c0, 1
	orr	r0, r0, #(1 << 6)
	mcr	p15, 0, r0, c1, c0, 1
	orr	r0, r5, #TTBR_FLAGS
	mcr	p15, 0, r0, c2, c0, 0		@ TTBR0
	mcr	p15, 0, r0, c2, c0, 1		@ TTBR1
	mov	r0, #0
	mcr	p15, 0, r0, c2, c0, 2		@ TTBCR
	mov	r0, #DACR_CLIENT(DOMAIN_KERNEL)
	mcr	p15, 0, r0, c3, c0, 0		@ DACR
	mrc	p15, 0, r0, c1, c0, 0		@ SCTLR
	bic	r0, r0, #SCTLR_A
	bic	r0, r0, #SCTLR_V
	bic	r0, r0, #(SCTLR_TRE | SCTLR_AFE)
	orr	r0, r0, #(SCTLR_M | SCTLR_C)
	orr	r0, r0, #SCTLR_I
	orr	r0, r0, #SCTLR_Z
	dsb
	mcr	p15, 0, r0, c1, c0, 0
	isb
	ldr	pc, =__mmap_switched		@ leave the identity map for the high address

secondary_park:
	/* Only CPU 0 runs the kernel for now; the others sleep here. */
	wfe
	b	secondary_park

	.ltorg

	.text
__mmap_switched:
	/* 5. Clear .bss first: the boot stack lives there. */
	ldr	r0, =__bss_start
	ldr	r1, =__bss_end
	mov	r2, #0
	mov	r3, #0
7:	stmia	r0!, {r2, r3}
	cmp	r0, r1
	blo	7b

	/* One small stack per exception mode. Exceptions switch to SVC at once (entry.S), so
	 * these only hold a few words; FIQ is never enabled. */
	cps	#PSR_MODE_IRQ
	ldr	sp, =irq_stack + EXC_STACK_SIZE
	cps	#PSR_MODE_ABT
	ldr	sp, =abt_stack + EXC_STACK_SIZE
	cps	#PSR_MODE_UND
	ldr	sp, =und_stack + EXC_STACK_SIZE
	cps	#PSR_MODE_FIQ
	ldr	sp, =fiq_stack + EXC_STACK_SIZE
	cps	#PSR_MODE_SVC
	ldr	sp, =init_thread_union + THREAD_SIZE

	ldr	r0, =phys_base
	str	r8, [r0]
	ldr	r0, =vectors
	mcr	p15, 0, r0, c12, c0, 0		@ VBAR
	isb

	ldr	r0, =init_task
	mcr	p15, 0, r0, c13, c0, 4		@ TPIDRPRW: current = the boot thread
	mov	r0, r11
	mov	r1, r10
	mov	fp, #0				@ (fp is r11) the backtrace stops here
	bl	start_kernel
	b	.

	.bss
	.align	3
irq_stack:	.space	EXC_STACK_SIZE
abt_stack:	.space	EXC_STACK_SIZE
und_stack:	.space	EXC_STACK_SIZE
fiq_stack:	.space	EXC_STACK_SIZE

	.data
	.globl	phys_base
	.align	2
phys_base:	.word	0
