/* SPDX-License-Identifier: MIT */
/*
 * Helpers shared by the mmap_* and signal_* test programs: the command line, TAP skips,
 * catching SIGSEGV/SIGBUS around one access, scratch files, /proc/self/maps layouts and
 * small signal helpers. Each program is one .c file, so everything here is static; the
 * programs are built three ways (our library on our kernel, glibc under qemu-arm, the host's
 * C library natively: tests/user/run-linux-oracle.sh), and this header uses only what all
 * three have. Include it after #define _GNU_SOURCE and before anything else uses it.
 */
#ifndef MMAP_TEST_H
#define MMAP_TEST_H

#include <sys/mman.h>
#include <sys/wait.h>
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "tap.h"

#define PAGE 4096
#define RW   (PROT_READ | PROT_WRITE)
#define ANON (MAP_PRIVATE | MAP_ANONYMOUS)

/* ---- the command line: PROGRAM [--qemu-user] [DIR] ------------------------------------ */
static int qemu_user;		 /* skip what qemu-user's own mmap emulation cannot pass */
static const char *dir = "/tmp"; /* where to create scratch files */

static inline void parse_args(int argc, char **argv)
{
	int i;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--qemu-user") == 0)
			qemu_user = 1;
		else
			dir = argv[i];
	}
}

static inline void tap_skip(const char *name, const char *why)
{
	char line[256];

	snprintf(line, sizeof(line), "%s # SKIP %s", name, why);
	tap_check(1, line, "%s", "");
}

/* ---- catching faults: touch() returns the signal an access raised, 0 if none ---------- */
static sigjmp_buf fault_jump;
static volatile int fault_sig, fault_signo, fault_code; /* the signal, its si_signo, si_code */
static void *volatile fault_addr;
static volatile int armed; /* touch() is waiting for a fault */

/* A fault where none was expected (a kernel bug): say where, and end the program. */
static inline void unexpected_fault(int sig, void *addr)
{
	char msg[96];
	int n = snprintf(msg, sizeof(msg),
			 "# unexpected signal %d at %p outside touch(): giving up\n", sig, addr);

	write(1, msg, n);
	_exit(128 + sig);
}

static inline void on_fault(int sig, siginfo_t *info, void *ucontext)
{
	(void)ucontext;
	if (!armed)
		unexpected_fault(sig, info->si_addr);
	fault_sig = sig;
	fault_signo = info->si_signo;
	fault_code = info->si_code;
	fault_addr = info->si_addr;
	siglongjmp(fault_jump, 1);
}

/* fn as the SA_SIGINFO handler of sig, with an empty sa_mask. */
static inline void install_siginfo(int sig, void (*fn)(int, siginfo_t *, void *))
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = fn;
	sa.sa_flags = SA_SIGINFO;
	sigemptyset(&sa.sa_mask);
	sigaction(sig, &sa, NULL);
}

static inline void catch_faults(void)
{
	install_siginfo(SIGSEGV, on_fault);
	install_siginfo(SIGBUS, on_fault);
}

/*
 * Accesses p (1: write, 0: read, 2: call as Thumb code); returns the signal, 0 if none.
 * Clears fault_sig, fault_signo and fault_addr first; fault_code keeps the last fault's code
 * (a caller that wants it cleared does so itself).
 */
static inline int touch(volatile char *p, int how)
{
	fault_sig = 0;
	fault_signo = 0;
	fault_addr = NULL;
	armed = 1;
	if (sigsetjmp(fault_jump, 1) == 0) {
		if (how == 1)
			*p = 1;
		else if (how == 0)
			(void)*p;
		else
			((void (*)(void))((uintptr_t)p | 1))();
	}
	armed = 0;
	return fault_sig;
}

/* Checks that touch(p, how) raises SIGSEGV with si_code code (named code_name) at p. */
static inline void check_segv(const char *name, char *p, int how, int code, const char *code_name)
{
	int sig = touch(p, how);

	tap_check(sig == SIGSEGV && fault_code == code && fault_addr == p, name,
		  "expected signal %d code %d (%s) at %p, seen signal %d code %d at %p", SIGSEGV,
		  code, code_name, (void *)p, sig, fault_code, fault_addr);
}

/* ---- /proc/self/maps ------------------------------------------------------------------ */
struct maps_line {
	unsigned long start, end;
	char perms[5];
};

/* The lines of /proc/self/maps that overlap [start, end), up to max of them in out; returns
 * how many overlap, -1 if the file cannot be read. */
static inline int maps_between(const void *start, const void *end, struct maps_line *out, int max)
{
	static char buf[65536];
	ssize_t got, len = 0;
	int fd = open("/proc/self/maps", O_RDONLY), n = 0;
	char *p, *e;

	if (fd < 0)
		return -1;
	while (len < (ssize_t)sizeof(buf) - 1 &&
	       (got = read(fd, buf + len, sizeof(buf) - 1 - len)) > 0)
		len += got;
	close(fd);
	buf[len] = '\0';
	for (p = buf; p && *p; p = strchr(p, '\n'), p = p ? p + 1 : NULL) {
		struct maps_line l;

		l.start = strtoul(p, &e, 16);
		if (*e != '-')
			break;
		l.end = strtoul(e + 1, &e, 16);
		memcpy(l.perms, e + 1, 4);
		l.perms[4] = '\0';
		if (l.start < (unsigned long)end && l.end > (unsigned long)start) {
			if (n < max)
				out[n] = l;
			n++;
		}
	}
	return n;
}

/*
 * The VMAs of the npages pages from base, as "FIRST-END:PERMS" in pages from base, clipped
 * to the window: "0-1:rw-p 2-4:r--p" is one read-write page, a hole, two read-only pages.
 */
static inline const char *layout(const void *base, int npages)
{
	static char out[512];
	struct maps_line l[16];
	unsigned long b = (unsigned long)base, s, e;
	int n = maps_between(base, (const char *)base + npages * PAGE, l, 16), i;
	size_t len = 0;

	if (n < 0)
		return "(cannot read /proc/self/maps)";
	out[0] = '\0';
	for (i = 0; i < n && i < 16; i++) {
		s = l[i].start < b ? 0 : (l[i].start - b) / PAGE;
		e = (l[i].end - b) / PAGE > (unsigned long)npages ? (unsigned long)npages
								  : (l[i].end - b) / PAGE;
		len += snprintf(out + len, sizeof(out) - len, "%s%lu-%lu:%s", i ? " " : "", s, e,
				l[i].perms);
	}
	return out;
}

static inline void check_layout(const char *name, const void *base, int npages, const char *want)
{
	const char *seen = layout(base, npages);

	tap_check(strcmp(seen, want) == 0, name, "expected VMAs \"%s\", seen \"%s\"", want, seen);
}

/* npages of PROT_NONE address space between two more PROT_NONE guard pages: whatever is
 * mapped there with MAP_FIXED can merge with nothing outside. Returns the first page. */
static inline char *guarded(int npages)
{
	char *g = mmap(NULL, (npages + 2) * PAGE, PROT_NONE, ANON, -1, 0);

	return g == MAP_FAILED ? NULL : g + PAGE;
}

/* ---- files and memory ----------------------------------------------------------------- */

/* DIR/name, in one of 8 rotating buffers, so that one call can take several such paths. */
static inline const char *at(const char *name)
{
	static char buf[8][256];
	static int next;
	char *p = buf[next++ % 8];

	snprintf(p, sizeof(buf[0]), "%s/%s", dir, name);
	return p;
}

/* Creates DIR/name with npages pages, page i filled with 'a' + i; returns its path (in a
 * static buffer: the next call overwrites it). */
static inline const char *make_file(const char *name, int npages)
{
	static char path[256];
	char page[PAGE];
	int fd, i;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0644);
	for (i = 0; i < npages; i++) {
		memset(page, 'a' + i, PAGE);
		if (write(fd, page, PAGE) != PAGE)
			printf("# cannot write %s: errno %d\n", path, errno);
	}
	close(fd);
	return path;
}

/* The byte at offset off of the file at path, read through a new descriptor (-1 if none). */
static inline int file_byte(const char *path, off_t off)
{
	unsigned char c;
	int fd = open(path, O_RDONLY), n;

	n = pread(fd, &c, 1, off);
	close(fd);
	return n == 1 ? c : -1;
}

/* Whether the n bytes at p are all c. */
static inline int all_bytes(const char *p, int c, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (p[i] != c)
			return 0;
	return 1;
}

/* ---- processes and signal actions ----------------------------------------------------- */

/* waitpid's status for pid (-1 if waitpid fails). */
static inline int wait_status(pid_t pid)
{
	int st = -1;

	waitpid(pid, &st, 0);
	return st;
}

/* fn as the plain handler of sig, with sa_flags flags and an empty sa_mask. */
static inline void set_handler_flags(int sig, void (*fn)(int), int flags)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = fn;
	sa.sa_flags = flags;
	sigemptyset(&sa.sa_mask);
	sigaction(sig, &sa, NULL);
}

/* The same with no flags. */
static inline void set_handler(int sig, void (*fn)(int))
{
	set_handler_flags(sig, fn, 0);
}

/* Recurses until the stack runs out and the kernel sends SIGSEGV (no tail call: the sum
 * needs each frame). */
static int __attribute__((noinline, unused)) recurse_forever(volatile char *prev)
{
	volatile char buf[256];

	buf[0] = prev ? prev[0] + 1 : 0;
	if (buf[0] == 0x7f && prev == (volatile char *)1)
		return buf[0];	/* never true: keeps the compiler from seeing an endless loop */
	return recurse_forever(buf) + buf[1];
}

#endif
