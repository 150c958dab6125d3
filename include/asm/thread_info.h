/* SPDX-License-Identifier: MIT */
/*
 * The part of a thread that assembly and the lowest C layers touch. It is the first member
 * of struct task_struct, and the CPU's TPIDRPRW register (privileged-only thread ID, ARM ARM
 * B4.1.150) points at it: that is how `current` is found, on any CPU, in one instruction.
 */
#ifndef ASM_THREAD_INFO_H
#define ASM_THREAD_INFO_H

/* Every thread has an 8 KiB kernel stack (an order-1 page block), aligned to its size. */
#define THREAD_SIZE_ORDER	1
#define THREAD_SIZE		8192

#ifndef __ASSEMBLY__
#include <types.h>

/* Registers __switch_to saves (boot/entry.S): the callee-saved ones, sp, and where to resume. */
struct cpu_context {
	u32 r4, r5, r6, r7, r8, r9, r10;
	u32 fp;		/* r11 */
	u32 sp;
	u32 pc;		/* lr at the time of the switch */
};

struct thread_info {
	struct cpu_context cpu_context;	/* must be first: __switch_to stores at offset 0 */
	int preempt_count;		/* > 0: this thread must not be preempted */
	volatile int need_resched;	/* set by the tick or a wakeup: call schedule() soon */
	/* true: "user" pointers may point anywhere, so kernel code can call read/write paths
	 * with kernel buffers (kernel threads; Linux's set_fs(KERNEL_DS)). false: user
	 * pointers must lie below TASK_SIZE (every user process). */
	bool kernel_ds;
};

static inline struct thread_info *current_thread_info(void)
{
	struct thread_info *ti;

	__asm__("mrc p15, 0, %0, c13, c0, 4" : "=r"(ti));
	return ti;
}
#endif

#endif
