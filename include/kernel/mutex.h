/* SPDX-License-Identifier: MIT */
/*
 * Sleeping locks. Unlike a spinlock, a mutex may be held across a sleep (I/O, allocation);
 * a thread that finds it taken sleeps on its wait queue instead of spinning.
 */
#ifndef KERNEL_MUTEX_H
#define KERNEL_MUTEX_H

#include <kernel/wait.h>

struct mutex {
	spinlock_t lock;		/* protects owner */
	struct task_struct *owner;	/* NULL when free */
	wait_queue_head_t wait;
};

#define DEFINE_MUTEX(name) \
	struct mutex name = { __SPIN_LOCK_UNLOCKED, NULL, __WAIT_QUEUE_HEAD_INITIALIZER(name.wait) }

void mutex_init(struct mutex *m);
void mutex_lock(struct mutex *m);
bool mutex_trylock(struct mutex *m);
void mutex_unlock(struct mutex *m);
bool mutex_is_locked(struct mutex *m);

#endif
