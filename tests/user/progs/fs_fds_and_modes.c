// SPDX-License-Identifier: MIT
/*
 * Descriptors and modes, as Linux has them: close-on-exec set by open(O_CLOEXEC), pipe2,
 * dup3 and fcntl(F_DUPFD_CLOEXEC) and honoured by execve; fchdir; chmod and fchmod;
 * fdatasync. Run on our kernel by tests/qemu/mmap.sh and on Linux by
 * tests/user/run-linux-oracle.sh.
 *
 *   fs_fds_and_modes [--qemu-user] [DIR]
 *   fs_fds_and_modes --exec-check FD...   (the program after its own execve: which FDs are open)
 */
#define _GNU_SOURCE
#include "mmap_test.h"
#include <sys/stat.h>

static int cloexec_of(int fd)
{
	int flags = fcntl(fd, F_GETFD);

	return flags < 0 ? -1 : (flags & FD_CLOEXEC) != 0;
}

static unsigned int mode_of(const char *path)
{
	struct stat st;

	return stat(path, &st) ? 0 : (unsigned int)(st.st_mode & 07777);
}

/* After execve: print "open" or "closed" for each descriptor named on the command line. */
static int exec_check(int argc, char **argv)
{
	int i;

	for (i = 2; i < argc; i++)
		printf("%s %s\n", argv[i], fcntl(atoi(argv[i]), F_GETFD) < 0 ? "closed" : "open");
	return 0;
}

static void close_on_exec(char *self)
{
	int plain = open(at("f"), O_CREAT | O_RDWR, 0644);
	int cx = open(at("f"), O_RDWR | O_CLOEXEC);
	int p[2] = { -1, -1 }, d3, dd, status;
	char args[4][12], out[256] = "";
	int pipefd[2];
	pid_t pid;
	ssize_t n;

	tap_check(cloexec_of(plain) == 0 && cloexec_of(cx) == 1, "open_o_cloexec_marks_the_fd",
		  "plain %d, O_CLOEXEC %d", cloexec_of(plain), cloexec_of(cx));
	tap_check((fcntl(cx, F_GETFL) & O_CLOEXEC) == 0, "o_cloexec_is_not_a_file_status_flag",
		  "F_GETFL %#x", fcntl(cx, F_GETFL));
	tap_check(pipe2(p, O_CLOEXEC) == 0 && cloexec_of(p[0]) == 1 && cloexec_of(p[1]) == 1,
		  "pipe2_o_cloexec_marks_both_ends", "%d %d", cloexec_of(p[0]), cloexec_of(p[1]));
	tap_check(pipe2(pipefd, 0777) == -1 && errno == EINVAL, "pipe2_unknown_flags_are_einval",
		  "errno %d", errno);
	d3 = dup3(plain, 20, O_CLOEXEC);
	tap_check(d3 == 20 && cloexec_of(20) == 1, "dup3_o_cloexec_marks_the_new_fd",
		  "dup3 returned %d, cloexec %d", d3, cloexec_of(20));
	tap_check(dup3(plain, plain, 0) == -1 && errno == EINVAL,
		  "dup3_of_one_fd_onto_itself_is_einval", "errno %d", errno);
	tap_check(dup3(plain, 21, 1) == -1 && errno == EINVAL, "dup3_unknown_flags_are_einval",
		  "errno %d", errno);
	tap_check(dup2(cx, 20) == 20 && cloexec_of(20) == 0, "dup2_clears_close_on_exec",
		  "cloexec %d", cloexec_of(20));
	dd = fcntl(plain, F_DUPFD_CLOEXEC, 30);
	tap_check(dd >= 30 && cloexec_of(dd) == 1, "f_dupfd_cloexec_marks_the_new_fd",
		  "fd %d, cloexec %d", dd, cloexec_of(dd));
	tap_check(fcntl(plain, F_SETFD, FD_CLOEXEC) == 0 && cloexec_of(plain) == 1 &&
			  fcntl(plain, F_SETFD, 0) == 0 && cloexec_of(plain) == 0,
		  "f_setfd_sets_and_clears", "cloexec %d", cloexec_of(plain));

	if (qemu_user) {
		tap_skip("execve_closes_exactly_the_close_on_exec_fds",
			 "qemu-user cannot execve an ARM program");
		return;
	}
	/* The program runs itself and reports which descriptors survived the exec. */
	snprintf(args[0], sizeof(args[0]), "%d", plain);
	snprintf(args[1], sizeof(args[1]), "%d", cx);
	snprintf(args[2], sizeof(args[2]), "%d", p[0]);
	snprintf(args[3], sizeof(args[3]), "%d", dd);
	if (pipe(pipefd) < 0)
		return;
	pid = fork();
	if (pid == 0) {
		char *a[] = { self, "--exec-check", args[0], args[1], args[2], args[3], NULL };

		dup2(pipefd[1], 1);
		execv(self, a);
		_exit(127);
	}
	close(pipefd[1]);
	n = read(pipefd[0], out, sizeof(out) - 1);
	while (n > 0 && (size_t)n < sizeof(out) - 1) {
		ssize_t m = read(pipefd[0], out + n, sizeof(out) - 1 - n);

		if (m <= 0)
			break;
		n += m;
	}
	out[n > 0 ? n : 0] = '\0';
	close(pipefd[0]);
	waitpid(pid, &status, 0);
	{
		char expected[128];

		snprintf(expected, sizeof(expected), "%s open\n%s closed\n%s closed\n%s closed\n",
			 args[0], args[1], args[2], args[3]);
		tap_check(strcmp(out, expected) == 0, "execve_closes_exactly_the_close_on_exec_fds",
			  "expected:\n%s# seen:\n%s", expected, out);
	}
}

static void change_directory_by_fd(void)
{
	char cwd[256], expected[256];
	int d, f;

	mkdir(at("sub"), 0755);
	d = open(at("sub"), O_RDONLY | O_DIRECTORY);
	f = open(at("f"), O_RDONLY);
	tap_check(fchdir(d) == 0 && open("in_sub", O_CREAT | O_WRONLY, 0644) >= 0 &&
			  access(at("sub/in_sub"), F_OK) == 0,
		  "fchdir_makes_relative_names_start_there", "errno %d", errno);
	snprintf(expected, sizeof(expected), "%s", at("sub"));
	tap_check(getcwd(cwd, sizeof(cwd)) && strcmp(cwd, expected) == 0,
		  "getcwd_after_fchdir", "expected %s, seen %s", expected, cwd);
	tap_check(fchdir(f) == -1 && errno == ENOTDIR, "fchdir_to_a_file_is_enotdir", "errno %d",
		  errno);
	tap_check(fchdir(99) == -1 && errno == EBADF, "fchdir_to_a_closed_fd_is_ebadf", "errno %d",
		  errno);
	close(d);
	close(f);
}

static void modes(void)
{
	int fd = open(at("m"), O_CREAT | O_RDWR, 0600);
	struct stat st;

	tap_check(chmod(at("m"), 0751) == 0 && mode_of(at("m")) == 0751, "chmod_sets_the_mode",
		  "mode %o", mode_of(at("m")));
	tap_check(fchmod(fd, 04640) == 0 && mode_of(at("m")) == 04640,
		  "fchmod_sets_the_mode_with_setuid", "mode %o", mode_of(at("m")));
	tap_check(fstat(fd, &st) == 0 && S_ISREG(st.st_mode), "chmod_keeps_the_file_type",
		  "mode %o", (unsigned int)st.st_mode);
	tap_check(chmod(at("sub"), 0700) == 0 && mode_of(at("sub")) == 0700 &&
			  stat(at("sub"), &st) == 0 && S_ISDIR(st.st_mode),
		  "chmod_of_a_directory", "mode %o", mode_of(at("sub")));
	tap_check(chmod(at("missing"), 0600) == -1 && errno == ENOENT, "chmod_of_a_missing_file",
		  "errno %d", errno);
	tap_check(fchmod(99, 0600) == -1 && errno == EBADF, "fchmod_of_a_closed_fd_is_ebadf",
		  "errno %d", errno);
	tap_check(write(fd, "x", 1) == 1 && fdatasync(fd) == 0, "fdatasync_of_a_file",
		  "errno %d", errno);
	tap_check(fdatasync(99) == -1 && errno == EBADF, "fdatasync_of_a_closed_fd_is_ebadf",
		  "errno %d", errno);
	close(fd);
}

int main(int argc, char **argv)
{
	if (argc > 1 && strcmp(argv[1], "--exec-check") == 0)
		return exec_check(argc, argv);
	parse_args(argc, argv);
	close_on_exec(argv[0]);
	change_directory_by_fd();
	modes();
	return tap_done();
}
