/* SPDX-License-Identifier: MIT */
/*
 * Kernel preemption control. A thread is preempted (at the end of an interrupt, or when
 * preemption is enabled again) only while its preempt_count is zero; spinlocks raise it.
 */
#ifndef KERNEL_PREEMPT_H
#define KERNEL_PREEMPT_H

#include <asm/thread_info.h>
#include <asm/barrier.h>
#include <asm/irqflags.h>

void preempt_schedule(void);

static inline int preempt_count(void)
{
	return current_thread_info()->preempt_count;
}

static inline void preempt_disable(void)
{
	current_thread_info()->preempt_count++;
	barrier();
}

static inline void preempt_enable_no_resched(void)
{
	barrier();
	current_thread_info()->preempt_count--;
}

static inline void preempt_enable(void)
{
	struct thread_info *ti = current_thread_info();

	barrier();
	if (--ti->preempt_count == 0 && ti->need_resched && !irqs_disabled())
		preempt_schedule();
}

static inline bool need_resched(void)
{
	return current_thread_info()->need_resched;
}

#endif
