// SPDX-License-Identifier: MIT
/*
 * printk: format a message, store it in the log ring buffer, and write it to the console if
 * its level is important enough. Before the console exists (the first lines of
 * start_kernel), messages wait in the buffer and are replayed when it is registered.
 */
#include <kernel/printk.h>
#include <kernel/spinlock.h>
#include <kernel/timer.h>
#include <lib/vsprintf.h>
#include <lib/string.h>
#include <drivers/console.h>

int console_loglevel = 7;

static char log_buf[LOG_BUF_SIZE];
static unsigned long log_end;		/* total bytes ever logged; log_buf[i % SIZE] */
static DEFINE_SPINLOCK(logbuf_lock);
static bool console_ready;
static bool oops_in_progress;
static bool clock_ready;

void printk_clock_ready(void)
{
	clock_ready = true;
}

static void log_store(const char *s, size_t len)
{
	while (len--)
		log_buf[log_end++ % LOG_BUF_SIZE] = *s++;
}

size_t log_buf_read(char *dst, size_t len)
{
	unsigned long flags, start, i;
	size_t n = 0;

	spin_lock_irqsave(&logbuf_lock, flags);
	start = log_end > LOG_BUF_SIZE ? log_end - LOG_BUF_SIZE : 0;
	for (i = start; i < log_end && n < len; i++)
		dst[n++] = log_buf[i % LOG_BUF_SIZE];
	spin_unlock_irqrestore(&logbuf_lock, flags);
	return n;
}

void printk_bust_locks(void)
{
	oops_in_progress = true;
}

/* The console is ready: write out what was logged before it. */
void console_register(void)
{
	char line[128];
	unsigned long flags, i;

	spin_lock_irqsave(&logbuf_lock, flags);
	console_ready = true;
	for (i = 0; i < log_end && i < LOG_BUF_SIZE; i += sizeof(line)) {
		size_t n = min(sizeof(line), (size_t)(log_end - i));

		memcpy(line, log_buf + i, n);
		pl011_write(line, n);
	}
	spin_unlock_irqrestore(&logbuf_lock, flags);
}

int vprintk(const char *fmt, va_list args)
{
	static char text[512];	/* under logbuf_lock */
	char prefix[24];
	unsigned long flags = 0;
	int level = 6, len, plen = 0;
	bool locked = true;

	if (fmt[0] == '<' && fmt[1] >= '0' && fmt[1] <= '7' && fmt[2] == '>') {
		level = fmt[1] - '0';
		fmt += 3;
	}
	/* During a panic another CPU, or the code that faulted, may hold the lock: try it and
	 * print anyway rather than hang with the report unwritten. */
	if (oops_in_progress) {
		flags = local_irq_save();
		locked = arch_spin_trylock(&logbuf_lock.raw);
	} else {
		spin_lock_irqsave(&logbuf_lock, flags);
	}

	if (clock_ready) {
		u64 ns = ktime_get_ns();

		plen = snprintf(prefix, sizeof(prefix), "[%5u.%06u] ",
				(unsigned int)(ns / NSEC_PER_SEC),
				(unsigned int)(ns % NSEC_PER_SEC / 1000));
	} else {
		plen = snprintf(prefix, sizeof(prefix), "[%5u.%06u] ", 0u, 0u);
	}
	len = vsnprintf(text, sizeof(text), fmt, args);
	if (len >= (int)sizeof(text))
		len = sizeof(text) - 1;

	log_store(prefix, plen);
	log_store(text, len);
	if (console_ready && level < console_loglevel) {
		pl011_write(prefix, plen);
		pl011_write(text, len);
	}

	if (oops_in_progress) {
		if (locked)
			arch_spin_unlock(&logbuf_lock.raw);
		local_irq_restore(flags);
	} else {
		spin_unlock_irqrestore(&logbuf_lock, flags);
	}
	return len;
}

int printk(const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vprintk(fmt, ap);
	va_end(ap);
	return n;
}
