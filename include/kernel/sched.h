/* SPDX-License-Identifier: MIT */
/*
 * Threads and the scheduler: preemptive round robin over one run queue. The tick gives each
 * thread TIME_SLICE ticks; when they are used up, or a thread sleeps, the next runnable
 * thread in the queue runs. The idle thread (the boot thread, pid 0) runs when none is.
 */
#ifndef KERNEL_SCHED_H
#define KERNEL_SCHED_H

#include <types.h>
#include <lib/list.h>
#include <asm/thread_info.h>

struct blk_plug;
struct mm_struct;
struct files_struct;
struct inode;
struct wait_queue_head;
struct k_sigaction;
struct timer_list;

#define TASK_RUNNING		0
#define TASK_INTERRUPTIBLE	1	/* asleep; a signal may wake it (later) */
#define TASK_UNINTERRUPTIBLE	2	/* asleep until its wakeup, e.g. I/O */
#define TASK_DEAD		64

#define TASK_COMM_LEN	16
#define TIME_SLICE	5		/* ticks */

struct task_struct {
	struct thread_info ti;		/* first: see asm/thread_info.h */
	volatile long state;
	int pid;
	char comm[TASK_COMM_LEN];
	void *stack;			/* THREAD_SIZE bytes; NULL for the boot thread */
	struct list_head run_list;	/* on the run queue while on_rq */
	bool on_rq;
	int time_slice;
	struct list_head tasks;		/* all threads */
	u64 switches;			/* times this thread was switched in */
	struct blk_plug *plug;		/* bios held back for merging (block/blk-core.c) */
	bool in_reclaim;		/* reclaiming: its own allocations must not reclaim */

	/* A process (kernel/fork.c, kernel/exit.c); kernel threads have mm == NULL. */
	struct mm_struct *mm;
	struct task_struct *parent;
	struct list_head children;	/* processes this one forked */
	struct list_head sibling;	/* in parent->children */
	int exit_state;			/* 0, or EXIT_ZOMBIE once it has exited */
	int exit_code;			/* the wait status (include/kernel/exit.h) */
	struct files_struct *files;
	struct inode *cwd;
	char cwd_path[256];		/* for getcwd: the path chdir was given, normalised */
	unsigned int umask;		/* permission bits open(O_CREAT) and mkdir leave out */
	unsigned long sigpending;	/* bit n: signal n is pending */
	struct k_sigaction *sighand;	/* NSIG actions (kmalloc'd); NULL: all default */
	unsigned long blocked;		/* bit n: signal n is blocked */
	unsigned long sas_ss_sp;	/* the sigaltstack: lowest address, and size (0: none) */
	size_t sas_ss_size;
	unsigned long saved_blocked;	/* the mask to restore after rt_sigsuspend */
	bool restore_blocked;
	struct timer_list *itimer;	/* ITIMER_REAL (alarm), kmalloc'd on first use */
	u32 itimer_interval;		/* its period in ticks, 0 for one shot */
	u32 tls;			/* TPIDRURO: user thread pointer (set_tls) */
	unsigned long fault_addr;	/* si_addr and si_code of the last fault signal */
	int fault_code;
	int fault_sig;			/* the fault signal those two belong to */
	int sig_sender[32];		/* si_pid of each pending signal (0: the kernel) */
	u64 start_ns;
	unsigned long min_flt, maj_flt;	/* page faults without and with I/O */
};

#define EXIT_ZOMBIE 16
#define TASK_ZOMBIE 32	/* exited, waiting for its parent's wait4: never runs again */

static inline struct task_struct *get_current(void)
{
	return (struct task_struct *)current_thread_info();
}
#define current get_current()

extern struct task_struct init_task;

void sched_init(void);
void schedule(void);
void scheduler_tick(void);
int wake_up_process(struct task_struct *p);
void set_current_state(long state);

/* Called with interrupts masked at the end of an interrupt: switch if the tick asked. */
void preempt_schedule_irq(void);

/* Creates a kernel thread running fn(arg) and makes it runnable; NULL without memory. */
struct task_struct *kthread_run(int (*fn)(void *), void *arg, const char *name);
void kthread_exit(void) __noreturn;

/* The boot thread's last job: sleep until there is work. */
void cpu_idle(void) __noreturn;

/* Sleep for at least the given time. */
void msleep(unsigned int ms);
long schedule_timeout(long ticks);

unsigned long nr_context_switches(void);

/* The user registers of a process: the frame at the top of its kernel stack. */
struct pt_regs *task_pt_regs(struct task_struct *p);
#define current_pt_regs() task_pt_regs(current)

/* The process table. */
struct task_struct *find_task_by_pid(int pid);
void for_each_task(void (*fn)(struct task_struct *p, void *arg), void *arg);
/* A new task with a kernel stack, not yet runnable (kernel/fork.c uses it). */
struct task_struct *task_alloc(const char *name);
void task_free(struct task_struct *p);
/* Gives p a pid and puts it in the process table; then wake_up_process(p) runs it. */
void task_attach(struct task_struct *p);
void task_detach(struct task_struct *p);

#endif
