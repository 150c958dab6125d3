/* SPDX-License-Identifier: MIT */
/*
 * printk: the kernel's log. Each message may start with a level, as in Linux:
 *   printk(KERN_ERR "ext2: bad magic %x\n", magic);
 * Messages go into a ring buffer (read back by dmesg) and, when their level is below
 * console_loglevel (boot option loglevel=N, default 7: everything but debug), to the console.
 */
#ifndef KERNEL_PRINTK_H
#define KERNEL_PRINTK_H

#include <types.h>
#include <stdarg.h>

#define KERN_EMERG	"<0>"
#define KERN_ALERT	"<1>"
#define KERN_CRIT	"<2>"
#define KERN_ERR	"<3>"
#define KERN_WARNING	"<4>"
#define KERN_NOTICE	"<5>"
#define KERN_INFO	"<6>"
#define KERN_DEBUG	"<7>"

#define LOG_BUF_SIZE	16384

int printk(const char *fmt, ...) __printf(1, 2);
int vprintk(const char *fmt, va_list args);
#define pr_err(...) printk(KERN_ERR __VA_ARGS__)
#define pr_warn(...) printk(KERN_WARNING __VA_ARGS__)
#define pr_info(...) printk(KERN_INFO __VA_ARGS__)
#define pr_debug(...) printk(KERN_DEBUG __VA_ARGS__)

/* Copies up to len bytes of the log, oldest first; returns the count. */
size_t log_buf_read(char *dst, size_t len);

/* Called by panic and the fault report: print even if another CPU holds the log lock. */
void printk_bust_locks(void);

extern int console_loglevel;

#endif
