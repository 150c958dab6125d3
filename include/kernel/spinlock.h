/* SPDX-License-Identifier: MIT */
/*
 * Spinlocks: a ticket lock on ldrex/strex (ARM ARM A3.4) so that CPUs get the lock in the
 * order they asked for it. The 32-bit word holds two 16-bit halves:
 *
 *     31         16 15          0
 *    +-------------+-------------+
 *    |    next     |    owner    |
 *    +-------------+-------------+
 *
 * lock: atomically take a ticket (next++), then wait until owner reaches it (wfe sleeps
 * until the unlocking CPU's sev). unlock: owner++.
 *
 * spin_lock() also disables preemption: a thread holding a spinlock must not be switched
 * out, or another thread on this CPU could spin forever on it. Data also touched by an
 * interrupt handler must use spin_lock_irqsave(), or the handler could spin on a lock its
 * own CPU holds.
 */
#ifndef KERNEL_SPINLOCK_H
#define KERNEL_SPINLOCK_H

#include <types.h>
#include <asm/barrier.h>
#include <asm/irqflags.h>
#include <kernel/preempt.h>

typedef struct {
	volatile u32 slock;
} arch_spinlock_t;

typedef struct {
	arch_spinlock_t raw;
} spinlock_t;

#define __SPIN_LOCK_UNLOCKED { { 0 } }
#define DEFINE_SPINLOCK(name) spinlock_t name = __SPIN_LOCK_UNLOCKED

static inline void spin_lock_init(spinlock_t *lock)
{
	lock->raw.slock = 0;
}

static inline void arch_spin_lock(arch_spinlock_t *lock)
{
	u32 old, tmp, fail;

	__asm__ volatile("1:	ldrex	%0, [%3]\n"
			 "	add	%1, %0, #0x10000\n"
			 "	strex	%2, %1, [%3]\n"
			 "	teq	%2, #0\n"
			 "	bne	1b"
			 : "=&r"(old), "=&r"(tmp), "=&r"(fail)
			 : "r"(&lock->slock)
			 : "cc", "memory");
	while ((old >> 16) != (READ_ONCE(lock->slock) & 0xffff))
		__asm__ volatile("wfe" ::: "memory");
	dmb();
}

static inline bool arch_spin_trylock(arch_spinlock_t *lock)
{
	u32 v, busy, fail;

	/* busy = next - owner (as rotated halves): zero only when the lock is free. */
	do {
		__asm__ volatile("ldrex	%0, [%3]\n"
				 "	subs	%1, %0, %0, ror #16\n"
				 "	movne	%2, #0\n"
				 "	addeq	%0, %0, #0x10000\n"
				 "	strexeq	%2, %0, [%3]"
				 : "=&r"(v), "=&r"(busy), "=&r"(fail)
				 : "r"(&lock->slock)
				 : "cc", "memory");
	} while (fail);
	if (busy)
		return false;
	dmb();
	return true;
}

static inline void arch_spin_unlock(arch_spinlock_t *lock)
{
	dmb();
	/* Only the holder writes the owner half, so a plain halfword store is enough. */
	*(volatile u16 *)&lock->slock = (u16)(lock->slock + 1);
	dsb();
	__asm__ volatile("sev");
}

static inline bool arch_spin_is_locked(const arch_spinlock_t *lock)
{
	u32 v = READ_ONCE(lock->slock);

	return (v >> 16) != (v & 0xffff);
}

static inline void spin_lock(spinlock_t *lock)
{
	preempt_disable();
	arch_spin_lock(&lock->raw);
}

static inline bool spin_trylock(spinlock_t *lock)
{
	preempt_disable();
	if (arch_spin_trylock(&lock->raw))
		return true;
	preempt_enable();
	return false;
}

static inline void spin_unlock(spinlock_t *lock)
{
	arch_spin_unlock(&lock->raw);
	preempt_enable();
}

#define spin_lock_irqsave(lock, flags)      \
	do {                                \
		(flags) = local_irq_save(); \
		spin_lock(lock);            \
	} while (0)

static inline void spin_unlock_irqrestore(spinlock_t *lock, unsigned long flags)
{
	arch_spin_unlock(&lock->raw);
	local_irq_restore(flags);
	preempt_enable();
}

static inline bool spin_is_locked(const spinlock_t *lock)
{
	return arch_spin_is_locked(&lock->raw);
}

#endif
