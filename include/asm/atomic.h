/* SPDX-License-Identifier: MIT */
/*
 * Atomic integers built on the exclusive monitor (ldrex/strex, ARM ARM A3.4): strex fails if
 * another CPU (or an exception on this one) touched the location since ldrex, and we retry.
 * The dmb on each side gives the full-barrier semantics Linux's value-returning atomics have.
 */
#ifndef ASM_ATOMIC_H
#define ASM_ATOMIC_H

#include <types.h>
#include <asm/barrier.h>

typedef struct {
	volatile int counter;
} atomic_t;

#define ATOMIC_INIT(i) { (i) }

static inline int atomic_read(const atomic_t *v)
{
	return READ_ONCE(v->counter);
}

static inline void atomic_set(atomic_t *v, int i)
{
	WRITE_ONCE(v->counter, i);
}

static inline int atomic_add_return(int i, atomic_t *v)
{
	int result;
	u32 fail;

	dmb();
	__asm__ volatile("1:	ldrex	%0, [%2]\n"
			 "	add	%0, %0, %3\n"
			 "	strex	%1, %0, [%2]\n"
			 "	teq	%1, #0\n"
			 "	bne	1b"
			 : "=&r"(result), "=&r"(fail)
			 : "r"(&v->counter), "Ir"(i)
			 : "cc", "memory");
	dmb();
	return result;
}

/* Stores new if *ptr == old; returns what *ptr held. */
static inline int atomic_cmpxchg(atomic_t *v, int old, int new)
{
	int seen;
	u32 fail;

	dmb();
	do {
		__asm__ volatile("ldrex	%1, [%2]\n"
				 "	mov	%0, #0\n"
				 "	teq	%1, %3\n"
				 "	strexeq	%0, %4, [%2]"
				 : "=&r"(fail), "=&r"(seen)
				 : "r"(&v->counter), "r"(old), "r"(new)
				 : "cc", "memory");
	} while (fail);
	dmb();
	return seen;
}

static inline int atomic_inc_return(atomic_t *v) { return atomic_add_return(1, v); }
static inline int atomic_dec_return(atomic_t *v) { return atomic_add_return(-1, v); }
static inline void atomic_inc(atomic_t *v) { atomic_add_return(1, v); }
static inline void atomic_dec(atomic_t *v) { atomic_add_return(-1, v); }
static inline bool atomic_dec_and_test(atomic_t *v) { return atomic_add_return(-1, v) == 0; }

#endif
