// SPDX-License-Identifier: MIT
/*
 * fork(): a copy of the calling process. The child gets a copy of the address space in
 * which no page is copied yet (dup_mm -> copy_page_range: private writable pages become
 * read-only in both, and the first write copies them: do_wp_page), the same open files,
 * the same working directory, and the parent's registers with r0 = 0.
 */
#include <kernel/sched.h>
#include <kernel/files.h>
#include <kernel/errno.h>
#include <kernel/syscalls.h>
#include <kernel/signal.h>
#include <mm/mmap.h>
#include <fs/fs.h>
#include <asm/ptrace.h>
#include <lib/string.h>

long sys_fork(void)
{
	struct task_struct *parent = current, *child;
	struct pt_regs *regs;

	child = task_alloc(parent->comm);
	if (!child)
		return -ENOMEM;
	child->mm = dup_mm(parent->mm);
	child->files = files_dup(parent->files);
	if (!child->mm || !child->files) {
		mmput(child->mm);
		files_put(child->files);
		task_free(child);
		return -ENOMEM;
	}
	child->cwd = parent->cwd;
	if (child->cwd)
		ihold(child->cwd);
	strlcpy(child->cwd_path, parent->cwd_path, sizeof(child->cwd_path));
	child->umask = parent->umask;
	child->tls = parent->tls;
	child->blocked = parent->blocked;
	child->sas_ss_sp = parent->sas_ss_sp;	/* the child's memory is a copy: same stack */
	child->sas_ss_size = parent->sas_ss_size;
	if (copy_sighand(child, parent)) {
		mmput(child->mm);
		files_put(child->files);
		iput(child->cwd);
		task_free(child);
		return -ENOMEM;
	}

	regs = task_pt_regs(child);
	*regs = *task_pt_regs(parent);
	regs->uregs[0] = 0;			/* fork returns 0 in the child */
	child->ti.cpu_context.r4 = 0;		/* ret_from_fork: straight to user mode */

	child->parent = parent;
	list_add_tail(&child->sibling, &parent->children);
	task_attach(child);
	wake_up_process(child);
	return child->pid;
}
