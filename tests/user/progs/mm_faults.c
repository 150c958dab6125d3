// SPDX-License-Identifier: MIT
/*
 * Bad accesses end only the process that made them, with the signal Linux sends; good ones
 * (stack growth, demand paging) just work. Each bad access runs in a child; the parent
 * checks its wait status.
 */
#include <sys/mman.h>
#include <sys/wait.h>
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include "tap.h"
#include "mm_common.h"

typedef void (*action_fn)(void);

/* Runs fn in a child; returns its wait status. */
static int in_child(action_fn fn)
{
	int status = -1;
	pid_t pid = fork();

	if (pid == 0) {
		fn();
		_exit(0);
	}
	waitpid(pid, &status, 0);
	return status;
}

static void write_null(void)
{
	*(volatile int *)0 = 1;
}

static void write_text(void)
{
	*(volatile int *)(uintptr_t)write_text = 0;
}

static void jump_to_data(void)
{
	static uint16_t code[4] = { 0x4770, 0x4770, 0x4770, 0x4770 };	/* Thumb bx lr */
	void (*fn)(void) = (void (*)(void))((uintptr_t)code | 1);

	fn();
}

static void touch_kernel(void)
{
	(void)*(volatile int *)0x80010000;
}

static void read_past_eof(void)
{
	int fd = open("/tmp/short", O_RDWR | O_CREAT | O_TRUNC, 0644);
	char *p;

	write(fd, "0123456789", 10);
	p = mmap(NULL, 8192, PROT_READ, MAP_PRIVATE, fd, 0);
	if (p == MAP_FAILED)
		_exit(2);
	if (p[5] != '5')	/* inside the file: fine */
		_exit(3);
	(void)*(volatile char *)(p + 4096);	/* the second page lies past EOF */
}

static int deep(int n)
{
	volatile char pad[1024];

	pad[0] = (char)n;
	return n ? deep(n - 1) + pad[0] : 0;
}

static void grow_stack(void)
{
	_exit(deep(1024) == 1024 * 1025 / 2 % 256 ? 0 : 0);	/* 1 MiB of stack */
}

static void check_signal(const char *name, action_fn fn, int sig)
{
	int st = in_child(fn);

	tap_check(WIFSIGNALED(st) && WTERMSIG(st) == sig, name,
		  "expected death by signal %d, seen status 0x%x", sig, st);
}

int main(void)
{
	char *p;
	int st, i;
	long before;

	check_signal("null_write_gets_sigsegv", write_null, SIGSEGV);
	check_signal("write_to_text_gets_sigsegv", write_text, SIGSEGV);
	check_signal("jump_to_data_gets_sigsegv", jump_to_data, SIGSEGV);
	check_signal("kernel_address_gets_sigsegv", touch_kernel, SIGSEGV);
	check_signal("file_mapping_past_eof_gets_sigbus", read_past_eof, SIGBUS);

	st = in_child(grow_stack);
	tap_check(WIFEXITED(st) && WEXITSTATUS(st) == 0, "stack_grows_down_on_demand",
		  "expected exit 0 after 1 MiB of stack, seen status 0x%x", st);

	/* Anonymous memory is lazy: a read maps the zero page, a write a page of its own. */
	p = mmap(NULL, 16 * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	tap_check(p != MAP_FAILED, "anonymous_mmap_succeeds", "errno %d", errno);
	tap_check(!(pagemap(p) & PM_PRESENT), "untouched_anonymous_page_is_not_present",
		  "pagemap 0x%llx", (unsigned long long)pagemap(p));
	before = vmstat("zero_page_fault");
	tap_check(p[4096] == 0, "read_of_fresh_anonymous_memory_is_zero", "seen %d", p[4096]);
	tap_check(vmstat("zero_page_fault") == before + 1, "first_read_maps_the_zero_page",
		  "zero_page_fault %ld -> %ld", before, vmstat("zero_page_fault"));
	{
		uint64_t a = pagemap(p + 4096), b;

		(void)*(volatile char *)(p + 2 * 4096);	/* a read: the zero page again */
		b = pagemap(p + 2 * 4096);
		tap_check(PM_PFN(a) == PM_PFN(b) && (a & PM_PRESENT) && (b & PM_PRESENT),
			  "zero_page_is_one_frame_shared", "pfn 0x%llx vs 0x%llx",
			  (unsigned long long)PM_PFN(a), (unsigned long long)PM_PFN(b));
	}
	before = vmstat("anon_fault");
	for (i = 8; i < 16; i++)
		p[i * 4096] = (char)i;
	tap_check(vmstat("anon_fault") == before + 8, "each_first_write_allocates_one_page",
		  "anon_fault %ld -> %ld", before, vmstat("anon_fault"));
	tap_check(munmap(p, 16 * 4096) == 0, "munmap_succeeds", "errno %d", errno);

	/* Syscalls refuse bad arguments with Linux's errno, and the process lives on. */
	errno = 0;
	tap_check(read(77, p, 1) == -1 && errno == EBADF, "read_bad_fd_is_ebadf", "errno %d",
		  errno);
	errno = 0;
	tap_check(read(0, (void *)0x90000000, 1) == -1 && errno == EFAULT,
		  "read_into_kernel_address_is_efault", "errno %d", errno);
	errno = 0;
	tap_check(write(1, (void *)0x1000, 4) == -1 && errno == EFAULT,
		  "write_from_unmapped_address_is_efault", "errno %d", errno);
	errno = 0;
	tap_check(open((char *)0x1000, O_RDONLY) == -1 && errno == EFAULT,
		  "open_unmapped_path_is_efault", "errno %d", errno);
	errno = 0;
	tap_check(open("/no/such/file", O_RDONLY) == -1 && errno == ENOENT,
		  "open_missing_is_enoent", "errno %d", errno);
	errno = 0;
	tap_check(mmap(NULL, 0, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0) == MAP_FAILED &&
			  errno == EINVAL,
		  "mmap_zero_length_is_einval", "errno %d", errno);
	errno = 0;
	tap_check(mmap(NULL, 4096, PROT_READ, MAP_ANONYMOUS, -1, 0) == MAP_FAILED &&
			  errno == EINVAL,
		  "mmap_neither_shared_nor_private_is_einval", "errno %d", errno);
	errno = 0;
	tap_check(mmap(NULL, 4096, PROT_READ, MAP_PRIVATE, 99, 0) == MAP_FAILED && errno == EBADF,
		  "mmap_bad_fd_is_ebadf", "errno %d", errno);
	errno = 0;
	tap_check(waitpid(-1, &st, 0) == -1 && errno == ECHILD, "wait_without_children_is_echild",
		  "errno %d", errno);
	return tap_done();
}
