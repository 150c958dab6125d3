// SPDX-License-Identifier: MIT
/*
 * /proc/self/maps in Linux's format, checked field by field; kill with SIGTERM and SIGKILL
 * reported through the wait status; 300 processes in a row (more than the 255 ASIDs, so the
 * ASID generation wraps) each see only their own memory; each process keeps its own
 * thread pointer (TPIDRURO) across context switches.
 */
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <errno.h>
#include <sched.h>
#include <signal.h>
#include "tap.h"
#include "mm_common.h"

static volatile int global = 1000;

/* Finds the maps line for addr; returns 1 and fills the fields if found. */
static int maps_line(unsigned long addr, unsigned long *start, unsigned long *end, char *perms,
		     unsigned long *off, unsigned long *ino, char *path)
{
	static char buf[8192];
	int fd = open("/proc/self/maps", O_RDONLY);
	ssize_t n = 0, r;
	char *line;

	if (fd < 0)
		return 0;
	while ((r = read(fd, buf + n, sizeof(buf) - 1 - n)) > 0)
		n += r;
	close(fd);
	buf[n] = '\0';
	for (line = strtok(buf, "\n"); line; line = strtok(NULL, "\n")) {
		unsigned int maj, min;
		int used = 0;

		path[0] = '\0';
		if (sscanf(line, "%lx-%lx %4s %lx %x:%x %lu %n", start, end, perms, off, &maj, &min,
			   ino, &used) < 7)
			continue;
		if (used)
			sscanf(line + used, "%255s", path);
		if (addr >= *start && addr < *end)
			return 1;
	}
	return 0;
}

int main(void)
{
	unsigned long start, end, off, ino;
	char perms[8], path[256];
	struct stat st;
	int fd, i, stt, bad = 0;
	char *p;
	pid_t pid;

	/* A file mapped read-only, private, from its second page. */
	fd = open("/tmp/mapme", O_RDWR | O_CREAT | O_TRUNC, 0644);
	for (i = 0; i < 3 * 4096; i++)
		write(fd, "m", 1);
	fstat(fd, &st);
	p = mmap(NULL, 2 * 4096, PROT_READ, MAP_PRIVATE, fd, 4096);
	tap_check(p != MAP_FAILED && maps_line((unsigned long)p, &start, &end, perms, &off, &ino,
					       path),
		  "maps_has_a_line_for_the_file_mapping", "mmap %p", (void *)p);
	tap_check(start == (unsigned long)p && end == start + 2 * 4096, "maps_start_and_end",
		  "expected %p-%p, seen %lx-%lx", (void *)p, (void *)(p + 8192), start, end);
	tap_check(!strcmp(perms, "r--p"), "maps_permissions", "expected r--p, seen %s", perms);
	tap_check(off == 4096, "maps_file_offset", "expected 1000 (hex), seen %lx", off);
	tap_check(ino == (unsigned long)st.st_ino, "maps_inode_number", "expected %lu, seen %lu",
		  (unsigned long)st.st_ino, ino);
	tap_check(!strcmp(path, "/tmp/mapme"), "maps_path", "expected /tmp/mapme, seen '%s'",
		  path);
	{
		volatile int local;

		tap_check(maps_line((unsigned long)&local, &start, &end, perms, &off, &ino, path) &&
				  !strcmp(path, "[stack]") && !strcmp(perms, "rw-p"),
			  "maps_names_the_stack", "seen '%s' %s", path, perms);
	}
	tap_check(maps_line((unsigned long)main, &start, &end, perms, &off, &ino, path) &&
			  !strcmp(perms, "r-xp") && !strcmp(path, "/test/proc_and_kill"),
		  "maps_shows_the_program_text", "seen %s '%s'", perms, path);

	/* kill: default actions end the process, and the parent learns which signal. */
	pid = fork();
	if (pid == 0) {
		for (;;)
			pause();
	}
	usleep(20000);
	tap_check(kill(pid, SIGTERM) == 0, "kill_sigterm_succeeds", "errno %d", errno);
	waitpid(pid, &stt, 0);
	tap_check(WIFSIGNALED(stt) && WTERMSIG(stt) == SIGTERM, "sigterm_ends_the_process",
		  "status 0x%x", stt);
	pid = fork();
	if (pid == 0) {
		signal(SIGTERM, SIG_IGN);
		for (;;)
			pause();
	}
	usleep(20000);
	kill(pid, SIGTERM);	/* ignored */
	kill(pid, SIGKILL);	/* cannot be */
	waitpid(pid, &stt, 0);
	tap_check(WIFSIGNALED(stt) && WTERMSIG(stt) == SIGKILL, "sigkill_cannot_be_ignored",
		  "status 0x%x", stt);
	errno = 0;
	tap_check(kill(99999, SIGTERM) == -1 && errno == ESRCH, "kill_missing_pid_is_esrch",
		  "errno %d", errno);
	errno = 0;
	tap_check(kill(getpid(), 99) == -1 && errno == EINVAL, "kill_bad_signal_is_einval",
		  "errno %d", errno);

	/* 300 processes: each writes its own value over a copy-on-write page and checks it. */
	for (i = 0; i < 300; i++) {
		pid = fork();
		if (pid == 0) {
			if (global != 1000 + i)
				_exit(1);
			global = 5000 + i;
			_exit(global == 5000 + i ? 0 : 2);
		}
		waitpid(pid, &stt, 0);
		if (!WIFEXITED(stt) || WEXITSTATUS(stt))
			bad++;
		global++;	/* the parent moves on: the next child must see this value */
	}
	tap_check(bad == 0 && global == 1300, "three_hundred_processes_see_only_their_memory",
		  "%d children saw the wrong value; parent global %d", bad, global);
	/* Each process keeps its own thread pointer across switches; a child inherits it. */
	{
		int bad_parent = 0;

		set_tp(0x11110000);
		pid = fork();
		if (pid == 0) {
			int bad_child = read_tp() != 0x11110000;

			set_tp(0x22220000);
			for (i = 0; i < 50; i++) {
				sched_yield();
				bad_child += read_tp() != 0x22220000;
			}
			_exit(bad_child ? 1 : 0);
		}
		for (i = 0; i < 50; i++) {
			sched_yield();
			bad_parent += read_tp() != 0x11110000;
		}
		waitpid(pid, &stt, 0);
		tap_check(bad_parent == 0 && WIFEXITED(stt) && WEXITSTATUS(stt) == 0,
			  "each_process_keeps_its_own_thread_pointer",
			  "parent saw another value %d times of 50; child status 0x%x", bad_parent,
			  stt);
	}
	return tap_done();
}
