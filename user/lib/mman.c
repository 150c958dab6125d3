// SPDX-License-Identifier: MIT
/*
 * Memory-mapping calls. All but mmap() pass their arguments straight through.
 */
#include <sys/types.h>
#include <sys/mman.h>
#include "syscall.h"

/*
 * mmap2(2) takes the file offset in 4096-byte units (always 4096 on ARM, whatever the page
 * size), so a 32-bit process can map beyond 4 GiB of a file. The C interface takes bytes:
 * an offset that is not a multiple of 4096 cannot be expressed and is EINVAL, as on Linux.
 * The result is an address, which may be above 0x80000000 and so look negative: only
 * -4095..-1 are errors (syscall_ret).
 */
void *mmap(void *addr, size_t length, int prot, int flags, int fd, off_t offset)
{
	if (offset & 4095) {
		errno = EINVAL;
		return MAP_FAILED;
	}
	return (void *)syscall_ret(syscall6(__NR_mmap2, (long)addr, (long)length, prot, flags, fd,
					    (unsigned long)offset >> 12));
}

int munmap(void *addr, size_t length)
{
	return syscall_ret(syscall2(__NR_munmap, (long)addr, (long)length));
}

int mprotect(void *addr, size_t length, int prot)
{
	return syscall_ret(syscall3(__NR_mprotect, (long)addr, (long)length, prot));
}

int msync(void *addr, size_t length, int flags)
{
	return syscall_ret(syscall3(__NR_msync, (long)addr, (long)length, flags));
}

int mincore(void *addr, size_t length, unsigned char *vec)
{
	return syscall_ret(syscall3(__NR_mincore, (long)addr, (long)length, (long)vec));
}

int madvise(void *addr, size_t length, int advice)
{
	return syscall_ret(syscall3(__NR_madvise, (long)addr, (long)length, advice));
}

/* pgoff counts pages of the file; prot must be 0 (Linux ignores it since 2.6.x). */
int remap_file_pages(void *addr, size_t size, int prot, size_t pgoff, int flags)
{
	return syscall_ret(
	    syscall5(__NR_remap_file_pages, (long)addr, (long)size, prot, (long)pgoff, flags));
}
