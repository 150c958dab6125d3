// SPDX-License-Identifier: MIT
/*
 * bench: guest instructions per memory-management operation. Under `qemu -icount
 * shift=0,sleep=off` one nanosecond of CLOCK_MONOTONIC is one guest instruction, so the
 * times below are instruction counts. Each row is the median of REPS repetitions; per-page
 * rows divide a batch of PAGES pages. Written against POSIX: it builds for Linux too
 * (arm-linux-gnueabihf-gcc -static), which is how shared/bench's figures were taken.
 *
 * Output: one line per row, "bench NAME PER VALUE".
 */
#include <sys/mman.h>
#include <sys/wait.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define REPS 31
#define PAGES 256
#define PAGE 4096

static uint64_t now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ull + ts.tv_nsec;
}

static int cmp(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

static uint64_t median(uint64_t *v)
{
	qsort(v, REPS, sizeof(*v), cmp);
	return v[REPS / 2];
}

static void report(const char *name, const char *per, uint64_t value)
{
	printf("bench %s %s %llu\n", name, per, (unsigned long long)value);
	fflush(stdout);
}

static char *map_anon(size_t len)
{
	return mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
}

static void null_syscall(void)
{
	uint64_t v[REPS];
	int r, i;

	for (r = 0; r < REPS; r++) {
		uint64_t t = now();

		for (i = 0; i < 1000; i++)
			getppid();
		v[r] = (now() - t) / 1000;
	}
	report("null_syscall_getppid", "call", median(v));
	for (r = 0; r < REPS; r++) {
		struct timespec ts;
		uint64_t t = now();

		for (i = 0; i < 1000; i++)
			clock_gettime(CLOCK_MONOTONIC, &ts);
		v[r] = (now() - t) / 1000;
	}
	report("clock_gettime", "call", median(v));
}

static void mmap_munmap(void)
{
	uint64_t v[REPS];
	int r;

	for (r = 0; r < REPS; r++) {
		uint64_t t = now();
		char *p = map_anon(PAGE);

		munmap(p, PAGE);
		v[r] = now() - t;
	}
	report("mmap_munmap_untouched_page", "pair", median(v));
}

/* touch(p, write): the per-page cost of touching PAGES pages of a fresh mapping. */
static void anon_faults(void)
{
	uint64_t w[REPS], rd[REPS], cow0[REPS], unmap[REPS];
	int r, i;

	for (r = 0; r < REPS; r++) {
		char *p = map_anon(PAGES * PAGE);
		volatile char sink;
		uint64_t t = now();

		for (i = 0; i < PAGES; i++)
			p[i * PAGE] = 1;
		w[r] = (now() - t) / PAGES;
		t = now();
		munmap(p, PAGES * PAGE);
		unmap[r] = (now() - t) / PAGES;

		p = map_anon(PAGES * PAGE);
		t = now();
		for (i = 0; i < PAGES; i++)
			sink = p[i * PAGE];
		rd[r] = (now() - t) / PAGES;
		t = now();
		for (i = 0; i < PAGES; i++)
			p[i * PAGE] = 1;
		cow0[r] = (now() - t) / PAGES;
		munmap(p, PAGES * PAGE);
		(void)sink;
	}
	report("anon_write_fault", "page", median(w));
	report("anon_read_fault_zero_page", "page", median(rd));
	report("write_after_zero_page_read", "page", median(cow0));
	report("munmap_256_touched", "page", median(unmap));
}

static void file_faults(void)
{
	uint64_t rd[REPS], priv[REPS], shared[REPS];
	char *buf = calloc(1, PAGES * PAGE);
	int fd = open("/tmp/bench.dat", O_RDWR | O_CREAT | O_TRUNC, 0644);
	int r, i;

	if (fd < 0 || !buf || write(fd, buf, PAGES * PAGE) != PAGES * PAGE) {
		printf("# bench: cannot make /tmp/bench.dat\n");
		return;
	}
	for (r = 0; r < REPS; r++) {
		volatile char sink;
		char *p = mmap(NULL, PAGES * PAGE, PROT_READ, MAP_PRIVATE, fd, 0);
		uint64_t t = now();

		for (i = 0; i < PAGES; i++)
			sink = p[i * PAGE];
		rd[r] = (now() - t) / PAGES;
		munmap(p, PAGES * PAGE);

		p = mmap(NULL, PAGES * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
		t = now();
		for (i = 0; i < PAGES; i++)
			p[i * PAGE] = 1;
		priv[r] = (now() - t) / PAGES;
		munmap(p, PAGES * PAGE);

		p = mmap(NULL, PAGES * PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
		t = now();
		for (i = 0; i < PAGES; i++)
			p[i * PAGE] = 1;
		shared[r] = (now() - t) / PAGES;
		munmap(p, PAGES * PAGE);
		(void)sink;
	}
	report("file_read_fault_cache_hot", "page", median(rd));
	report("file_private_write_fault", "page", median(priv));
	report("file_shared_write_fault", "page", median(shared));
	close(fd);
	unlink("/tmp/bench.dat");
	free(buf);
}

/* remap_file_pages, one page per call over a 256-page MAP_SHARED mapping (Linux's row),
 * and the nonlinear fault that a MAP_NONBLOCK remap leaves for the first access. */
static void fremap(void)
{
	uint64_t per_call[REPS], per_fault[REPS];
	char *buf = calloc(1, PAGES * PAGE);
	int fd = open("/tmp/bench.fremap", O_RDWR | O_CREAT | O_TRUNC, 0644);
	int r, i;

	if (fd < 0 || !buf || write(fd, buf, PAGES * PAGE) != PAGES * PAGE)
		return;
	for (r = 0; r < REPS; r++) {
		volatile char sink;
		char *p = mmap(NULL, PAGES * PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
		uint64_t t;

		for (i = 0; i < PAGES; i++)	/* warm the page cache */
			sink = p[i * PAGE];
		t = now();
		for (i = 0; i < PAGES; i++)
			remap_file_pages(p + i * PAGE, PAGE, 0, PAGES - 1 - i, 0);
		per_call[r] = (now() - t) / PAGES;
		for (i = 0; i < PAGES; i++)
			remap_file_pages(p + i * PAGE, PAGE, 0, i, MAP_NONBLOCK);
		t = now();
		for (i = 0; i < PAGES; i++)
			sink = p[i * PAGE];
		per_fault[r] = (now() - t) / PAGES;
		munmap(p, PAGES * PAGE);
		(void)sink;
	}
	report("remap_file_pages_one_page", "call", median(per_call));
	report("nonlinear_fault_cache_hot", "page", median(per_fault));
	close(fd);
	unlink("/tmp/bench.fremap");
	free(buf);
}

static uint64_t fork_wait(void)
{
	uint64_t t = now();
	pid_t pid = fork();
	int st;

	if (pid == 0)
		_exit(0);
	waitpid(pid, &st, 0);
	return now() - t;
}

static void forks(void)
{
	static const size_t sizes[] = { 0, 1 << 20, 16 << 20 };
	static const char *const names[] = { "fork_exit_wait", "fork_exit_wait_1mib",
					      "fork_exit_wait_16mib" };
	uint64_t v[REPS];
	unsigned int s;
	int r, i;

	for (s = 0; s < 3; s++) {
		char *p = sizes[s] ? map_anon(sizes[s]) : NULL;

		for (i = 0; p && i < (int)(sizes[s] / PAGE); i++)
			p[i * PAGE] = 1;
		for (r = 0; r < REPS; r++)
			v[r] = fork_wait();
		report(names[s], "fork", median(v));
		if (p)
			munmap(p, sizes[s]);
	}
	/* COW fault in the child: the child times its own writes and reports through a pipe. */
	{
		char *p = map_anon(PAGES * PAGE);
		int fds[2];

		for (i = 0; i < PAGES; i++)
			p[i * PAGE] = 1;
		pipe(fds);
		for (r = 0; r < REPS; r++) {
			pid_t pid = fork();
			int st;

			if (pid == 0) {
				uint64_t t = now(), d;

				for (i = 0; i < PAGES; i++)
					p[i * PAGE] = 2;
				d = (now() - t) / PAGES;
				write(fds[1], &d, sizeof(d));
				_exit(0);
			}
			read(fds[0], &v[r], sizeof(v[r]));
			waitpid(pid, &st, 0);
		}
		report("cow_write_fault_in_child", "page", median(v));
		munmap(p, PAGES * PAGE);
	}
}

/* rename(2) of a file back and forth in /tmp (a small directory: lookups scan it linearly). */
static void renames(void)
{
	uint64_t v[REPS];
	int r, i, fd = open("/tmp/bench_a", O_CREAT | O_WRONLY, 0644);

	if (fd < 0)
		return;
	close(fd);
	for (r = 0; r < REPS; r++) {
		uint64_t t = now();

		for (i = 0; i < 50; i++) {
			rename("/tmp/bench_a", "/tmp/bench_b");
			rename("/tmp/bench_b", "/tmp/bench_a");
		}
		v[r] = (now() - t) / 100;
	}
	unlink("/tmp/bench_a");
	report("rename_in_one_directory", "call", median(v));
}

static void exec_hello(const char *prog)
{
	uint64_t v[REPS];
	int r;

	for (r = 0; r < REPS; r++) {
		uint64_t t = now();
		pid_t pid = fork();
		int st;

		if (pid == 0) {
			char *argv[] = { (char *)prog, NULL };

			execv(prog, argv);
			_exit(127);
		}
		waitpid(pid, &st, 0);
		v[r] = now() - t;
	}
	report("fork_exec_exit_wait_true", "run", median(v));
}

int main(int argc, char **argv)
{
	null_syscall();
	mmap_munmap();
	anon_faults();
	file_faults();
	fremap();
	forks();
	renames();
	exec_hello(argc > 1 ? argv[1] : "/bin/true");
	return 0;
}
