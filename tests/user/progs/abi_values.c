// SPDX-License-Identifier: MIT
/*
 * abi_values: prints the value of every constant and structure offset user programs share
 * with the kernel, one "group NAME VALUE" line each.
 *
 * Built twice, with our headers (arm-none-eabi, newlib + user/include) and with Linux's
 * (arm-linux-gnueabihf-gcc -static, glibc), the two outputs must be identical: that is
 * tests/user/run-under-qemu-arm.sh's proof that our errno, signal, open-flag, mmap, wait
 * and syscall numbers, and the layouts of struct stat, siginfo_t, ucontext_t and struct
 * dirent, are Linux ARM's. A name one side lacks fails that side's build.
 */
#define _GNU_SOURCE
#include <sys/types.h>
#include <sys/auxv.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/reboot.h>
#include <sys/stat.h>
#include <sys/swap.h>
#include <sys/syscall.h>
#include <sys/ucontext.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

#define V(group, name) printf("%s %s %ld\n", group, #name, (long)(name))

/* glibc's 32-bit struct stat and struct dirent are its own; the kernel's layouts are what
 * glibc calls struct stat64 and struct dirent64. */
#ifdef __GLIBC__
#define KSTAT	struct stat64
#define KDIRENT struct dirent64
#else
#define KSTAT	struct stat
#define KDIRENT struct dirent
#endif

static void errno_values(void)
{
	const char *g = "errno";

	V(g, EPERM), V(g, ENOENT), V(g, ESRCH), V(g, EINTR), V(g, EIO), V(g, ENXIO);
	V(g, E2BIG), V(g, ENOEXEC), V(g, EBADF), V(g, ECHILD), V(g, EAGAIN), V(g, ENOMEM);
	V(g, EACCES), V(g, EFAULT), V(g, ENOTBLK), V(g, EBUSY), V(g, EEXIST), V(g, EXDEV);
	V(g, ENODEV), V(g, ENOTDIR), V(g, EISDIR), V(g, EINVAL), V(g, ENFILE), V(g, EMFILE);
	V(g, ENOTTY), V(g, ETXTBSY), V(g, EFBIG), V(g, ENOSPC), V(g, ESPIPE), V(g, EROFS);
	V(g, EMLINK), V(g, EPIPE), V(g, EDOM), V(g, ERANGE), V(g, EDEADLK), V(g, ENAMETOOLONG);
	V(g, ENOLCK), V(g, ENOSYS), V(g, ENOTEMPTY), V(g, ELOOP), V(g, EWOULDBLOCK);
	V(g, ENOMSG), V(g, EIDRM), V(g, ECHRNG), V(g, EL2NSYNC), V(g, EL3HLT), V(g, EL3RST);
	V(g, ELNRNG), V(g, EUNATCH), V(g, ENOCSI), V(g, EL2HLT), V(g, EBADE), V(g, EBADR);
	V(g, EXFULL), V(g, ENOANO), V(g, EBADRQC), V(g, EBADSLT), V(g, EDEADLOCK), V(g, EBFONT);
	V(g, ENOSTR), V(g, ENODATA), V(g, ETIME), V(g, ENOSR), V(g, ENONET), V(g, ENOPKG);
	V(g, EREMOTE), V(g, ENOLINK), V(g, EADV), V(g, ESRMNT), V(g, ECOMM), V(g, EPROTO);
	V(g, EMULTIHOP), V(g, EDOTDOT), V(g, EBADMSG), V(g, EOVERFLOW), V(g, ENOTUNIQ);
	V(g, EBADFD), V(g, EREMCHG), V(g, ELIBACC), V(g, ELIBBAD), V(g, ELIBSCN), V(g, ELIBMAX);
	V(g, ELIBEXEC), V(g, EILSEQ), V(g, ERESTART), V(g, ESTRPIPE), V(g, EUSERS);
	V(g, ENOTSOCK), V(g, EDESTADDRREQ), V(g, EMSGSIZE), V(g, EPROTOTYPE), V(g, ENOPROTOOPT);
	V(g, EPROTONOSUPPORT), V(g, ESOCKTNOSUPPORT), V(g, EOPNOTSUPP), V(g, ENOTSUP);
	V(g, EPFNOSUPPORT), V(g, EAFNOSUPPORT), V(g, EADDRINUSE), V(g, EADDRNOTAVAIL);
	V(g, ENETDOWN), V(g, ENETUNREACH), V(g, ENETRESET), V(g, ECONNABORTED), V(g, ECONNRESET);
	V(g, ENOBUFS), V(g, EISCONN), V(g, ENOTCONN), V(g, ESHUTDOWN), V(g, ETOOMANYREFS);
	V(g, ETIMEDOUT), V(g, ECONNREFUSED), V(g, EHOSTDOWN), V(g, EHOSTUNREACH), V(g, EALREADY);
	V(g, EINPROGRESS), V(g, ESTALE), V(g, EUCLEAN), V(g, ENOTNAM), V(g, ENAVAIL);
	V(g, EISNAM), V(g, EREMOTEIO), V(g, EDQUOT), V(g, ENOMEDIUM), V(g, EMEDIUMTYPE);
	V(g, ECANCELED), V(g, ENOKEY), V(g, EKEYEXPIRED), V(g, EKEYREVOKED), V(g, EKEYREJECTED);
	V(g, EOWNERDEAD), V(g, ENOTRECOVERABLE), V(g, ERFKILL), V(g, EHWPOISON);
}

static void signal_values(void)
{
	const char *g = "signal";

	V(g, SIGHUP), V(g, SIGINT), V(g, SIGQUIT), V(g, SIGILL), V(g, SIGTRAP), V(g, SIGABRT);
	V(g, SIGIOT), V(g, SIGBUS), V(g, SIGFPE), V(g, SIGKILL), V(g, SIGUSR1), V(g, SIGSEGV);
	V(g, SIGUSR2), V(g, SIGPIPE), V(g, SIGALRM), V(g, SIGTERM), V(g, SIGSTKFLT);
	V(g, SIGCHLD), V(g, SIGCONT), V(g, SIGSTOP), V(g, SIGTSTP), V(g, SIGTTIN), V(g, SIGTTOU);
	V(g, SIGURG), V(g, SIGXCPU), V(g, SIGXFSZ), V(g, SIGVTALRM), V(g, SIGPROF);
	V(g, SIGWINCH), V(g, SIGIO), V(g, SIGPOLL), V(g, SIGPWR), V(g, SIGSYS), V(g, NSIG);
	V(g, (long)SIG_DFL), V(g, (long)SIG_IGN), V(g, (long)SIG_ERR);

	g = "sigaction";
	V(g, SA_NOCLDSTOP), V(g, SA_NOCLDWAIT), V(g, SA_SIGINFO), V(g, SA_ONSTACK);
	V(g, SA_RESTART), V(g, SA_NODEFER), V(g, SA_RESETHAND), V(g, SIG_BLOCK);
	V(g, SIG_UNBLOCK), V(g, SIG_SETMASK), V(g, SS_ONSTACK), V(g, SS_DISABLE);

	g = "si_code";
	V(g, SI_USER), V(g, SI_KERNEL), V(g, SI_QUEUE), V(g, SI_TIMER), V(g, SI_TKILL);
	V(g, SEGV_MAPERR), V(g, SEGV_ACCERR), V(g, BUS_ADRALN), V(g, BUS_ADRERR);
	V(g, BUS_OBJERR), V(g, ILL_ILLOPC), V(g, ILL_PRVOPC), V(g, FPE_INTDIV), V(g, FPE_INTOVF);
	V(g, TRAP_BRKPT), V(g, TRAP_TRACE), V(g, CLD_EXITED), V(g, CLD_KILLED), V(g, CLD_DUMPED);
	V(g, CLD_STOPPED), V(g, CLD_CONTINUED);

	g = "siginfo_t";
	V(g, sizeof(siginfo_t)), V(g, offsetof(siginfo_t, si_signo));
	V(g, offsetof(siginfo_t, si_errno)), V(g, offsetof(siginfo_t, si_code));
	V(g, offsetof(siginfo_t, si_addr)), V(g, offsetof(siginfo_t, si_pid));
	V(g, offsetof(siginfo_t, si_uid)), V(g, offsetof(siginfo_t, si_status));
	V(g, offsetof(siginfo_t, si_value)), V(g, offsetof(siginfo_t, si_band));
	V(g, offsetof(siginfo_t, si_fd));

	g = "ucontext_t";
	V(g, offsetof(ucontext_t, uc_link)), V(g, offsetof(ucontext_t, uc_stack));
	V(g, offsetof(ucontext_t, uc_mcontext)), V(g, offsetof(ucontext_t, uc_mcontext.arm_r0));
	V(g, offsetof(ucontext_t, uc_mcontext.arm_sp)),
	    V(g, offsetof(ucontext_t, uc_mcontext.arm_pc));
	V(g, offsetof(ucontext_t, uc_mcontext.arm_cpsr));
	V(g, offsetof(ucontext_t, uc_mcontext.fault_address));
	V(g, offsetof(ucontext_t, uc_sigmask)), V(g, offsetof(ucontext_t, uc_regspace));
	V(g, sizeof(stack_t));
}

static void file_values(void)
{
	const char *g = "open";

	V(g, O_ACCMODE), V(g, O_RDONLY), V(g, O_WRONLY), V(g, O_RDWR), V(g, O_CREAT);
	V(g, O_EXCL), V(g, O_NOCTTY), V(g, O_TRUNC), V(g, O_APPEND), V(g, O_NONBLOCK);
	V(g, O_DSYNC), V(g, O_DIRECTORY), V(g, O_NOFOLLOW), V(g, O_DIRECT), V(g, O_LARGEFILE);
	V(g, O_NOATIME), V(g, O_CLOEXEC), V(g, O_SYNC), V(g, O_RSYNC), V(g, O_PATH);

	g = "fcntl";
	V(g, F_DUPFD), V(g, F_GETFD), V(g, F_SETFD), V(g, F_GETFL), V(g, F_SETFL), V(g, F_GETLK);
	V(g, F_SETLK), V(g, F_SETLKW), V(g, F_SETOWN), V(g, F_GETOWN), V(g, F_DUPFD_CLOEXEC);
	V(g, FD_CLOEXEC), V(g, F_RDLCK), V(g, F_WRLCK), V(g, F_UNLCK), V(g, AT_FDCWD);
	V(g, AT_SYMLINK_NOFOLLOW), V(g, AT_REMOVEDIR), V(g, AT_SYMLINK_FOLLOW), V(g, AT_EACCESS);
	V(g, SEEK_SET), V(g, SEEK_CUR), V(g, SEEK_END), V(g, R_OK), V(g, W_OK), V(g, X_OK);
	V(g, F_OK);

	g = "stat";
	V(g, S_IFMT), V(g, S_IFSOCK), V(g, S_IFLNK), V(g, S_IFREG), V(g, S_IFBLK), V(g, S_IFDIR);
	V(g, S_IFCHR), V(g, S_IFIFO), V(g, S_ISUID), V(g, S_ISGID), V(g, S_ISVTX), V(g, S_IRWXU);
	V(g, S_IRUSR), V(g, S_IWUSR), V(g, S_IXUSR), V(g, S_IRWXG), V(g, S_IRWXO);
	V(g, sizeof(KSTAT)), V(g, offsetof(KSTAT, st_dev)), V(g, offsetof(KSTAT, st_mode));
	V(g, offsetof(KSTAT, st_nlink)), V(g, offsetof(KSTAT, st_uid));
	V(g, offsetof(KSTAT, st_gid)), V(g, offsetof(KSTAT, st_rdev));
	V(g, offsetof(KSTAT, st_size)), V(g, offsetof(KSTAT, st_blksize));
	V(g, offsetof(KSTAT, st_blocks)), V(g, offsetof(KSTAT, st_atime));
	V(g, offsetof(KSTAT, st_mtime)), V(g, offsetof(KSTAT, st_ctime));
	V(g, offsetof(KSTAT, st_ino));

	g = "dirent";
	V(g, DT_UNKNOWN), V(g, DT_FIFO), V(g, DT_CHR), V(g, DT_DIR), V(g, DT_BLK), V(g, DT_REG);
	V(g, DT_LNK), V(g, DT_SOCK), V(g, offsetof(KDIRENT, d_ino)), V(g, offsetof(KDIRENT, d_off));
	V(g, offsetof(KDIRENT, d_reclen)), V(g, offsetof(KDIRENT, d_type));
	V(g, offsetof(KDIRENT, d_name)), V(g, sizeof(KDIRENT));
}

static void memory_values(void)
{
	const char *g = "mman";

	V(g, PROT_NONE), V(g, PROT_READ), V(g, PROT_WRITE), V(g, PROT_EXEC);
	V(g, PROT_GROWSDOWN), V(g, PROT_GROWSUP), V(g, MAP_SHARED), V(g, MAP_PRIVATE);
	V(g, MAP_SHARED_VALIDATE), V(g, MAP_TYPE), V(g, MAP_FIXED), V(g, MAP_ANONYMOUS);
	V(g, MAP_ANON), V(g, MAP_GROWSDOWN), V(g, MAP_DENYWRITE), V(g, MAP_EXECUTABLE);
	V(g, MAP_LOCKED), V(g, MAP_NORESERVE), V(g, MAP_POPULATE), V(g, MAP_NONBLOCK);
	V(g, MAP_STACK), V(g, MAP_HUGETLB), V(g, MAP_FIXED_NOREPLACE), V(g, (long)MAP_FAILED);
	V(g, MS_ASYNC), V(g, MS_INVALIDATE), V(g, MS_SYNC), V(g, MADV_NORMAL), V(g, MADV_RANDOM);
	V(g, MADV_SEQUENTIAL), V(g, MADV_WILLNEED), V(g, MADV_DONTNEED), V(g, MADV_FREE);
	V(g, MADV_REMOVE), V(g, MADV_DONTFORK), V(g, MADV_DOFORK), V(g, MCL_CURRENT);
	V(g, MCL_FUTURE);
}

static void process_values(void)
{
	const char *g = "wait";

	V(g, WNOHANG), V(g, WUNTRACED), V(g, WSTOPPED), V(g, WEXITED), V(g, WCONTINUED);
	V(g, WNOWAIT), V(g, WEXITSTATUS(0x0300)), V(g, !!WIFEXITED(0x0300));
	V(g, !!WIFSIGNALED(0x0300)), V(g, !!WIFSIGNALED(0x000b)), V(g, WTERMSIG(0x008b));
	V(g, !!WCOREDUMP(0x008b)), V(g, !!WCOREDUMP(0x000b)), V(g, !!WIFEXITED(0x000b));
	V(g, !!WIFSTOPPED(0x137f)), V(g, WSTOPSIG(0x137f)), V(g, !!WIFSIGNALED(0x137f));
	V(g, !!WIFCONTINUED(0xffff)), V(g, !!WIFEXITED(0xffff)), V(g, !!WIFSIGNALED(0xffff));

	g = "clock";
	V(g, CLOCK_REALTIME), V(g, CLOCK_MONOTONIC), V(g, CLOCK_PROCESS_CPUTIME_ID);
	V(g, CLOCK_THREAD_CPUTIME_ID), V(g, CLOCK_MONOTONIC_RAW), V(g, CLOCK_REALTIME_COARSE);
	V(g, CLOCK_MONOTONIC_COARSE), V(g, CLOCK_BOOTTIME), V(g, TIMER_ABSTIME);

	g = "system";
	V(g, MS_RDONLY), V(g, MS_NOSUID), V(g, MS_NODEV), V(g, MS_NOEXEC), V(g, MS_SYNCHRONOUS);
	V(g, MS_REMOUNT), V(g, MS_MANDLOCK), V(g, MS_DIRSYNC), V(g, MS_NOATIME);
	V(g, MS_NODIRATIME), V(g, MS_BIND), V(g, MS_MOVE), V(g, MS_SILENT), V(g, MNT_FORCE);
	V(g, MNT_DETACH), V(g, MNT_EXPIRE), V(g, UMOUNT_NOFOLLOW), V(g, RB_AUTOBOOT);
	V(g, RB_HALT_SYSTEM), V(g, RB_POWER_OFF), V(g, RB_ENABLE_CAD), V(g, RB_DISABLE_CAD);
	V(g, SWAP_FLAG_PREFER), V(g, SWAP_FLAG_PRIO_MASK), V(g, SWAP_FLAG_PRIO_SHIFT);
	V(g, SWAP_FLAG_DISCARD), V(g, sizeof(struct utsname));
	V(g, offsetof(struct utsname, machine)), V(g, AT_NULL), V(g, AT_PHDR), V(g, AT_PHENT);
	V(g, AT_PHNUM), V(g, AT_PAGESZ), V(g, AT_BASE), V(g, AT_ENTRY), V(g, AT_UID);
	V(g, AT_PLATFORM), V(g, AT_HWCAP), V(g, AT_CLKTCK), V(g, AT_SECURE), V(g, AT_RANDOM);
	V(g, AT_HWCAP2), V(g, AT_EXECFN);
}

/* Every number in our <sys/syscall.h>, against Linux's <asm/unistd.h> (via glibc's). */
static void syscall_numbers(void)
{
	const char *g = "syscall";

	V(g, __NR_exit), V(g, __NR_fork), V(g, __NR_read), V(g, __NR_write), V(g, __NR_open);
	V(g, __NR_close), V(g, __NR_creat), V(g, __NR_link), V(g, __NR_unlink), V(g, __NR_execve);
	V(g, __NR_chdir), V(g, __NR_mknod), V(g, __NR_chmod), V(g, __NR_lseek), V(g, __NR_getpid);
	V(g, __NR_mount), V(g, __NR_pause), V(g, __NR_access), V(g, __NR_sync), V(g, __NR_kill);
	V(g, __NR_rename), V(g, __NR_mkdir), V(g, __NR_rmdir), V(g, __NR_dup), V(g, __NR_pipe);
	V(g, __NR_times), V(g, __NR_brk), V(g, __NR_umount2), V(g, __NR_ioctl), V(g, __NR_fcntl);
	V(g, __NR_setpgid), V(g, __NR_umask), V(g, __NR_dup2), V(g, __NR_getppid);
	V(g, __NR_setsid), V(g, __NR_symlink), V(g, __NR_readlink), V(g, __NR_swapon);
	V(g, __NR_reboot), V(g, __NR_munmap), V(g, __NR_truncate), V(g, __NR_ftruncate);
	V(g, __NR_fchmod), V(g, __NR_syslog), V(g, __NR_setitimer), V(g, __NR_getitimer);
	V(g, __NR_wait4), V(g, __NR_swapoff), V(g, __NR_sysinfo), V(g, __NR_fsync);
	V(g, __NR_sigreturn);
	V(g, __NR_clone), V(g, __NR_uname), V(g, __NR_mprotect), V(g, __NR_getpgid);
	V(g, __NR_fchdir), V(g, __NR__llseek), V(g, __NR_getdents), V(g, __NR_msync);
	V(g, __NR_readv), V(g, __NR_writev), V(g, __NR_fdatasync), V(g, __NR_mlock);
	V(g, __NR_munlock), V(g, __NR_sched_yield), V(g, __NR_nanosleep), V(g, __NR_mremap);
	V(g, __NR_poll), V(g, __NR_rt_sigreturn), V(g, __NR_rt_sigaction);
	V(g, __NR_rt_sigprocmask), V(g, __NR_rt_sigpending), V(g, __NR_rt_sigsuspend);
	V(g, __NR_pread64), V(g, __NR_pwrite64), V(g, __NR_getcwd), V(g, __NR_sigaltstack);
	V(g, __NR_vfork), V(g, __NR_mmap2), V(g, __NR_truncate64), V(g, __NR_ftruncate64);
	V(g, __NR_stat64), V(g, __NR_lstat64), V(g, __NR_fstat64), V(g, __NR_getuid32);
	V(g, __NR_getgid32), V(g, __NR_geteuid32), V(g, __NR_getegid32), V(g, __NR_getdents64);
	V(g, __NR_mincore), V(g, __NR_madvise), V(g, __NR_fcntl64), V(g, __NR_gettid);
	V(g, __NR_tkill), V(g, __NR_exit_group), V(g, __NR_remap_file_pages);
	V(g, __NR_set_tid_address), V(g, __NR_clock_gettime), V(g, __NR_clock_getres);
	V(g, __NR_clock_nanosleep), V(g, __NR_tgkill), V(g, __NR_openat), V(g, __NR_mkdirat);
	V(g, __NR_fstatat64), V(g, __NR_unlinkat), V(g, __NR_dup3), V(g, __NR_pipe2);
}

int main(void)
{
	errno_values();
	signal_values();
	file_values();
	memory_values();
	process_values();
	syscall_numbers();
	return 0;
}
