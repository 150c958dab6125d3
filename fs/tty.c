// SPDX-License-Identifier: MIT
/*
 * The console as a file (/dev/console): what processes read and write on descriptors 0, 1
 * and 2. Output goes to the UART; input is a line at a time ("canonical mode"): characters
 * are echoed, backspace erases, Enter (\r from a terminal) ends the line, Ctrl-D at the start
 * of a line is end-of-file, Ctrl-C sends SIGINT to the process reading.
 */
#include <fs/fs.h>
#include <drivers/console.h>
#include <kernel/uaccess.h>
#include <kernel/signal.h>
#include <kernel/sched.h>
#include <kernel/mutex.h>
#include <kernel/errno.h>
#include <mm/slab.h>
#include <lib/string.h>

#define TTY_LINE_MAX 256

static char line[TTY_LINE_MAX];
static size_t line_len, line_pos;	/* a finished line waiting to be read, and how far */
static bool line_eof;
static DEFINE_MUTEX(tty_read_lock);

static void echo(const char *s, size_t n)
{
	pl011_write(s, n);
}

/* Collects one line (or EOF) into line[]. */
static void tty_read_line(void)
{
	line_len = line_pos = 0;
	line_eof = false;
	for (;;) {
		int c = console_getc();

		if (c == '\r' || c == '\n') {
			echo("\n", 1);
			line[line_len++] = '\n';
			return;
		}
		if (c == 4) {		/* Ctrl-D */
			if (line_len == 0)
				line_eof = true;
			return;
		}
		if (c == 3) {		/* Ctrl-C */
			echo("^C\n", 3);
			send_sig(SIGINT, current);
			line_len = 0;
			return;
		}
		if (c == 0x7f || c == 8) {
			if (line_len) {
				line_len--;
				echo("\b \b", 3);
			}
			continue;
		}
		if (line_len < TTY_LINE_MAX - 1) {
			char ch = (char)c;

			line[line_len++] = ch;
			echo(&ch, 1);
		}
	}
}

static ssize_t tty_read(struct file *file, char __user *buf, size_t len, loff_t *pos)
{
	size_t n;

	mutex_lock(&tty_read_lock);
	if (line_pos == line_len) {
		tty_read_line();
		if (line_eof) {
			mutex_unlock(&tty_read_lock);
			return 0;
		}
	}
	n = min(len, line_len - line_pos);
	if (copy_to_user(buf, line + line_pos, n)) {
		mutex_unlock(&tty_read_lock);
		return -EFAULT;
	}
	line_pos += n;
	mutex_unlock(&tty_read_lock);
	return (ssize_t)n;
}

static ssize_t tty_write(struct file *file, const char __user *buf, size_t len, loff_t *pos)
{
	char chunk[128];
	size_t done = 0;

	while (done < len) {
		size_t n = min(sizeof(chunk), len - done);

		if (copy_from_user(chunk, buf + done, n))
			return done ? (ssize_t)done : -EFAULT;
		pl011_write(chunk, n);
		done += n;
	}
	return (ssize_t)done;
}

static const struct file_operations tty_fops = {
	.read = tty_read,
	.write = tty_write,
};

bool file_is_tty(const struct file *file)
{
	return file->f_op == &tty_fops;
}

/* A new open file of the console. */
struct file *console_open(void)
{
	struct inode *inode = anon_inode_new(S_IFCHR | 0620, &tty_fops);
	struct file *file;

	if (!inode)
		return NULL;
	file = alloc_file(inode, O_RDWR, &tty_fops);
	if (!file)
		iput(inode);
	return file;
}
