/* SPDX-License-Identifier: MIT */
/*
 * Memory barriers (ARM ARM A3.8.3):
 *   dmb - memory accesses before it are observed before those after it
 *   dsb - and also: completes before the next instruction executes (needed after cache and
 *         TLB maintenance, and before wfi)
 *   isb - flushes the pipeline so that later instructions see changed system registers
 *         (after a TTBR, SCTLR or TLB change)
 */
#ifndef ASM_BARRIER_H
#define ASM_BARRIER_H

#define dmb() __asm__ volatile("dmb ish" ::: "memory")
#define dsb() __asm__ volatile("dsb ish" ::: "memory")
#define dsb_sy() __asm__ volatile("dsb sy" ::: "memory")
#define isb() __asm__ volatile("isb" ::: "memory")
#define barrier() __asm__ volatile("" ::: "memory")

#define smp_mb() dmb()
#define smp_rmb() dmb()
#define smp_wmb() dmb()

#define READ_ONCE(x) (*(const volatile __typeof__(x) *)&(x))
#define WRITE_ONCE(x, v) (*(volatile __typeof__(x) *)&(x) = (v))

#endif
