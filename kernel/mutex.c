// SPDX-License-Identifier: MIT
/* Sleeping locks on top of a wait queue (include/kernel/mutex.h). */
#include <kernel/mutex.h>
#include <kernel/panic.h>

void mutex_init(struct mutex *m)
{
	spin_lock_init(&m->lock);
	m->owner = NULL;
	init_waitqueue_head(&m->wait);
}

bool mutex_trylock(struct mutex *m)
{
	bool got = false;

	spin_lock(&m->lock);
	if (!m->owner) {
		m->owner = current;
		got = true;
	}
	spin_unlock(&m->lock);
	return got;
}

void mutex_lock(struct mutex *m)
{
	BUG_ON(m->owner == current);	/* recursive locking would sleep forever */
	wait_event(m->wait, mutex_trylock(m));
}

void mutex_unlock(struct mutex *m)
{
	BUG_ON(m->owner != current);
	spin_lock(&m->lock);
	m->owner = NULL;
	spin_unlock(&m->lock);
	wake_up_one(&m->wait);
}

bool mutex_is_locked(struct mutex *m)
{
	return READ_ONCE(m->owner) != NULL;
}
