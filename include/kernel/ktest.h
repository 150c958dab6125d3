/* SPDX-License-Identifier: MIT */
/*
 * In-kernel tests (ktest). Each test is a function registered with KTEST(name) in
 * tests/ktest/; the boot option ktest=NAME[,NAME...] (or ktest=all) runs them in a kernel
 * thread after boot and prints TAP ("ok 3 - tlb_stale_without_invalidate"), then powers
 * off with the number of failures as the status. tools/run-tests counts the TAP lines.
 *
 * KTEST_NAMED tests run only when named, never as part of ktest=all: those that crash the
 * kernel on purpose (the panic report tests) and those that need a device the plain boot
 * does not have (an initrd, a virtio disk); their QEMU suite boots with it and names them.
 */
#ifndef KERNEL_KTEST_H
#define KERNEL_KTEST_H

#include <types.h>
#include <kernel/printk.h>

struct ktest {
	const char *name;
	void (*fn)(void);
	bool only_when_named;
};

#define __KTEST(tname, named)                                                     \
	static void ktest_##tname(void);                                          \
	static const struct ktest __ktest_##tname                                 \
		__attribute__((section(".ktest"), used, aligned(4))) = {          \
			#tname, ktest_##tname, named };                           \
	static void ktest_##tname(void)

#define KTEST(name) __KTEST(name, false)
#define KTEST_NAMED(name) __KTEST(name, true)

/* Marks the running test failed; the message says what was expected and what was seen. */
void ktest_fail(const char *file, int line, const char *fmt, ...) __printf(3, 4);

#define KTEST_EXPECT(cond, ...)                                        \
	do {                                                           \
		if (!(cond))                                           \
			ktest_fail(__FILE__, __LINE__, __VA_ARGS__);   \
	} while (0)

#define KTEST_EXPECT_EQ(seen, expected)                                                   \
	do {                                                                              \
		unsigned long __s = (unsigned long)(seen), __e = (unsigned long)(expected);\
		if (__s != __e)                                                           \
			ktest_fail(__FILE__, __LINE__, "%s: expected %lu (0x%lx), seen %lu (0x%lx)", \
				   #seen, __e, __e, __s, __s);                            \
	} while (0)

/* Runs the tests the command line selects; returns the number that failed. */
int ktest_run_selected(void);
bool ktest_requested(void);

#endif
