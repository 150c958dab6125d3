// SPDX-License-Identifier: MIT
/*
 * exec: arguments and environment arrive intact; 50 programs run one after another without
 * losing memory; a program is demand paged (a 1 MiB program touching 3 pages of its data
 * faults in a handful of pages, not 256).
 */
#include <sys/wait.h>
#include <errno.h>
#include "tap.h"
#include "mm_common.h"

static const char big[1024 * 1024] = { 1 };	/* 1 MiB of read-only data in the file */

static int run(char *const argv[], char *const envp[])
{
	int st = -1;
	pid_t pid = fork();

	if (pid == 0) {
		execve(argv[0], argv, envp);
		_exit(127);
	}
	waitpid(pid, &st, 0);
	return st;
}

int main(int argc, char **argv, char **envp)
{
	long free0, free1, faults;
	int st, i;

	if (argc > 1 && !strcmp(argv[1], "args")) {
		/* The child side: check what exec gave us. */
		return !(argc == 4 && !strcmp(argv[2], "two words?") && !strcmp(argv[3], "") &&
			 getenv("GREETING") && !strcmp(getenv("GREETING"), "hello") &&
			 read_tp() == 0);	/* exec starts with no thread pointer */
	}
	if (argc > 1 && !strcmp(argv[1], "touch3")) {
		volatile char sum = big[0] + big[300000] + big[700000];

		return sum == 1 ? 0 : 1;
	}
	{
		char *a[] = { "/test/exec_many", "args", "two words?", "", NULL };
		char *e[] = { "GREETING=hello", "OTHER=x", NULL };

		set_tp(0x33330000);	/* must not reach the new program */
		st = run(a, e);
		tap_check(WIFEXITED(st) && WEXITSTATUS(st) == 0,
			  "argv_envp_intact_and_thread_pointer_cleared_by_exec",
			  "status 0x%x", st);
	}
	{
		char *a[] = { "/test/exec_many", "touch3", NULL };

		run(a, envp);	/* warm: the first run may read the file from the disk */
		faults = vmstat("file_fault");
		st = run(a, envp);
		faults = vmstat("file_fault") - faults;
		tap_check(WIFEXITED(st) && WEXITSTATUS(st) == 0, "big_program_runs", "status 0x%x",
			  st);
		tap_check(faults > 0 && faults < 40, "one_mib_program_touching_3_pages_maps_few_pages",
			  "expected a handful of file faults (< 40 of 256+), seen %ld", faults);
	}
	{
		char *a[] = { "/bin/true", NULL };

		run(a, envp);
		free0 = memfree_kb();
		for (i = 0; i < 50; i++) {
			st = run(a, envp);
			if (!WIFEXITED(st) || WEXITSTATUS(st)) {
				tap_check(0, "fifty_programs_run", "run %d: status 0x%x", i, st);
				break;
			}
		}
		free1 = memfree_kb();
		tap_check(i == 50, "fifty_programs_run_one_after_another", "stopped at %d", i);
		tap_check(free1 >= free0 - 16, "memfree_returns_to_its_level_after_50_programs",
			  "MemFree %ld kB before, %ld kB after", free0, free1);
	}
	{
		char *a[] = { "/no/such/program", NULL };

		errno = 0;
		tap_check(execve(a[0], a, envp) == -1 && errno == ENOENT, "exec_missing_is_enoent",
			  "errno %d", errno);
		a[0] = "/etc/motd";
		errno = 0;
		tap_check(execve(a[0], a, envp) == -1 && errno == ENOEXEC, "exec_text_file_is_enoexec",
			  "errno %d", errno);
	}
	return tap_done();
}
