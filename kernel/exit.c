// SPDX-License-Identifier: MIT
/*
 * A process ends: it gives back its memory, files and directory at once, but its task
 * stays as a zombie holding the exit status until its parent collects it with wait4. Its
 * children go to init (pid 1), which reaps orphans.
 */
#include <kernel/exit.h>
#include <kernel/sched.h>
#include <kernel/files.h>
#include <kernel/signal.h>
#include <kernel/wait.h>
#include <kernel/printk.h>
#include <kernel/reboot.h>
#include <kernel/panic.h>
#include <kernel/errno.h>
#include <kernel/uaccess.h>
#include <kernel/syscalls.h>
#include <mm/mmap.h>
#include <mm/mmu_context.h>
#include <fs/fs.h>

/* Every wait4 sleeps here and looks again when any process exits. */
static DECLARE_WAIT_QUEUE_HEAD(child_exit_wait);

static void reparent_children(struct task_struct *dying)
{
	struct task_struct *init = find_task_by_pid(1), *child, *next;

	list_for_each_entry_safe(child, next, &dying->children, sibling) {
		list_del(&child->sibling);
		child->parent = init;
		if (init)
			list_add_tail(&child->sibling, &init->children);
	}
}

void do_exit(int status)
{
	struct task_struct *tsk = current;
	struct mm_struct *mm = tsk->mm;

	local_irq_enable();
	if (tsk->pid == 1) {
		/* init ended (the init= program of a test): the machine's work is done. */
		int code = (status & 0x7f) ? 128 + (status & 0x7f) : (status >> 8) & 0xff;

		printk(KERN_INFO "init exited with status %d\n", code);
		sync_filesystems();
		machine_power_off(code);
	}
	if (mm) {
		tsk->mm = NULL;
		switch_to_kernel_mm();
		mmput(mm);
	}
	files_put(tsk->files);
	tsk->files = NULL;
	iput(tsk->cwd);
	tsk->cwd = NULL;
	free_sighand(tsk);
	reparent_children(tsk);

	local_irq_disable();
	tsk->exit_code = status;
	tsk->exit_state = EXIT_ZOMBIE;
	tsk->state = TASK_ZOMBIE;
	if (tsk->parent)
		send_sig_from(SIGCHLD, tsk->parent, tsk->pid);	/* ignored unless handled */
	wake_up(&child_exit_wait);
	schedule();
	BUG();	/* a zombie is never scheduled again */
}

/* A child that matches pid (-1: any child), or NULL; sets *any if some child exists. */
static struct task_struct *find_zombie(int pid, bool *any)
{
	struct task_struct *child;

	*any = false;
	list_for_each_entry(child, &current->children, sibling) {
		if (pid > 0 && child->pid != pid)
			continue;
		*any = true;
		if (child->exit_state == EXIT_ZOMBIE)
			return child;
	}
	return NULL;
}

long do_wait4(int pid, int *status, int options)
{
	struct task_struct *zombie;
	bool any;
	long ret;

	if (pid < -1 || pid == 0)
		return -EINVAL;	/* process groups are not implemented */
	if (options & ~WNOHANG)
		return -EINVAL;
	for (;;) {
		DEFINE_WAIT(wait);

		prepare_to_wait(&child_exit_wait, &wait, TASK_INTERRUPTIBLE);
		zombie = find_zombie(pid, &any);
		if (zombie || !any || (options & WNOHANG) ||
		    (current->sigpending & ~current->blocked & ~(1UL << SIGCHLD))) {
			finish_wait(&child_exit_wait, &wait);
			break;
		}
		schedule();
		finish_wait(&child_exit_wait, &wait);
	}
	if (!zombie) {
		if (!any)
			return -ECHILD;
		return (options & WNOHANG) ? 0 : -EINTR;
	}
	*status = zombie->exit_code;
	ret = zombie->pid;
	list_del(&zombie->sibling);
	task_detach(zombie);
	task_free(zombie);
	return ret;
}

long sys_exit(int code)
{
	do_exit(W_EXITED(code));
}

long sys_wait4(int pid, int __user *status, int options, void __user *rusage)
{
	int st = 0;
	long ret = do_wait4(pid, &st, options);

	if (ret > 0 && status && put_user_u32((u32)st, (u32 __user *)status))
		return -EFAULT;
	if (ret > 0 && rusage && clear_user(rusage, 72))	/* struct rusage: zeros */
		return -EFAULT;
	return ret;
}

long sys_kill(int pid, int sig)
{
	struct task_struct *p;

	if (sig < 0 || sig >= NSIG)
		return -EINVAL;
	if (pid <= 0)
		return -EINVAL;	/* process groups are not implemented */
	p = find_task_by_pid(pid);
	if (!p || p->exit_state || !p->mm)
		return -ESRCH;
	return sig ? send_sig_from(sig, p, current->pid) : 0;
}
