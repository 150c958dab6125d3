// SPDX-License-Identifier: MIT
/*
 * The scheduler: one run queue of runnable threads, served round robin. A thread runs until
 * it sleeps, yields, or the tick finds its time slice used up (then need_resched is set and
 * the switch happens on the way out of the interrupt, or when preemption is enabled again).
 *
 * Locking: rq.lock protects the queue and every thread's state/on_rq. It is taken with
 * interrupts masked, because wakeups come from interrupt handlers. schedule() holds it
 * across __switch_to; the thread switched to releases it (in schedule() after its own
 * __switch_to returned, or in schedule_tail() if it is new).
 */
#include <kernel/sched.h>
#include <kernel/spinlock.h>
#include <kernel/panic.h>
#include <kernel/printk.h>
#include <kernel/timer.h>
#include <mm/page_alloc.h>
#include <mm/slab.h>
#include <lib/string.h>
#include <block/blkdev.h>
#include <asm/ptrace.h>
#include <asm/tls.h>
#include <mm/mmu_context.h>
#include <asm/irqflags.h>

struct rq {
	arch_spinlock_t lock;
	struct list_head queue;		/* runnable threads except idle, in turn order */
	unsigned long nr_switches;
};

static struct rq rq = { { 0 }, LIST_HEAD_INIT(rq.queue), 0 };
static LIST_HEAD(all_tasks);
static int next_pid = 1;
static struct task_struct *dead_task;	/* freed by the next thread to run */

/* The boot thread's stack: head.S runs start_kernel on it, and it becomes the idle thread. */
char init_thread_union[THREAD_SIZE] __aligned(THREAD_SIZE);

struct task_struct init_task = {
	.ti.kernel_ds = true,
	.state = TASK_RUNNING,
	.pid = 0,
	.comm = "swapper",
	.run_list = LIST_HEAD_INIT(init_task.run_list),
	.tasks = LIST_HEAD_INIT(init_task.tasks),
};

struct task_struct *__switch_to(struct task_struct *prev, struct task_struct *next);
extern char ret_from_fork[];

void sched_init(void)
{
	list_add_tail(&init_task.tasks, &all_tasks);
}

void set_current_state(long state)
{
	WRITE_ONCE(current->state, state);
	smp_mb();	/* the state is visible before the caller tests its wait condition */
}

static void enqueue(struct task_struct *p)
{
	if (!p->on_rq && p != &init_task) {
		list_add_tail(&p->run_list, &rq.queue);
		p->on_rq = true;
	}
}

static void dequeue(struct task_struct *p)
{
	if (p->on_rq) {
		list_del(&p->run_list);
		p->on_rq = false;
	}
}

int wake_up_process(struct task_struct *p)
{
	unsigned long flags = local_irq_save();
	int woken = 0;

	arch_spin_lock(&rq.lock);
	if (p->state != TASK_RUNNING && p->state != TASK_DEAD && p->state != TASK_ZOMBIE) {
		p->state = TASK_RUNNING;
		enqueue(p);
		woken = 1;
		/* The idle thread gives way at once; others wait for their slice to end. */
		if (current == &init_task)
			current->ti.need_resched = 1;
	}
	arch_spin_unlock(&rq.lock);
	local_irq_restore(flags);
	return woken;
}

static void finish_task_switch(void)
{
	struct task_struct *dead = dead_task;

	dead_task = NULL;
	arch_spin_unlock(&rq.lock);
	if (dead) {
		free_pages((unsigned long)dead->stack, THREAD_SIZE_ORDER);
		kfree(dead);
	}
}

/*
 * preempt: prev did not ask to sleep, it was interrupted. It may be half-way through going
 * to sleep (its state already set, its wakeup not yet arranged: say between
 * set_current_state() and add_timer()); taking it off the queue then would lose it for
 * good. A preempted thread therefore always stays runnable (Linux's PREEMPT_ACTIVE).
 */
static void __schedule(bool preempt)
{
	struct task_struct *prev = current, *next;
	unsigned long flags;

	/* A thread about to sleep must not sit on I/O it is holding back for merging: it may
	 * be the very I/O it will wait for. */
	if (prev->plug && prev->state != TASK_RUNNING)
		blk_flush_plug(prev->plug);

	/* Sleeping with a spinlock held would leave the lock held while others spin on it. */
	if (WARN_ON_ONCE(prev->ti.preempt_count != 0))
		printk(KERN_ERR "BUG: scheduling while atomic: %s/%d\n", prev->comm, prev->pid);
	flags = local_irq_save();
	arch_spin_lock(&rq.lock);
	prev->ti.need_resched = 0;

	if (prev->state == TASK_RUNNING || preempt) {
		/* Used its turn: go to the back of the queue. */
		if (prev->on_rq)
			list_move_tail(&prev->run_list, &rq.queue);
	} else {
		dequeue(prev);
		if (prev->state == TASK_DEAD)
			dead_task = prev;
	}

	next = list_empty(&rq.queue) ? &init_task
				     : list_first_entry(&rq.queue, struct task_struct, run_list);
	next->time_slice = TIME_SLICE;
	if (next != prev) {
		rq.nr_switches++;
		next->switches++;
		/* User addresses must now translate through next's tables (TTBR0 + ASID); a
		 * kernel thread has none, and every TTBR0 walk faults while it runs. */
		if (next->mm)
			switch_mm(next->mm);
		else if (prev->mm)
			switch_to_kernel_mm();
		set_tls_register(next->tls);	/* each process reads its own thread pointer */
		prev = __switch_to(prev, next);
		/* Now running as `next`, back from whatever switched away from it. */
	}
	finish_task_switch();
	local_irq_restore(flags);
}

void schedule(void)
{
	__schedule(false);
}

/* First thing a new thread runs (from ret_from_fork): finish the switch into it. */
void schedule_tail(void)
{
	finish_task_switch();
	local_irq_enable();
}

void preempt_schedule(void)
{
	do {
		__schedule(true);
	} while (need_resched());
}

void preempt_schedule_irq(void)
{
	do {
		__schedule(true);
	} while (need_resched());
}

void scheduler_tick(void)
{
	struct task_struct *p = current;

	if (p == &init_task) {
		if (!list_empty(&rq.queue))
			p->ti.need_resched = 1;
		return;
	}
	if (--p->time_slice <= 0)
		p->ti.need_resched = 1;
}

struct task_struct *task_alloc(const char *name)
{
	struct task_struct *p = kzalloc(sizeof(*p));

	if (!p)
		return NULL;
	p->stack = (void *)__get_free_pages(THREAD_SIZE_ORDER);
	if (!p->stack) {
		kfree(p);
		return NULL;
	}
	strlcpy(p->comm, name, sizeof(p->comm));
	INIT_LIST_HEAD(&p->run_list);
	INIT_LIST_HEAD(&p->tasks);
	INIT_LIST_HEAD(&p->children);
	INIT_LIST_HEAD(&p->sibling);
	p->state = TASK_UNINTERRUPTIBLE;	/* not runnable until wake_up_process */
	p->start_ns = ktime_get_ns();
	/* The top of the stack is kept for the user register frame (task_pt_regs), so a
	 * thread can become a process (exec) without overwriting its own frames. */
	p->ti.cpu_context.sp = (u32)task_pt_regs(p);
	p->ti.cpu_context.pc = (u32)ret_from_fork;
	return p;
}

void task_free(struct task_struct *p)
{
	free_pages((unsigned long)p->stack, THREAD_SIZE_ORDER);
	kfree(p);
}

struct pt_regs *task_pt_regs(struct task_struct *p)
{
	return (struct pt_regs *)((char *)p->stack + THREAD_SIZE) - 1;
}

void task_attach(struct task_struct *p)
{
	unsigned long flags = local_irq_save();

	arch_spin_lock(&rq.lock);
	p->pid = next_pid++;
	list_add_tail(&p->tasks, &all_tasks);
	arch_spin_unlock(&rq.lock);
	local_irq_restore(flags);
}

void task_detach(struct task_struct *p)
{
	unsigned long flags = local_irq_save();

	arch_spin_lock(&rq.lock);
	list_del(&p->tasks);
	arch_spin_unlock(&rq.lock);
	local_irq_restore(flags);
}

struct task_struct *find_task_by_pid(int pid)
{
	struct task_struct *p, *found = NULL;
	unsigned long flags = local_irq_save();

	arch_spin_lock(&rq.lock);
	list_for_each_entry(p, &all_tasks, tasks)
		if (p->pid == pid) {
			found = p;
			break;
		}
	arch_spin_unlock(&rq.lock);
	local_irq_restore(flags);
	return found;
}

void for_each_task(void (*fn)(struct task_struct *p, void *arg), void *arg)
{
	struct task_struct *p;

	/* Tasks leave the list only when reaped by their parent, which cannot happen while
	 * the caller (a process or kernel thread) runs this walk on this one CPU. */
	list_for_each_entry(p, &all_tasks, tasks)
		fn(p, arg);
}

struct task_struct *kthread_run(int (*fn)(void *), void *arg, const char *name)
{
	struct task_struct *p = task_alloc(name);

	if (!p)
		return NULL;
	/* __switch_to will "return" into ret_from_fork, which calls fn(arg) = r4(r5). */
	p->ti.cpu_context.r4 = (u32)fn;
	p->ti.cpu_context.r5 = (u32)arg;
	p->ti.kernel_ds = true;		/* kernel threads pass kernel buffers to read/write */
	task_attach(p);
	wake_up_process(p);
	return p;
}

void kthread_exit(void)
{
	local_irq_disable();
	arch_spin_lock(&rq.lock);
	list_del(&current->tasks);
	current->state = TASK_DEAD;
	arch_spin_unlock(&rq.lock);
	schedule();
	BUG();
}

void cpu_idle(void)
{
	for (;;) {
		local_irq_disable();
		if (!need_resched())
			cpu_wfi();	/* a pending interrupt wakes it even while masked */
		local_irq_enable();	/* ... and is taken here */
		if (need_resched())
			schedule();
	}
}

unsigned long nr_context_switches(void)
{
	return rq.nr_switches;
}

static void process_timeout(struct timer_list *t);

struct sleep_timer {
	struct timer_list timer;
	struct task_struct *task;
};

static void process_timeout(struct timer_list *t)
{
	wake_up_process(container_of(t, struct sleep_timer, timer)->task);
}

long schedule_timeout(long ticks)
{
	struct sleep_timer st;
	unsigned long expire = jiffies + ticks;
	long left;

	st.task = current;
	timer_setup(&st.timer, process_timeout);
	st.timer.expires = expire;
	add_timer(&st.timer);
	schedule();
	del_timer(&st.timer);
	left = (long)(expire - jiffies);
	return left < 0 ? 0 : left;
}

void msleep(unsigned int ms)
{
	long ticks = msecs_to_jiffies(ms) + 1;	/* +1: the current tick is partly gone */

	while (ticks) {
		set_current_state(TASK_UNINTERRUPTIBLE);
		ticks = schedule_timeout(ticks);
	}
}
