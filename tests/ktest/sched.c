// SPDX-License-Identifier: MIT
/* In-kernel tests of threads, the scheduler, wait queues, mutexes and time. */
#include <kernel/ktest.h>
#include <kernel/sched.h>
#include <kernel/wait.h>
#include <kernel/mutex.h>
#include <kernel/timer.h>
#include <asm/barrier.h>

static DECLARE_WAIT_QUEUE_HEAD(test_wq);
static volatile int flag, woke_seen;
static volatile bool thread_done;

static int sleeper(void *arg)
{
	wait_event(test_wq, flag != 0);
	woke_seen = flag;
	thread_done = true;
	return 0;
}

/* A thread sleeping on a wait queue stays asleep (it does not spin: the test thread keeps
 * running) until the condition is set and wake_up() is called. */
KTEST(thread_sleeps_until_woken)
{
	unsigned long start;

	flag = 0;
	woke_seen = 0;
	thread_done = false;
	KTEST_EXPECT(kthread_run(sleeper, NULL, "sleeper"), "expected a thread");
	msleep(50);			/* let it run and go to sleep */
	KTEST_EXPECT(!thread_done, "before wake_up: expected the sleeper asleep, seen it done");
	flag = 42;
	wake_up(&test_wq);
	start = jiffies;
	while (!thread_done && jiffies - start < HZ)
		msleep(10);
	KTEST_EXPECT(thread_done, "after wake_up: expected the sleeper to finish within 1 s");
	KTEST_EXPECT_EQ(woke_seen, 42);
}

static volatile unsigned long spin_count[2];
static volatile bool stop_spinning;

static int spinner(void *arg)
{
	int id = (int)(unsigned long)arg;

	while (!stop_spinning)
		spin_count[id]++;
	return 0;
}

/* Two threads that never sleep or yield both make progress: the tick preempts them. */
KTEST(tick_preempts_busy_threads)
{
	unsigned long before = nr_context_switches();

	spin_count[0] = spin_count[1] = 0;
	stop_spinning = false;
	kthread_run(spinner, (void *)0, "spin0");
	kthread_run(spinner, (void *)1, "spin1");
	msleep(200);
	stop_spinning = true;
	msleep(30);
	KTEST_EXPECT(spin_count[0] > 0 && spin_count[1] > 0,
		     "expected both busy threads to run, seen counts %lu and %lu", spin_count[0],
		     spin_count[1]);
	KTEST_EXPECT(nr_context_switches() - before >= 10,
		     "expected >= 10 switches in 200 ms of two busy threads, seen %lu",
		     nr_context_switches() - before);
}

static DEFINE_MUTEX(test_mutex);
static volatile int in_critical, overlap_seen, mutex_rounds;

static int mutex_worker(void *arg)
{
	int i;

	for (i = 0; i < 20; i++) {
		mutex_lock(&test_mutex);
		if (in_critical++)
			overlap_seen = 1;
		msleep(2);		/* sleep while holding it: others must wait */
		in_critical--;
		mutex_rounds++;
		mutex_unlock(&test_mutex);
	}
	return 0;
}

/* Three threads take a mutex and sleep inside it: never two inside at once. */
KTEST(mutex_excludes_sleeping_holders)
{
	unsigned long start = jiffies;

	in_critical = overlap_seen = mutex_rounds = 0;
	kthread_run(mutex_worker, NULL, "mutex0");
	kthread_run(mutex_worker, NULL, "mutex1");
	kthread_run(mutex_worker, NULL, "mutex2");
	while (mutex_rounds < 60 && jiffies - start < 10 * HZ)
		msleep(10);
	KTEST_EXPECT_EQ(mutex_rounds, 60);
	KTEST_EXPECT(!overlap_seen, "expected one holder at a time, seen two inside");
}

/* The tick advances jiffies at HZ, and msleep sleeps at least as long as asked, measured
 * with the independent nanosecond clock. */
KTEST(timer_ticks_advance_and_msleep_waits)
{
	u64 t0 = ktime_get_ns();
	unsigned long j0 = jiffies;
	u64 elapsed;

	msleep(100);
	elapsed = ktime_get_ns() - t0;
	KTEST_EXPECT(elapsed >= 100000000ull, "msleep(100): expected >= 100 ms, seen %u us",
		     (unsigned int)(elapsed / 1000));
	KTEST_EXPECT(jiffies - j0 >= 10 && jiffies - j0 <= 20,
		     "100 ms at HZ=%d: expected 10..20 ticks, seen %lu", HZ, jiffies - j0);
}

/* The clock never goes backwards and has sub-microsecond resolution. */
KTEST(clock_is_monotonic_with_fine_resolution)
{
	u64 prev = ktime_get_ns(), min_step = ~0ull;
	int i;

	for (i = 0; i < 1000; i++) {
		u64 now = ktime_get_ns();

		KTEST_EXPECT(now >= prev, "clock went back from %llu to %llu", prev, now);
		if (now > prev && now - prev < min_step)
			min_step = now - prev;
		prev = now;
	}
	KTEST_EXPECT(min_step < 1000, "expected a step below 1 us, seen %llu ns", min_step);
}
