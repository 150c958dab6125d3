// SPDX-License-Identifier: MIT
/*
 * Pipes: a one-page ring buffer between a read end and a write end. A reader sleeps while
 * it is empty and there is a writer; a writer sleeps while it is full and there is a
 * reader. With no writer left, read returns 0 (end of file); with no reader left, write
 * fails with -EPIPE and the writer gets SIGPIPE.
 */
#include <fs/fs.h>
#include <kernel/wait.h>
#include <kernel/uaccess.h>
#include <kernel/signal.h>
#include <kernel/errno.h>
#include <mm/page_alloc.h>
#include <mm/slab.h>

struct pipe {
	struct mutex lock;
	wait_queue_head_t wait;		/* readers and writers both sleep here */
	char *buf;			/* PAGE_SIZE bytes */
	size_t head, len;		/* next byte to read, bytes in the buffer */
	int readers, writers;
};

static struct pipe *pipe_of(struct file *file)
{
	return file->f_inode->i_private;
}

static ssize_t pipe_read(struct file *file, char __user *buf, size_t count, loff_t *pos)
{
	struct pipe *p = pipe_of(file);
	size_t done = 0;

	if (count == 0)
		return 0;
	wait_event(p->wait, p->len > 0 || p->writers == 0 ||
			    (current->sigpending & ~current->blocked));
	mutex_lock(&p->lock);
	while (done < count && p->len > 0) {
		size_t n = min(count - done, min(p->len, PAGE_SIZE - p->head));

		if (copy_to_user(buf + done, p->buf + p->head, n)) {
			mutex_unlock(&p->lock);
			return done ? (ssize_t)done : -EFAULT;
		}
		p->head = (p->head + n) % PAGE_SIZE;
		p->len -= n;
		done += n;
	}
	mutex_unlock(&p->lock);
	wake_up(&p->wait);
	if (!done && p->writers)
		return -EINTR;	/* woken by a signal */
	return (ssize_t)done;
}

static ssize_t pipe_write(struct file *file, const char __user *buf, size_t count, loff_t *pos)
{
	struct pipe *p = pipe_of(file);
	size_t done = 0;

	while (done < count) {
		wait_event(p->wait, p->len < PAGE_SIZE || p->readers == 0 ||
				    (current->sigpending & ~current->blocked));
		if (p->readers == 0) {
			send_sig(SIGPIPE, current);
			return done ? (ssize_t)done : -EPIPE;
		}
		if (p->len == PAGE_SIZE)
			return done ? (ssize_t)done : -EINTR;
		mutex_lock(&p->lock);
		while (done < count && p->len < PAGE_SIZE) {
			size_t tail = (p->head + p->len) % PAGE_SIZE;
			size_t n = min(count - done, min(PAGE_SIZE - p->len, PAGE_SIZE - tail));

			if (copy_from_user(p->buf + tail, buf + done, n)) {
				mutex_unlock(&p->lock);
				return done ? (ssize_t)done : -EFAULT;
			}
			p->len += n;
			done += n;
		}
		mutex_unlock(&p->lock);
		wake_up(&p->wait);
	}
	return (ssize_t)done;
}

static int pipe_release(struct inode *inode, struct file *file)
{
	struct pipe *p = inode->i_private;

	mutex_lock(&p->lock);
	if ((file->f_flags & O_ACCMODE) == O_RDONLY)
		p->readers--;
	else
		p->writers--;
	mutex_unlock(&p->lock);
	wake_up(&p->wait);
	if (p->readers == 0 && p->writers == 0) {
		free_page((unsigned long)p->buf);
		kfree(p);
		inode->i_private = NULL;
	}
	return 0;
}

static const struct file_operations pipe_fops = {
	.read = pipe_read,
	.write = pipe_write,
	.release = pipe_release,
};

static struct file *pipe_file(struct inode *inode, unsigned int flags)
{
	return alloc_file(inode, flags, &pipe_fops);
}

int do_pipe(struct file *files[2])
{
	struct pipe *p = kzalloc(sizeof(*p));
	struct inode *inode;

	if (!p)
		return -ENOMEM;
	p->buf = (char *)__get_free_pages(0);
	inode = p->buf ? anon_inode_new(S_IFIFO | 0600, &pipe_fops) : NULL;
	if (!inode) {
		free_page((unsigned long)p->buf);
		kfree(p);
		return -ENOMEM;
	}
	mutex_init(&p->lock);
	init_waitqueue_head(&p->wait);
	p->readers = p->writers = 1;
	inode->i_private = p;
	files[0] = pipe_file(inode, O_RDONLY);
	ihold(inode);
	files[1] = pipe_file(inode, O_WRONLY);
	if (!files[0] || !files[1]) {
		/* Dropping what exists closes its end; the pipe goes with the last one. */
		if (files[0])
			fput(files[0]);
		else
			p->readers--;
		if (files[1])
			fput(files[1]);
		else {
			p->writers--;
			iput(inode);
		}
		return -ENOMEM;
	}
	return 0;
}
