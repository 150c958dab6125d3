/* SPDX-License-Identifier: MIT */
/*
 * Atomic bit operations on an unsigned long (page->flags): another CPU, or an interrupt
 * handler completing I/O, may change other bits of the same word at the same time.
 * The compiler's __atomic builtins become ldrex/strex loops on ARMv7.
 */
#ifndef ASM_BITOPS_H
#define ASM_BITOPS_H

#include <types.h>

static inline void set_bit(unsigned int nr, volatile unsigned long *addr)
{
	__atomic_fetch_or(addr, 1UL << nr, __ATOMIC_SEQ_CST);
}

static inline void clear_bit(unsigned int nr, volatile unsigned long *addr)
{
	__atomic_fetch_and(addr, ~(1UL << nr), __ATOMIC_SEQ_CST);
}

static inline bool test_and_set_bit(unsigned int nr, volatile unsigned long *addr)
{
	return __atomic_fetch_or(addr, 1UL << nr, __ATOMIC_SEQ_CST) & (1UL << nr);
}

static inline bool test_and_clear_bit(unsigned int nr, volatile unsigned long *addr)
{
	return __atomic_fetch_and(addr, ~(1UL << nr), __ATOMIC_SEQ_CST) & (1UL << nr);
}

static inline bool test_bit(unsigned int nr, const volatile unsigned long *addr)
{
	return (*addr >> nr) & 1;
}

#endif
