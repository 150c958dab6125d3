/* SPDX-License-Identifier: MIT */
/*
 * The signal set, as the Linux ARM kernel stores it: 64 bits in two words, bit (n - 1)
 * for signal n (include/uapi/asm-generic/signal.h, _NSIG 64, _NSIG_BPW 32).
 *
 * It replaces newlib's one-word __sigset_t so that struct sigaction, sigprocmask() and
 * ucontext_t hold exactly the bytes rt_sigaction(2) and rt_sigprocmask(2) read and write
 * (their last argument, the set size, is always 8). A struct of two words, not a 64-bit
 * integer: the integer would be 8-byte aligned and move sa_mask from offset 12 to 16.
 * newlib's <sys/select.h> and our <signal.h> both typedef sigset_t from this.
 */
#ifndef _SYS__SIGSET_H_
#define _SYS__SIGSET_H_

typedef struct {
	unsigned long __bits[2];
} __sigset_t;

#endif /* _SYS__SIGSET_H_ */
