/* SPDX-License-Identifier: MIT */
/*
 * Syscall numbers of the Linux ARM EABI, the ABI our kernel implements.
 *
 * The numbers come from Linux's arch/arm/tools/syscall.tbl (rows marked "common"; the
 * "oabi" rows such as time 13, umount 22, alarm 27, old mmap 90 do not exist for EABI
 * programs). A call is made with `svc #0`, the number in r7, arguments in r0-r5 and the
 * result in r0; a result in -4095..-1 is -errno (user/lib/syscall.S, user/lib/syscall.h).
 *
 * Only the calls user/lib uses are listed, plus a few neighbours a test may want.
 */
#ifndef _SYS_SYSCALL_H
#define _SYS_SYSCALL_H

#define __NR_restart_syscall  0
#define __NR_exit	      1
#define __NR_fork	      2
#define __NR_read	      3
#define __NR_write	      4
#define __NR_open	      5
#define __NR_close	      6
#define __NR_creat	      8
#define __NR_link	      9
#define __NR_unlink	      10
#define __NR_execve	      11
#define __NR_chdir	      12
#define __NR_mknod	      14
#define __NR_chmod	      15
#define __NR_lseek	      19
#define __NR_getpid	      20
#define __NR_mount	      21
#define __NR_pause	      29
#define __NR_access	      33
#define __NR_sync	      36
#define __NR_kill	      37
#define __NR_rename	      38
#define __NR_mkdir	      39
#define __NR_rmdir	      40
#define __NR_dup	      41
#define __NR_pipe	      42
#define __NR_times	      43
#define __NR_brk	      45
#define __NR_umount2	      52
#define __NR_ioctl	      54
#define __NR_fcntl	      55
#define __NR_setpgid	      57
#define __NR_umask	      60
#define __NR_dup2	      63
#define __NR_getppid	      64
#define __NR_setsid	      66
#define __NR_symlink	      83
#define __NR_readlink	      85
#define __NR_swapon	      87
#define __NR_reboot	      88
#define __NR_munmap	      91
#define __NR_truncate	      92
#define __NR_ftruncate	      93
#define __NR_fchmod	      94
#define __NR_syslog	      103
#define __NR_setitimer	      104
#define __NR_getitimer	      105
#define __NR_wait4	      114
#define __NR_swapoff	      115
#define __NR_sysinfo	      116
#define __NR_fsync	      118
#define __NR_sigreturn	      119
#define __NR_clone	      120
#define __NR_uname	      122
#define __NR_mprotect	      125
#define __NR_getpgid	      132
#define __NR_fchdir	      133
#define __NR__llseek	      140
#define __NR_getdents	      141
#define __NR_msync	      144
#define __NR_readv	      145
#define __NR_writev	      146
#define __NR_fdatasync	      148
#define __NR_mlock	      150
#define __NR_munlock	      151
#define __NR_sched_yield      158
#define __NR_nanosleep	      162
#define __NR_mremap	      163
#define __NR_poll	      168
#define __NR_rt_sigreturn     173
#define __NR_rt_sigaction     174
#define __NR_rt_sigprocmask   175
#define __NR_rt_sigpending    176
#define __NR_rt_sigsuspend    179
#define __NR_pread64	      180
#define __NR_pwrite64	      181
#define __NR_getcwd	      183
#define __NR_sigaltstack      186
#define __NR_vfork	      190
#define __NR_mmap2	      192
#define __NR_truncate64	      193
#define __NR_ftruncate64      194
#define __NR_stat64	      195
#define __NR_lstat64	      196
#define __NR_fstat64	      197
#define __NR_getuid32	      199
#define __NR_getgid32	      200
#define __NR_geteuid32	      201
#define __NR_getegid32	      202
#define __NR_getdents64	      217
#define __NR_mincore	      219
#define __NR_madvise	      220
#define __NR_fcntl64	      221
#define __NR_gettid	      224
#define __NR_tkill	      238
#define __NR_exit_group	      248
#define __NR_remap_file_pages 253
#define __NR_set_tid_address  256
#define __NR_clock_gettime    263
#define __NR_clock_getres     264
#define __NR_clock_nanosleep  265
#define __NR_tgkill	      268
#define __NR_openat	      322
#define __NR_mkdirat	      323
#define __NR_fstatat64	      327
#define __NR_unlinkat	      328
#define __NR_dup3	      358
#define __NR_pipe2	      359

/* glibc spells them SYS_name as well; the few a program is likely to pass to syscall(). */
#define SYS_getpid	     __NR_getpid
#define SYS_gettid	     __NR_gettid
#define SYS_mmap2	     __NR_mmap2
#define SYS_remap_file_pages __NR_remap_file_pages
#define SYS_mincore	     __NR_mincore

#endif /* _SYS_SYSCALL_H */
