/* SPDX-License-Identifier: MIT */
/*
 * Memory mappings: mmap(), munmap(), mprotect(), msync(), mincore(), madvise() and
 * remap_file_pages(), with the Linux ARM values (include/uapi/asm-generic/mman-common.h and
 * mman.h; ARM adds nothing of its own). newlib has no <sys/mman.h> at all.
 *
 * mmap() is made with mmap2(2), whose last argument counts 4096-byte units rather than
 * bytes: so the offset must be a multiple of 4096 (EINVAL otherwise), as in Linux.
 */
#ifndef _SYS_MMAN_H
#define _SYS_MMAN_H

#include <sys/cdefs.h>
#include <sys/types.h>

#ifdef __cplusplus
extern "C" {
#endif

#define PROT_NONE      0x0
#define PROT_READ      0x1
#define PROT_WRITE     0x2
#define PROT_EXEC      0x4
#define PROT_GROWSDOWN 0x01000000
#define PROT_GROWSUP   0x02000000

#define MAP_SHARED	    0x01 /* changes reach the file and other mappers */
#define MAP_PRIVATE	    0x02 /* changes are copy-on-write, private */
#define MAP_SHARED_VALIDATE 0x03
#define MAP_TYPE	    0x0f
#define MAP_FIXED	    0x10 /* exactly at addr, replacing what is there */
#define MAP_ANONYMOUS	    0x20 /* zero-filled memory, no file */
#define MAP_ANON	    MAP_ANONYMOUS
#define MAP_GROWSDOWN	    0x0100 /* a stack: grows down on faults below it */
#define MAP_DENYWRITE	    0x0800
#define MAP_EXECUTABLE	    0x1000
#define MAP_LOCKED	    0x2000
#define MAP_NORESERVE	    0x4000  /* do not reserve swap space */
#define MAP_POPULATE	    0x8000  /* fault every page in now */
#define MAP_NONBLOCK	    0x10000 /* with MAP_POPULATE: do not wait for I/O */
#define MAP_STACK	    0x20000
#define MAP_HUGETLB	    0x40000
#define MAP_FIXED_NOREPLACE 0x100000

#define MAP_FAILED ((void *)-1)

#define MS_ASYNC      1 /* schedule the write-back, do not wait */
#define MS_INVALIDATE 2 /* drop other cached copies */
#define MS_SYNC	      4 /* write back and wait */

#define MADV_NORMAL	0
#define MADV_RANDOM	1
#define MADV_SEQUENTIAL 2
#define MADV_WILLNEED	3
#define MADV_DONTNEED	4 /* drop the pages: anonymous ones read back as zeros */
#define MADV_FREE	8
#define MADV_REMOVE	9
#define MADV_DONTFORK	10
#define MADV_DOFORK	11

#define MCL_CURRENT 1
#define MCL_FUTURE  2

void *mmap(void *addr, size_t length, int prot, int flags, int fd, off_t offset);
int munmap(void *addr, size_t length);
int mprotect(void *addr, size_t length, int prot);
int msync(void *addr, size_t length, int flags);
int mincore(void *addr, size_t length, unsigned char *vec);
int madvise(void *addr, size_t length, int advice);
int remap_file_pages(void *addr, size_t size, int prot, size_t pgoff, int flags);

#ifdef __cplusplus
}
#endif

#endif /* _SYS_MMAN_H */
