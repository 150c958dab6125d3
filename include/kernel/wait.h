/* SPDX-License-Identifier: MIT */
/*
 * Wait queues, as in Linux: a thread that must wait for an event puts itself on the event's
 * queue, marks itself asleep, checks the condition once more and calls schedule(); the code
 * that makes the condition true calls wake_up(). Checking after marking closes the race
 * where the wakeup happens between the check and the sleep: wake_up() then sets the thread
 * running again and schedule() returns at once.
 */
#ifndef KERNEL_WAIT_H
#define KERNEL_WAIT_H

#include <kernel/spinlock.h>
#include <kernel/sched.h>
#include <lib/list.h>

struct wait_queue_entry {
	struct task_struct *task;
	struct list_head entry;
};

struct wait_queue_head {
	spinlock_t lock;
	struct list_head head;
};
typedef struct wait_queue_head wait_queue_head_t;

#define __WAIT_QUEUE_HEAD_INITIALIZER(name) { __SPIN_LOCK_UNLOCKED, LIST_HEAD_INIT((name).head) }
#define DECLARE_WAIT_QUEUE_HEAD(name) wait_queue_head_t name = __WAIT_QUEUE_HEAD_INITIALIZER(name)

void init_waitqueue_head(wait_queue_head_t *wq);
void prepare_to_wait(wait_queue_head_t *wq, struct wait_queue_entry *wait, long state);
void finish_wait(wait_queue_head_t *wq, struct wait_queue_entry *wait);
void wake_up(wait_queue_head_t *wq);		/* every waiter */
void wake_up_one(wait_queue_head_t *wq);	/* the longest waiting one */

#define DEFINE_WAIT(name) \
	struct wait_queue_entry name = { current, LIST_HEAD_INIT((name).entry) }

#define __wait_event(wq, condition, state)                    \
	do {                                                  \
		DEFINE_WAIT(__wait);                          \
		for (;;) {                                    \
			prepare_to_wait(&(wq), &__wait, state); \
			if (condition)                        \
				break;                        \
			schedule();                           \
		}                                             \
		finish_wait(&(wq), &__wait);                  \
	} while (0)

/* Sleeps until condition is true. */
#define wait_event(wq, condition)                                       \
	do {                                                            \
		if (!(condition))                                       \
			__wait_event(wq, condition, TASK_UNINTERRUPTIBLE); \
	} while (0)

#endif
