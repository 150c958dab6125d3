// SPDX-License-Identifier: MIT
/*
 * libsys_test [--qemu-user] [DIR]: the syscall layer (user/lib) behaves as Linux's C library
 * does.
 *
 * Each test calls POSIX functions and checks what a program can see: return values, errno,
 * memory contents, signals and their siginfo. Written against POSIX only, so the same file
 * also builds with glibc (arm-linux-gnueabihf-gcc -static), and Linux is the oracle:
 * tests/user/run-under-qemu-arm.sh runs both builds under qemu-arm. On our kernel it runs
 * as it is (tools/qemu-run -- /test/libsys_test). Scratch files go in DIR (default /tmp).
 * --qemu-user skips the two checks qemu-user cannot pass whatever the C library does: it
 * has no remap_file_pages(2) and leaves ucontext's fault_address 0.
 *
 * Output is TAP: "ok N - name", or "not ok N - name" followed by "# expected ..., seen ...".
 * The exit status is 1 if any test failed.
 */
#define _GNU_SOURCE
#include <sys/types.h>
#include <sys/auxv.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/ucontext.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define PAGE 4096

static int test_no, failures, qemu_user;
static const char *dir = "/tmp";
static char path_buf[512];

/* CHECK(name, condition, "expected ..., seen %d", value...): one TAP line. */
#define CHECK(name, cond, ...)                                                                     \
	do {                                                                                       \
		if (cond) {                                                                        \
			printf("ok %d - %s\n", ++test_no, name);                                   \
		} else {                                                                           \
			printf("not ok %d - %s\n# ", ++test_no, name);                             \
			printf(__VA_ARGS__);                                                       \
			printf("\n");                                                              \
			failures++;                                                                \
		}                                                                                  \
		fflush(stdout);                                                                    \
	} while (0)

#define SKIP(name, why) printf("ok %d - %s # SKIP %s\n", ++test_no, name, why)

/* A scratch path inside DIR. */
static const char *scratch(const char *name)
{
	snprintf(path_buf, sizeof(path_buf), "%s/libsys_test.%d.%s", dir, (int)getpid(), name);
	return path_buf;
}

/* Creates a file of `len` bytes, byte i being (i / PAGE) + 'a' (one letter per page). */
static int make_file(const char *path, size_t len)
{
	int fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0644);
	size_t i;

	if (fd < 0)
		return -1;
	for (i = 0; i < len; i++) {
		char c = (char)('a' + i / PAGE);

		if (write(fd, &c, 1) != 1) {
			close(fd);
			return -1;
		}
	}
	return fd;
}

/* ---- memory mappings ------------------------------------------------------------------ */

static void test_mmap_anonymous(void)
{
	unsigned char *p =
	    mmap(NULL, 3 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	size_t i, nonzero = 0;

	CHECK("mmap_anonymous_returns_a_page_aligned_address",
	      p != MAP_FAILED && ((unsigned long)p & (PAGE - 1)) == 0,
	      "expected an aligned address, seen %p (errno %d)", (void *)p, errno);
	if (p == MAP_FAILED)
		return;
	for (i = 0; i < 3 * PAGE; i++)
		nonzero += p[i] != 0;
	memset(p, 0x5a, 3 * PAGE);
	CHECK("mmap_anonymous_memory_reads_zero_and_is_writable",
	      nonzero == 0 && p[2 * PAGE] == 0x5a,
	      "expected zeros then 0x5a, seen %u nonzero bytes, then 0x%x", (unsigned)nonzero,
	      p[2 * PAGE]);
	CHECK("munmap_returns_0", munmap(p, 3 * PAGE) == 0, "expected 0, errno %d", errno);
}

static void test_mmap_offset_must_be_page_aligned(void)
{
	void *p = mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 100);

	CHECK("mmap_unaligned_offset_fails_with_einval", p == MAP_FAILED && errno == EINVAL,
	      "expected MAP_FAILED/EINVAL (%d), seen %p/%d", EINVAL, p, errno);
}

static void test_mmap_file(void)
{
	const char *path = scratch("map");
	int fd = make_file(path, 3 * PAGE);
	char *p, *q;
	char c = 0;

	if (fd < 0) {
		CHECK("mmap_file_setup", 0, "cannot create %s: errno %d", path, errno);
		return;
	}
	p = mmap(NULL, 2 * PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, PAGE);
	CHECK("mmap_file_at_an_offset_shows_those_pages",
	      p != MAP_FAILED && p[0] == 'b' && p[PAGE] == 'c',
	      "expected 'b' 'c', seen %c %c (errno %d)", p != MAP_FAILED ? p[0] : '?',
	      p != MAP_FAILED ? p[PAGE] : '?', errno);
	if (p == MAP_FAILED)
		goto out;
	p[1] = 'X';
	CHECK("msync_ms_sync_returns_0", msync(p, 2 * PAGE, MS_SYNC) == 0, "errno %d", errno);
	pread(fd, &c, 1, PAGE + 1);
	CHECK("shared_mapping_write_reaches_the_file", c == 'X', "expected 'X', seen '%c'", c);

	q = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
	if (q != MAP_FAILED) {
		q[0] = 'Y';
		pread(fd, &c, 1, 0);
		CHECK("private_mapping_write_stays_private", q[0] == 'Y' && c == 'a',
		      "expected 'Y' in memory and 'a' in the file, seen '%c' and '%c'", q[0], c);
		munmap(q, PAGE);
	}

	/* remap_file_pages: show file page 2 in the first page of the (shared) mapping. */
	munmap(p, 2 * PAGE);
	p = mmap(NULL, 2 * PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (qemu_user) {
		SKIP("remap_file_pages_puts_file_page_2_first", "qemu-user lacks remap_file_pages");
	} else if (p != MAP_FAILED) {
		int r = remap_file_pages(p, PAGE, 0, 2, 0);

		CHECK("remap_file_pages_puts_file_page_2_first",
		      r == 0 && p[0] == 'c' && p[PAGE] == 'b',
		      "expected 0, 'c' 'b', seen %d (errno %d), '%c' '%c'", r, errno, p[0],
		      p[PAGE]);
	}
	if (p != MAP_FAILED)
		munmap(p, 2 * PAGE);
out:
	close(fd);
	unlink(path);
}

static void test_mincore_and_madvise(void)
{
	unsigned char *p =
	    mmap(NULL, 2 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	unsigned char vec[2] = {0xff, 0xff};
	int r;

	if (p == MAP_FAILED)
		return;
	p[0] = 1;
	r = mincore(p, 2 * PAGE, vec);
	CHECK("mincore_reports_a_touched_page_resident", r == 0 && (vec[0] & 1),
	      "expected 0 and vec[0] bit 0 set, seen %d (errno %d) and 0x%x", r, errno, vec[0]);
	p[PAGE] = 7;
	r = madvise(p, 2 * PAGE, MADV_DONTNEED);
	CHECK("madvise_dontneed_makes_anonymous_memory_read_zero", r == 0 && p[PAGE] == 0,
	      "expected 0 and a zero byte, seen %d (errno %d) and %d", r, errno, p[PAGE]);
	munmap(p, 2 * PAGE);
}

/* ---- faults as signals ---------------------------------------------------------------- */

static sigjmp_buf fault_jump;
static volatile int fault_signo, fault_code;
static void *volatile fault_addr;
static volatile unsigned long fault_uc_address;

static void on_fault(int sig, siginfo_t *info, void *ucontext)
{
	ucontext_t *uc = ucontext;

	fault_signo = sig;
	fault_code = info->si_code;
	fault_addr = info->si_addr;
	fault_uc_address = uc->uc_mcontext.fault_address;
	siglongjmp(fault_jump, 1);
}

/* Touches *p (a write if `write`); returns the signal it raised, 0 if none. */
static int touch(volatile char *p, int write)
{
	fault_signo = 0;
	fault_addr = NULL;
	if (sigsetjmp(fault_jump, 1) == 0) {
		if (write)
			*p = 1;
		else
			(void)*p;
	}
	return fault_signo;
}

static void test_sigsegv(void)
{
	struct sigaction sa;
	char *p;
	int sig;

	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = on_fault;
	sa.sa_flags = SA_SIGINFO;
	sigemptyset(&sa.sa_mask);
	CHECK("sigaction_sa_siginfo_installs", sigaction(SIGSEGV, &sa, NULL) == 0, "errno %d",
	      errno);

	p = mmap(NULL, 2 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED)
		return;
	CHECK("mprotect_read_only_returns_0", mprotect(p + PAGE, PAGE, PROT_READ) == 0, "errno %d",
	      errno);
	sig = touch(p + PAGE + 12, 0);
	CHECK("reading_a_read_only_page_is_allowed", sig == 0, "expected no signal, seen %d", sig);
	sig = touch(p + PAGE + 12, 1);
	CHECK("writing_a_read_only_page_raises_sigsegv_accerr",
	      sig == SIGSEGV && fault_code == SEGV_ACCERR,
	      "expected signal %d code %d, seen %d code %d", SIGSEGV, SEGV_ACCERR, sig, fault_code);
	CHECK("siginfo_si_addr_is_the_faulting_address", fault_addr == p + PAGE + 12,
	      "expected %p, seen %p", (void *)(p + PAGE + 12), fault_addr);
	if (qemu_user)
		SKIP("ucontext_fault_address_is_the_faulting_address", "qemu-user leaves it 0");
	else
		CHECK("ucontext_fault_address_is_the_faulting_address",
		      fault_uc_address == (unsigned long)(p + PAGE + 12), "expected %p, seen 0x%lx",
		      (void *)(p + PAGE + 12), fault_uc_address);
	sig = touch(p + 5, 1);
	CHECK("the_writable_page_next_to_it_is_untouched", sig == 0, "expected no signal, seen %d",
	      sig);

	munmap(p, 2 * PAGE);
	sig = touch(p + 100, 0);
	CHECK("reading_an_unmapped_page_raises_sigsegv_maperr",
	      sig == SIGSEGV && fault_code == SEGV_MAPERR && fault_addr == p + 100,
	      "expected signal %d code %d at %p, seen %d code %d at %p", SIGSEGV, SEGV_MAPERR,
	      (void *)(p + 100), sig, fault_code, fault_addr);
	sig = touch(p + 200, 0);
	CHECK("a_second_fault_after_siglongjmp_is_caught_too", sig == SIGSEGV,
	      "expected %d (siglongjmp restores the mask), seen %d", SIGSEGV, sig);

	signal(SIGSEGV, SIG_DFL);
}

/* ---- signals -------------------------------------------------------------------------- */

static volatile int got_signal, handler_calls;

static void on_signal(int sig)
{
	got_signal = sig;
	handler_calls++;
}

static void test_signals(void)
{
	sigset_t set, pending, old;
	sighandler_t prev;

	prev = signal(SIGUSR1, on_signal);
	got_signal = 0;
	CHECK("signal_returns_the_previous_handler", prev == SIG_DFL, "expected SIG_DFL, seen %p",
	      (void *)prev);
	raise(SIGUSR1);
	CHECK("raise_sigusr1_runs_the_handler_with_10", got_signal == SIGUSR1 && SIGUSR1 == 10,
	      "expected 10, seen %d", got_signal);

	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	sigprocmask(SIG_BLOCK, &set, &old);
	got_signal = 0;
	kill(getpid(), SIGUSR1);
	sigpending(&pending);
	CHECK("a_blocked_signal_stays_pending",
	      got_signal == 0 && sigismember(&pending, SIGUSR1) == 1,
	      "expected no handler and pending, seen handler %d, pending %d", got_signal,
	      sigismember(&pending, SIGUSR1));
	sigprocmask(SIG_SETMASK, &old, NULL);
	CHECK("unblocking_delivers_it", got_signal == SIGUSR1, "expected %d, seen %d", SIGUSR1,
	      got_signal);

	signal(SIGALRM, on_signal);
	got_signal = 0;
	alarm(1);
	pause();
	CHECK("alarm_then_pause_wakes_with_sigalrm", got_signal == SIGALRM, "expected %d, seen %d",
	      SIGALRM, got_signal);
	signal(SIGUSR1, SIG_DFL);
	signal(SIGALRM, SIG_DFL);
	CHECK("strsignal_uses_linux_numbers", strcmp(strsignal(7), "Bus error") == 0,
	      "expected \"Bus error\" for 7, seen \"%s\"", strsignal(7));
}

/* ---- processes ------------------------------------------------------------------------ */

static void test_fork_and_wait(void)
{
	int status = -1, fds[2];
	pid_t child, parent = getpid();
	char buf[32] = "";
	struct rusage ru;

	child = fork();
	if (child == 0)
		_exit(getppid() == parent ? 7 : 8);
	CHECK("waitpid_reports_the_exit_code",
	      waitpid(child, &status, 0) == child && WIFEXITED(status) && WEXITSTATUS(status) == 7,
	      "expected exit 7 (8: getppid was wrong), seen status 0x%x", status);

	child = fork();
	if (child == 0) {
		kill(getpid(), SIGKILL);
		_exit(0);
	}
	CHECK("wait4_reports_death_by_sigkill",
	      wait4(child, &status, 0, &ru) == child && WIFSIGNALED(status) &&
		  WTERMSIG(status) == 9,
	      "expected signal 9, seen status 0x%x", status);

	CHECK("pipe_returns_two_descriptors", pipe(fds) == 0, "errno %d", errno);
	child = fork();
	if (child == 0) {
		close(fds[0]);
		dup2(fds[1], 1);
		printf("through the pipe");
		fflush(stdout);
		_exit(0);
	}
	close(fds[1]);
	read(fds[0], buf, sizeof(buf) - 1);
	close(fds[0]);
	waitpid(child, NULL, 0);
	CHECK("a_child_writes_to_the_parent_through_a_pipe", strcmp(buf, "through the pipe") == 0,
	      "expected \"through the pipe\", seen \"%s\"", buf);

	CHECK("wait_without_children_fails_with_echild", wait(NULL) == -1 && errno == ECHILD,
	      "expected ECHILD (%d), seen %d", ECHILD, errno);
	CHECK("execve_of_a_missing_file_fails_with_enoent",
	      execl("/nonexistent/program", "program", (char *)NULL) == -1 && errno == ENOENT,
	      "expected ENOENT (%d), seen %d", ENOENT, errno);
}

/* ---- files and directories ------------------------------------------------------------ */

static void test_files(void)
{
	const char *path = scratch("file");
	char name[512], newname[600], buf[64] = "";
	struct stat st;
	FILE *f;
	int fd, r;

	snprintf(name, sizeof(name), "%s", path);
	f = fopen(name, "w");
	CHECK("fopen_w_creates_a_file", f != NULL, "errno %d", errno);
	if (f == NULL)
		return;
	fputs("hello\n", f);
	fclose(f);
	f = fopen(name, "a");
	fputs("world\n", f);
	fclose(f);
	fd = open(name, O_RDONLY);
	r = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	CHECK("fopen_a_appends", r == 12 && strcmp(buf, "hello\nworld\n") == 0,
	      "expected \"hello\\nworld\\n\", seen %d bytes \"%s\"", r, buf);
	f = fopen(name, "wx");
	CHECK("fopen_wx_on_an_existing_file_fails_with_eexist", f == NULL && errno == EEXIST,
	      "expected EEXIST (%d), seen %d", EEXIST, errno);

	r = stat(name, &st);
	CHECK("stat_gives_size_type_and_links",
	      r == 0 && st.st_size == 12 && S_ISREG(st.st_mode) && st.st_nlink == 1,
	      "expected 12 bytes, regular, 1 link, seen %d: %lld, 0%o, %u", r,
	      (long long)st.st_size, (unsigned)st.st_mode, (unsigned)st.st_nlink);
	fd = open(name, O_RDWR);
	CHECK("ftruncate_changes_the_size",
	      ftruncate(fd, 3) == 0 && fstat(fd, &st) == 0 && st.st_size == 3,
	      "expected 3, seen %lld (errno %d)", (long long)st.st_size, errno);
	close(fd);
	CHECK("truncate_changes_the_size",
	      truncate(name, 9000) == 0 && stat(name, &st) == 0 && st.st_size == 9000,
	      "expected 9000, seen %lld (errno %d)", (long long)st.st_size, errno);
	fd = open(name, O_RDONLY | O_DIRECTORY);
	CHECK("open_o_directory_on_a_file_fails_with_enotdir", fd == -1 && errno == ENOTDIR,
	      "expected ENOTDIR (%d), seen %d", ENOTDIR, errno);
	fd = open(name, O_WRONLY | O_CREAT | O_EXCL, 0644);
	CHECK("open_o_creat_o_excl_on_an_existing_file_fails_with_eexist",
	      fd == -1 && errno == EEXIST, "expected EEXIST (%d), seen %d", EEXIST, errno);
	fd = open(name, O_RDONLY);
	CHECK("isatty_on_a_file_is_0_with_enotty", isatty(fd) == 0 && errno == ENOTTY,
	      "expected 0/ENOTTY (%d), seen errno %d", ENOTTY, errno);
	close(fd);
	CHECK("fsync_and_sync_work", (fd = open(name, O_RDONLY)) >= 0 && fsync(fd) == 0, "errno %d",
	      errno);
	sync();
	close(fd);
	snprintf(newname, sizeof(newname), "%s.new", name);
	r = rename(name, newname);
	CHECK("rename_moves_the_file",
	      r == 0 && access(name, F_OK) == -1 && access(newname, F_OK) == 0,
	      "expected 0 and only the new name, seen %d (errno %d)", r, errno);
	rename(newname, name);
	unlink(name);
	CHECK("open_of_a_missing_file_fails_with_enoent",
	      open(name, O_RDONLY) == -1 && errno == ENOENT, "expected ENOENT (%d), seen %d",
	      ENOENT, errno);
}

static void test_directories(void)
{
	const char *path = scratch("dir");
	char d[512], file[600], cwd[512], here[512];
	int found_a = 0, found_b = 0, found_dot = 0;
	struct dirent *de;
	DIR *dp;
	int fd;

	snprintf(d, sizeof(d), "%s", path);
	CHECK("mkdir_returns_0", mkdir(d, 0755) == 0, "errno %d", errno);
	CHECK("mkdir_of_an_existing_directory_fails_with_eexist",
	      mkdir(d, 0755) == -1 && errno == EEXIST, "expected EEXIST (%d), seen %d", EEXIST,
	      errno);
	snprintf(file, sizeof(file), "%s/a", d);
	fd = open(file, O_WRONLY | O_CREAT, 0644);
	close(fd);
	snprintf(file, sizeof(file), "%s/b", d);
	mkdir(file, 0755);

	dp = opendir(d);
	while (dp && (de = readdir(dp)) != NULL) {
		if (strcmp(de->d_name, "a") == 0)
			found_a = de->d_type == DT_REG || de->d_type == DT_UNKNOWN;
		if (strcmp(de->d_name, "b") == 0)
			found_b = de->d_type == DT_DIR || de->d_type == DT_UNKNOWN;
		if (strcmp(de->d_name, ".") == 0)
			found_dot = 1;
	}
	if (dp)
		closedir(dp);
	CHECK("readdir_lists_every_entry_with_its_type", found_a && found_b && found_dot,
	      "expected ., a (file), b (dir), seen %d %d %d", found_dot, found_a, found_b);

	CHECK("rmdir_of_a_non_empty_directory_fails_with_enotempty",
	      rmdir(d) == -1 && errno == ENOTEMPTY && ENOTEMPTY == 39,
	      "expected ENOTEMPTY (39), seen %d", errno);
	getcwd(here, sizeof(here));
	CHECK("chdir_and_getcwd_agree",
	      chdir(d) == 0 && getcwd(cwd, sizeof(cwd)) != NULL &&
		  strcmp(strrchr(cwd, '/'), strrchr(d, '/')) == 0,
	      "expected to be in %s, seen %s", d, cwd);
	chdir(here);
	rmdir(file);
	snprintf(file, sizeof(file), "%s/a", d);
	unlink(file);
	CHECK("rmdir_of_an_empty_directory_returns_0", rmdir(d) == 0, "errno %d", errno);
}

/* ---- time, identity, the rest --------------------------------------------------------- */

static long long elapsed_ns(const struct timespec *a, const struct timespec *b)
{
	return (long long)(b->tv_sec - a->tv_sec) * 1000000000LL + (b->tv_nsec - a->tv_nsec);
}

static void test_time(void)
{
	struct timespec t0, t1, nap = {0, 20 * 1000 * 1000};
	long long ns;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	CHECK("nanosleep_returns_0", nanosleep(&nap, NULL) == 0, "errno %d", errno);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	ns = elapsed_ns(&t0, &t1);
	CHECK("clock_monotonic_advances_by_at_least_the_sleep", ns >= 20 * 1000 * 1000,
	      "expected >= 20 ms, seen %lld ns", ns);
	CHECK("time_is_after_2020", time(NULL) > 1577836800, "seen %lld", (long long)time(NULL));
	CHECK("clock_gettime_of_a_bad_clock_fails_with_einval",
	      clock_gettime((clockid_t)1000, &t0) == -1 && errno == EINVAL,
	      "expected EINVAL (%d), seen %d", EINVAL, errno);
	CHECK("clock_getres_is_at_most_a_microsecond",
	      clock_getres(CLOCK_MONOTONIC, &t0) == 0 && t0.tv_sec == 0 && t0.tv_nsec > 0 &&
		      t0.tv_nsec <= 1000,
	      "seen %lld s %ld ns (errno %d)", (long long)t0.tv_sec, t0.tv_nsec, errno);
	CHECK("clock_getres_of_a_bad_clock_fails_with_einval",
	      clock_getres((clockid_t)1000, &t0) == -1 && errno == EINVAL,
	      "expected EINVAL (%d), seen %d", EINVAL, errno);
	CHECK("sched_yield_returns_0", sched_yield() == 0, "errno %d", errno);
}

extern void _start(void);

static void test_system(char **envp)
{
	struct utsname u;
	char msg[64];
	long r;

	CHECK("uname_fills_sysname_and_machine",
	      uname(&u) == 0 && u.sysname[0] && strncmp(u.machine, "arm", 3) == 0,
	      "expected a name and armv7l, seen \"%s\" \"%s\"", u.sysname, u.machine);
	CHECK("sysconf_pagesize_is_4096", sysconf(_SC_PAGESIZE) == 4096 && getpagesize() == 4096,
	      "seen %ld and %d", sysconf(_SC_PAGESIZE), getpagesize());
	CHECK("auxv_at_pagesz_is_4096", getauxval(AT_PAGESZ) == 4096, "seen %lu",
	      getauxval(AT_PAGESZ));
	CHECK("auxv_at_entry_is_start", getauxval(AT_ENTRY) == (unsigned long)_start,
	      "expected %p, seen 0x%lx", (void *)_start, getauxval(AT_ENTRY));
	CHECK("main_envp_is_environ", envp == environ, "expected %p, seen %p", (void *)environ,
	      (void *)envp);
	r = syscall(9999);
	CHECK("an_unknown_syscall_fails_with_enosys", r == -1 && errno == ENOSYS && ENOSYS == 38,
	      "expected -1/ENOSYS (38), seen %ld/%d", r, errno);
	CHECK("strerror_uses_linux_numbers", strcmp(strerror(38), "Function not implemented") == 0,
	      "expected \"Function not implemented\" for 38, seen \"%s\"", strerror(38));
	CHECK("strerror_r_uses_linux_numbers",
	      strcmp(strerror_r(39, msg, sizeof(msg)), "Directory not empty") == 0,
	      "expected \"Directory not empty\" for 39, seen \"%s\"",
	      strerror_r(39, msg, sizeof(msg)));
	CHECK("getuid_and_geteuid_agree",
	      getuid() != (uid_t)-1 && getgid() != (gid_t)-1 && getuid() == geteuid() &&
		      getgid() == getegid(),
	      "seen uid %d euid %d gid %d egid %d", (int)getuid(), (int)geteuid(), (int)getgid(),
	      (int)getegid());
	CHECK("syscall_getpid_matches_getpid", syscall(SYS_getpid) == getpid(), "seen %ld and %d",
	      syscall(SYS_getpid), (int)getpid());
}

static void test_malloc(void)
{
	size_t n = 4 << 20;
	char *p = malloc(n);
	char *q;

	if (p)
		memset(p, 1, n);
	q = malloc(100);
	CHECK("malloc_of_4_mib_works_through_brk", p != NULL && q != NULL && p[n - 1] == 1,
	      "expected memory, seen %p %p", (void *)p, (void *)q);
	free(q);
	free(p);
}

int main(int argc, char **argv, char **envp)
{
	int i;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--qemu-user") == 0)
			qemu_user = 1;
		else
			dir = argv[i];
	}
	test_mmap_anonymous();
	test_mmap_offset_must_be_page_aligned();
	test_mmap_file();
	test_mincore_and_madvise();
	test_sigsegv();
	test_signals();
	test_fork_and_wait();
	test_files();
	test_directories();
	test_time();
	test_system(envp);
	test_malloc();
	printf("1..%d\n", test_no);
	return failures ? 1 : 0;
}
