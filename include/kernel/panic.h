/* SPDX-License-Identifier: MIT */
#ifndef KERNEL_PANIC_H
#define KERNEL_PANIC_H

#include <types.h>

struct pt_regs;

/* Stops the kernel: prints the message and a backtrace, then powers off (boot option
 * panic=poweroff, status 255) or halts with interrupts masked. */
void panic(const char *fmt, ...) __noreturn __printf(1, 2);

/* The report for a fatal exception in kernel mode: registers, fault, backtrace; then panic. */
void die(const char *why, struct pt_regs *regs, u32 fsr, u32 far) __noreturn;

void show_regs(const struct pt_regs *regs);

#define BUG() panic("BUG at %s:%d (%s)", __FILE__, __LINE__, __func__)
#define BUG_ON(cond)                 \
	do {                         \
		if (unlikely(cond))  \
			BUG();       \
	} while (0)

void __warn(const char *file, int line, const char *cond);
#define WARN_ON(cond)                                             \
	({                                                        \
		bool __c = !!(cond);                              \
		if (unlikely(__c))                                \
			__warn(__FILE__, __LINE__, #cond);        \
		__c;                                              \
	})
#define WARN_ON_ONCE(cond)                                        \
	({                                                        \
		static bool __warned;                             \
		bool __c = !!(cond);                              \
		if (unlikely(__c) && !__warned) {                 \
			__warned = true;                          \
			__warn(__FILE__, __LINE__, #cond);        \
		}                                                 \
		__c;                                              \
	})

#endif
