// SPDX-License-Identifier: MIT
/*
 * The system-call entry: svc #0 from user mode arrives in do_svc with the caller's
 * registers saved; r7 holds the number (Linux ARM EABI numbers), r0-r5 the arguments, and
 * the result goes back in r0. On the way out, exit_to_user_mode handles a pending reschedule
 * and pending signals — for every return to user mode, not only from system calls.
 */
#include <kernel/syscalls.h>
#include <kernel/sched.h>
#include <kernel/signal.h>
#include <kernel/preempt.h>
#include <kernel/panic.h>
#include <kernel/printk.h>
#include <kernel/errno.h>
#include <kernel/traps.h>
#include <asm/ptrace.h>
#include <asm/tls.h>
#include <asm/irqflags.h>

typedef long (*syscall_fn)(long, long, long, long, long, long);

/* Through void (*)(void), which C lets us cast to any function type: on AAPCS a function
 * simply ignores the argument registers it does not use. */
#define SYS(nr, fn) [nr] = (syscall_fn)(void (*)(void))(fn)

long sys_getpid(void);
long sys_getppid(void);
long sys_brk(unsigned long brk);
long sys_sched_yield(void);
long sys_clock_gettime();
long sys_nanosleep();
long sys_uname();
long sys_reboot();
long sys_syslog();
long sys_mmap2();
long sys_munmap();
long sys_open();
long sys_close();
long sys_read();
long sys_write();
long sys_lseek();
long sys_llseek();
long sys_fstat64();
long sys_stat64();
long sys_lstat64();
long sys_getdents64();
long sys_unlink();
long sys_link();
long sys_symlink();
long sys_rename();
long sys_umask();
long sys_sigaltstack();
long sys_getuid();
long sys_clock_getres();
long sys_fdatasync();
long sys_dup3();
long sys_fchdir();
long sys_chmod();
long sys_fchmod();
long sys_rmdir();
long sys_mkdir();
long sys_chdir();
long sys_getcwd();
long sys_dup();
long sys_dup2();
long sys_pipe();
long sys_pipe2();
long sys_ftruncate();
long sys_truncate();
long sys_fsync();
long sys_sync();
long sys_readlink();
long sys_ioctl();
long sys_mount();
long sys_umount2();
long sys_rt_sigaction();
long sys_mprotect();
long sys_msync();
long sys_mincore();
long sys_madvise();
long sys_rt_sigpending();
long sys_rt_sigsuspend();
long sys_pause();
long sys_setitimer();
long sys_pread64();
long sys_pwrite64();
long sys_fcntl();
long sys_access();
long sys_remap_file_pages();
long sys_swapon();
long sys_swapoff();
long sys_rt_sigprocmask();
long sys_rt_sigreturn();

/* Linux ARM EABI numbers: arch/arm/tools/syscall.tbl. */
static const syscall_fn syscall_table[] = {
	SYS(1, sys_exit),
	SYS(2, sys_fork),
	SYS(3, sys_read),
	SYS(4, sys_write),
	SYS(5, sys_open),
	SYS(6, sys_close),
	SYS(9, sys_link),
	SYS(10, sys_unlink),
	SYS(11, sys_execve),
	SYS(12, sys_chdir),
	SYS(15, sys_chmod),
	SYS(19, sys_lseek),
	SYS(20, sys_getpid),
	SYS(21, sys_mount),
	SYS(29, sys_pause),
	SYS(33, sys_access),
	SYS(36, sys_sync),
	SYS(37, sys_kill),
	SYS(38, sys_rename),
	SYS(39, sys_mkdir),
	SYS(40, sys_rmdir),
	SYS(41, sys_dup),
	SYS(42, sys_pipe),
	SYS(45, sys_brk),
	SYS(52, sys_umount2),
	SYS(54, sys_ioctl),
	SYS(55, sys_fcntl),
	SYS(60, sys_umask),
	SYS(63, sys_dup2),
	SYS(64, sys_getppid),
	SYS(83, sys_symlink),
	SYS(85, sys_readlink),
	SYS(87, sys_swapon),
	SYS(88, sys_reboot),
	SYS(91, sys_munmap),
	SYS(92, sys_truncate),
	SYS(93, sys_ftruncate),
	SYS(94, sys_fchmod),
	SYS(103, sys_syslog),
	SYS(104, sys_setitimer),
	SYS(114, sys_wait4),
	SYS(119, sys_rt_sigreturn),	/* sigreturn: our frames are always rt frames */
	SYS(115, sys_swapoff),
	SYS(118, sys_fsync),
	SYS(125, sys_mprotect),
	SYS(122, sys_uname),
	SYS(133, sys_fchdir),
	SYS(140, sys_llseek),
	SYS(144, sys_msync),
	SYS(148, sys_fdatasync),
	SYS(158, sys_sched_yield),
	SYS(162, sys_nanosleep),
	SYS(173, sys_rt_sigreturn),
	SYS(174, sys_rt_sigaction),
	SYS(175, sys_rt_sigprocmask),
	SYS(176, sys_rt_sigpending),
	SYS(179, sys_rt_sigsuspend),
	SYS(180, sys_pread64),
	SYS(181, sys_pwrite64),
	SYS(183, sys_getcwd),
	SYS(186, sys_sigaltstack),
	SYS(190, sys_fork),		/* vfork: a fork is a correct (slower) vfork */
	SYS(192, sys_mmap2),
	SYS(195, sys_stat64),
	SYS(196, sys_lstat64),
	SYS(197, sys_fstat64),
	SYS(199, sys_getuid),		/* getuid32 */
	SYS(200, sys_getuid),		/* getgid32: 0, like the uid */
	SYS(201, sys_getuid),		/* geteuid32 */
	SYS(202, sys_getuid),		/* getegid32 */
	SYS(217, sys_getdents64),
	SYS(219, sys_mincore),
	SYS(220, sys_madvise),
	SYS(248, sys_exit),		/* exit_group: one thread per process */
	SYS(253, sys_remap_file_pages),
	SYS(263, sys_clock_gettime),
	SYS(264, sys_clock_getres),
	SYS(358, sys_dup3),
	SYS(359, sys_pipe2),
};

#define NR_SYSCALLS ARRAY_SIZE(syscall_table)
#define ARM_NR_BASE 0x0f0000
#define ARM_NR_set_tls (ARM_NR_BASE + 5)

void exit_to_user_mode(struct pt_regs *regs)
{
	for (;;) {
		local_irq_disable();
		if (need_resched()) {
			schedule();
			continue;
		}
		if (current->sigpending & ~current->blocked) {
			local_irq_enable();
			do_signal(regs);
			continue;
		}
		break;
	}
}

void do_svc(struct pt_regs *regs)
{
	unsigned int nr = regs->uregs[7];
	long ret;
	u32 *r = regs->uregs;

	if (!user_mode(regs))
		die("Supervisor call from kernel mode", regs, 0, regs->pc - 4);
	local_irq_enable();
	if (nr < NR_SYSCALLS && syscall_table[nr]) {
		ret = syscall_table[nr](r[0], r[1], r[2], r[3], r[4], r[5]);
	} else if (nr == ARM_NR_set_tls) {
		current->tls = r[0];
		set_tls_register(r[0]);
		ret = 0;
	} else {
		printk(KERN_DEBUG "%s[%d]: unknown system call %u\n", current->comm, current->pid,
		       nr);
		ret = -ENOSYS;
	}
	regs->uregs[0] = (u32)ret;
	exit_to_user_mode(regs);
}
