/* SPDX-License-Identifier: MIT */
/*
 * The auxiliary vector: the (type, value) pairs the kernel puts on the initial stack after
 * the environment (include/uapi/linux/auxvec.h). crt0 records where it is; getauxval()
 * looks a type up and returns 0 (errno ENOENT) when the kernel did not supply it.
 */
#ifndef _SYS_AUXV_H
#define _SYS_AUXV_H

#ifdef __cplusplus
extern "C" {
#endif

#define AT_NULL	    0 /* end of the vector */
#define AT_IGNORE   1
#define AT_EXECFD   2
#define AT_PHDR	    3 /* where the program headers are in memory */
#define AT_PHENT    4 /* the size of one program header */
#define AT_PHNUM    5 /* how many program headers */
#define AT_PAGESZ   6 /* the page size */
#define AT_BASE	    7 /* the interpreter's base (0: none) */
#define AT_FLAGS    8
#define AT_ENTRY    9 /* the program's entry point */
#define AT_UID	    11
#define AT_EUID	    12
#define AT_GID	    13
#define AT_EGID	    14
#define AT_PLATFORM 15 /* a string: "v7l" */
#define AT_HWCAP    16 /* CPU features (HWCAP_* bits) */
#define AT_CLKTCK   17 /* times() ticks per second */
#define AT_SECURE   23
#define AT_RANDOM   25 /* the address of 16 random bytes */
#define AT_HWCAP2   26
#define AT_EXECFN   31 /* the file name given to execve() */

unsigned long getauxval(unsigned long type);

#ifdef __cplusplus
}
#endif

#endif /* _SYS_AUXV_H */
