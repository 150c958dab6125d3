// SPDX-License-Identifier: MIT
/*
 * fork with copy-on-write: after fork parent and child share every page, read-only; the
 * first write to a page copies it (or reuses it when nobody else maps it any more).
 * Counted with /proc/vmstat (cow_copy, cow_reuse) and proved with /proc/self/pagemap.
 */
#include <sys/mman.h>
#include <sys/wait.h>
#include <errno.h>
#include "tap.h"
#include "mm_common.h"

#define BUF_PAGES 2048	/* 8 MiB */
#define PAGE 4096

static char *buf;

static void fill(char c)
{
	int i;

	for (i = 0; i < BUF_PAGES; i++)
		buf[i * PAGE] = c, buf[i * PAGE + PAGE - 1] = c;
}

static int all_are(char c)
{
	int i;

	for (i = 0; i < BUF_PAGES; i++)
		if (buf[i * PAGE] != c || buf[i * PAGE + PAGE - 1] != c)
			return 0;
	return 1;
}

static int wait_child(pid_t pid)
{
	int st = -1;

	waitpid(pid, &st, 0);
	return st;
}

int main(void)
{
	long copies, reuses, free0, free1;
	uint64_t before, after;
	pid_t pid;
	int st, i, pipefd[2];

	buf = mmap(NULL, BUF_PAGES * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
		   -1, 0);
	tap_check(buf != MAP_FAILED, "map_8_mib", "errno %d", errno);
	fill('P');

	/* A child that writes nothing copies nothing, and shares the parent's frames. */
	before = pagemap(buf + 100 * PAGE);
	copies = vmstat("cow_copy");
	pipe(pipefd);
	pid = fork();
	if (pid == 0) {
		uint64_t mine = pagemap(buf + 100 * PAGE);

		write(pipefd[1], &mine, sizeof(mine));
		_exit(all_are('P') ? 0 : 1);
	}
	read(pipefd[0], &after, sizeof(after));
	st = wait_child(pid);
	tap_check(WIFEXITED(st) && WEXITSTATUS(st) == 0, "child_sees_parent_data",
		  "status 0x%x", st);
	tap_check(PM_PFN(before) == PM_PFN(after) && (after & PM_PRESENT),
		  "child_shares_the_parents_frame_until_a_write", "parent pfn 0x%llx, child 0x%llx",
		  (unsigned long long)PM_PFN(before), (unsigned long long)PM_PFN(after));
	tap_check(vmstat("cow_copy") - copies < 8, "child_that_writes_nothing_copies_nothing",
		  "cow_copy grew by %ld", vmstat("cow_copy") - copies);

	/* The child writes every page: exactly that many copies; each side sees its own. */
	copies = vmstat("cow_copy");
	pid = fork();
	if (pid == 0) {
		fill('C');
		_exit(all_are('C') ? 0 : 1);
	}
	st = wait_child(pid);
	tap_check(WIFEXITED(st) && WEXITSTATUS(st) == 0, "child_sees_its_own_writes",
		  "status 0x%x", st);
	{
		long d = vmstat("cow_copy") - copies;

		tap_check(d >= BUF_PAGES && d < BUF_PAGES + 16, "pages_copied_equal_pages_written",
			  "expected %d (+ a few stack pages), seen %ld", BUF_PAGES, d);
	}
	tap_check(all_are('P'), "parent_keeps_its_data_after_child_writes", "buffer changed");

	/* The child has exited: the parent is the only user again, so its writes reuse. */
	reuses = vmstat("cow_reuse");
	copies = vmstat("cow_copy");
	fill('Q');
	tap_check(vmstat("cow_reuse") - reuses >= BUF_PAGES - 4,
		  "page_whose_other_users_exited_is_reused",
		  "cow_reuse grew by %ld, expected ~%d", vmstat("cow_reuse") - reuses, BUF_PAGES);
	tap_check(vmstat("cow_copy") - copies < 8, "reuse_copies_nothing", "cow_copy grew by %ld",
		  vmstat("cow_copy") - copies);

	/* A chain of 10 nested forks, each writing one page and checking all the others. */
	pid = fork();
	if (pid == 0) {
		int depth;

		for (depth = 0; depth < 10; depth++) {
			pid_t c = fork();

			if (c != 0) {
				int s = wait_child(c);

				_exit(WIFEXITED(s) ? WEXITSTATUS(s) : 100);
			}
			buf[depth * PAGE] = (char)('0' + depth);
			for (i = 0; i <= depth; i++)
				if (buf[i * PAGE] != '0' + i)
					_exit(10 + depth);
		}
		_exit(0);
	}
	st = wait_child(pid);
	tap_check(WIFEXITED(st) && WEXITSTATUS(st) == 0, "chain_of_10_forks_each_writing_a_page",
		  "status 0x%x", st);
	tap_check(buf[0] == 'Q' && buf[9 * PAGE] == 'Q', "chain_left_the_parent_intact",
		  "buf[0]=%c", buf[0]);

	/* 64 MiB touched, forked, written by the child: all of it comes back afterwards. */
	munmap(buf, BUF_PAGES * PAGE);
	free0 = memfree_kb();
	buf = mmap(NULL, 16 * 1024 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
		   -1, 0);
	for (i = 0; i < 16 * 1024; i++)
		buf[i * PAGE] = 1;
	pid = fork();
	if (pid == 0) {
		for (i = 0; i < 16 * 1024; i += 2)
			buf[i * PAGE] = 2;
		_exit(0);
	}
	st = wait_child(pid);
	tap_check(WIFEXITED(st), "fork_of_64_mib_process_completes", "status 0x%x", st);
	munmap(buf, 16 * 1024 * PAGE);
	free1 = memfree_kb();
	tap_check(free1 >= free0 - 64, "every_page_of_64_mib_fork_is_freed",
		  "MemFree %ld kB before, %ld kB after", free0, free1);
	return tap_done();
}
