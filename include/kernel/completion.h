/* SPDX-License-Identifier: MIT */
/*
 * Completions: "wait until this one thing has happened", e.g. an I/O. complete() may be
 * called from an interrupt handler, before or after the waiter starts waiting.
 */
#ifndef KERNEL_COMPLETION_H
#define KERNEL_COMPLETION_H

#include <kernel/wait.h>

struct completion {
	volatile unsigned int done;
	wait_queue_head_t wait;
};

static inline void init_completion(struct completion *c)
{
	c->done = 0;
	init_waitqueue_head(&c->wait);
}

static inline void complete(struct completion *c)
{
	unsigned long flags;

	spin_lock_irqsave(&c->wait.lock, flags);
	c->done++;
	spin_unlock_irqrestore(&c->wait.lock, flags);
	wake_up(&c->wait);
}

static inline void wait_for_completion(struct completion *c)
{
	wait_event(c->wait, c->done != 0);
	c->done--;
}

#endif
