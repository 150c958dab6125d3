// SPDX-License-Identifier: MIT
/* The ktest runner: see include/kernel/ktest.h. */
#include <kernel/ktest.h>
#include <kernel/params.h>
#include <lib/vsprintf.h>
#include <lib/string.h>
#include <stdarg.h>

extern const struct ktest __ktest_start[], __ktest_end[];

static bool current_failed;

void ktest_fail(const char *file, int line, const char *fmt, ...)
{
	char msg[200];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	printk(KERN_ERR "# %s:%d: %s\n", file, line, msg);
	current_failed = true;
}

static bool selected(const struct ktest *t)
{
	char value[256];

	if (!cmdline_get("ktest", value, sizeof(value)))
		return false;
	/* "all" means every test that needs nothing but the plain boot and lets it live on. */
	if (t->only_when_named && !strcmp(value, "all"))
		return false;
	return cmdline_list_has("ktest", t->name);
}

bool ktest_requested(void)
{
	return cmdline_has("ktest");
}

int ktest_run_selected(void)
{
	const struct ktest *t;
	int n = 0, i = 0, failed = 0;

	for (t = __ktest_start; t < __ktest_end; t++)
		n += selected(t);
	printk(KERN_INFO "ktest: running %d tests\n", n);
	printk(KERN_INFO "1..%d\n", n);
	for (t = __ktest_start; t < __ktest_end; t++) {
		if (!selected(t))
			continue;
		current_failed = false;
		printk(KERN_INFO "# ktest: %s\n", t->name);
		t->fn();
		i++;
		printk(KERN_INFO "%s %d - %s\n", current_failed ? "not ok" : "ok", i, t->name);
		failed += current_failed;
	}
	printk(KERN_INFO "ktest: %d passed, %d failed\n", n - failed, failed);
	return failed;
}
