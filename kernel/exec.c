// SPDX-License-Identifier: MIT
/*
 * execve: replace the calling process's program with a static ELF file.
 *
 * Nothing is read but the ELF header and program headers: each PT_LOAD segment becomes a
 * private file mapping (text read+exec, data read+write), its bss an anonymous mapping, and
 * the pages come in on first touch through the page-fault path. Then a fresh stack gets the
 * argument and environment strings and, below them, what crt0 expects at sp:
 *
 *   sp -> argc
 *         argv[0] ... argv[argc - 1], NULL
 *         envp[0] ... NULL
 *         auxv: (AT_PHDR, ...) (AT_PAGESZ, 4096) ... (AT_NULL, 0)
 *         ... 16 random bytes (AT_RANDOM), the strings ...          <- STACK_TOP
 */
#include <asm/tls.h>
#include <kernel/elf.h>
#include <kernel/sched.h>
#include <kernel/files.h>
#include <kernel/err.h>
#include <kernel/errno.h>
#include <kernel/uaccess.h>
#include <kernel/timer.h>
#include <kernel/syscalls.h>
#include <kernel/printk.h>
#include <kernel/exit.h>
#include <kernel/signal.h>
#include <mm/mmap.h>
#include <mm/vma.h>
#include <mm/mmu_context.h>
#include <mm/page_alloc.h>
#include <fs/fs.h>
#include <asm/ptrace.h>
#include <lib/string.h>

#define MAX_ARG_STRLEN	4096
#define MAX_ARG_TOTAL	(64 * 1024)	/* bytes of argument and environment strings */
#define MAX_ARGS	1024
#define MAX_PHDRS	16
#define STACK_INITIAL	(128 * 1024)	/* the stack VMA at exec; it grows down on faults */

/* The strings of argv and envp, copied into the kernel before the old program goes. */
struct exec_args {
	char *buf;		/* argc strings, then envc strings, each NUL-terminated */
	size_t used;
	int argc, envc;
};

/* Reads from a file into a kernel buffer, whatever this thread's user limit. */
static ssize_t kernel_read(struct file *file, void *buf, size_t len, loff_t pos)
{
	bool old = current_thread_info()->kernel_ds;
	ssize_t n;

	current_thread_info()->kernel_ds = true;
	file->f_pos = pos;
	n = vfs_read(file, buf, len);
	current_thread_info()->kernel_ds = old;
	return n;
}

/* Appends the strings of a user (or, with kernel_ds, kernel) vector; returns the count. */
static int copy_strings(struct exec_args *a, const char *const __user *vec)
{
	int n = 0;

	if (!vec)
		return 0;
	for (;; n++) {
		u32 p;
		long len;

		if (get_user_u32(&p, (const u32 __user *)&vec[n]))
			return -EFAULT;
		if (!p)
			return n;
		if (n >= MAX_ARGS)
			return -E2BIG;
		len = strncpy_from_user(a->buf + a->used, (const char __user *)p,
					min((size_t)MAX_ARG_STRLEN, MAX_ARG_TOTAL - a->used));
		if (len == -ENAMETOOLONG)
			return -E2BIG;
		if (len < 0)
			return (int)len;
		a->used += len + 1;
	}
}

static int check_elf(const struct elf32_hdr *eh)
{
	if (memcmp(eh->e_ident, ELFMAG, 4) || eh->e_ident[4] != ELFCLASS32 ||
	    eh->e_ident[5] != ELFDATA2LSB)
		return -ENOEXEC;
	if (eh->e_type != ET_EXEC || eh->e_machine != EM_ARM)
		return -ENOEXEC;
	if (eh->e_phentsize != sizeof(struct elf32_phdr) || eh->e_phnum == 0 ||
	    eh->e_phnum > MAX_PHDRS)
		return -ENOEXEC;
	return 0;
}

static unsigned long vm_flags_of(u32 p_flags)
{
	return (p_flags & PF_R ? VM_READ : 0) | (p_flags & PF_W ? VM_WRITE : 0) |
	       (p_flags & PF_X ? VM_EXEC : 0) | VM_MAYREAD | VM_MAYWRITE | VM_MAYEXEC;
}

/* Maps one PT_LOAD segment into the (new, current) mm. */
static int map_segment(struct file *file, const struct elf32_phdr *ph, unsigned long *end)
{
	unsigned long start = ph->p_vaddr & PAGE_MASK;
	unsigned long file_end = ph->p_vaddr + ph->p_filesz;
	unsigned long mem_end = ph->p_vaddr + ph->p_memsz;
	unsigned long flags = vm_flags_of(ph->p_flags), addr;

	if ((ph->p_vaddr & ~PAGE_MASK) != (ph->p_offset & ~PAGE_MASK) ||
	    ph->p_filesz > ph->p_memsz || mem_end < ph->p_vaddr || mem_end > MMAP_BASE ||
	    start < MMAP_MIN_ADDR)
		return -ENOEXEC;
	if (ph->p_filesz) {
		addr = mmap_region(file, start, ALIGN_UP(file_end, PAGE_SIZE) - start, flags,
				   (ph->p_offset & PAGE_MASK) >> PAGE_SHIFT);
		if (addr & ~PAGE_MASK)
			return (int)addr;
		/* The bss starts inside the last file page: its tail must read as zeros, not
		 * as the bytes that follow in the file. This write copies that one page. */
		if (mem_end > file_end && (file_end & ~PAGE_MASK) &&
		    clear_user((void __user *)file_end,
			       min(ALIGN_UP(file_end, PAGE_SIZE), mem_end) - file_end))
			return -EFAULT;
	}
	if (ALIGN_UP(mem_end, PAGE_SIZE) > ALIGN_UP(file_end, PAGE_SIZE)) {
		unsigned long bss = ph->p_filesz ? ALIGN_UP(file_end, PAGE_SIZE) : start;

		addr = mmap_region(NULL, bss, ALIGN_UP(mem_end, PAGE_SIZE) - bss, flags, 0);
		if (addr & ~PAGE_MASK)
			return (int)addr;
	}
	if (ALIGN_UP(mem_end, PAGE_SIZE) > *end)
		*end = ALIGN_UP(mem_end, PAGE_SIZE);
	return 0;
}

/* Builds argc/argv/envp/auxv on the new stack; returns the initial sp or -errno. */
static long setup_stack(struct exec_args *a, const struct elf32_hdr *eh, unsigned long phdr)
{
	unsigned long sp = STACK_TOP, strings, random, str;
	u32 auxv[] = { AT_PHDR, phdr, AT_PHENT, sizeof(struct elf32_phdr), AT_PHNUM, eh->e_phnum,
		       AT_PAGESZ, PAGE_SIZE, AT_BASE, 0, AT_ENTRY, eh->e_entry, AT_UID, 0,
		       AT_EUID, 0, AT_GID, 0, AT_EGID, 0, AT_HWCAP, 0, AT_CLKTCK, HZ,
		       AT_RANDOM, 0, AT_NULL, 0 };
	u32 seed[4], __user *out;
	u64 t = ktime_get_ns();
	int i;

	if (mmap_region(NULL, STACK_TOP - STACK_INITIAL, STACK_INITIAL,
			VM_READ | VM_WRITE | VM_MAYREAD | VM_MAYWRITE | VM_MAYEXEC | VM_GROWSDOWN,
			0) & ~PAGE_MASK)
		return -ENOMEM;
	current->mm->start_stack = STACK_TOP;

	sp -= a->used;
	strings = sp;
	if (copy_to_user((void __user *)strings, a->buf, a->used))
		return -EFAULT;
	/* Not cryptographic: only a seed for whatever the C library wants it for. */
	for (i = 0; i < 4; i++)
		seed[i] = (u32)(t >> (i * 8)) * 2654435761u + i;
	sp = (sp - sizeof(seed)) & ~15UL;
	random = sp;
	if (copy_to_user((void __user *)random, seed, sizeof(seed)))
		return -EFAULT;
	auxv[25] = random;

	/* argc, argc + 1 argv slots, envc + 1 envp slots, the auxv; 8-byte aligned (AAPCS). */
	sp -= 4 + (a->argc + 1 + a->envc + 1) * 4 + sizeof(auxv);
	sp &= ~7UL;
	out = (u32 __user *)sp;
	if (put_user_u32(a->argc, out++))
		return -EFAULT;
	str = strings;
	for (i = 0; i < a->argc + a->envc; i++) {
		if (i == a->argc && put_user_u32(0, out++))	/* end of argv */
			return -EFAULT;
		if (put_user_u32(str, out++))
			return -EFAULT;
		str += strlen(a->buf + (str - strings)) + 1;
	}
	if (a->envc == 0 && put_user_u32(0, out++))	/* argv's NULL when there is no env */
		return -EFAULT;
	if (put_user_u32(0, out++))
		return -EFAULT;
	if (copy_to_user(out, auxv, sizeof(auxv)))
		return -EFAULT;
	current->mm->arg_start = strings;
	current->mm->env_end = STACK_TOP;
	return (long)sp;
}

/*
 * The point of no return is switching to the new mm: before it, any error leaves the
 * caller's program intact and returns -errno; after it, an error kills the process.
 */
int do_execve(const char *path, const char *const __user *argv,
	      const char *const __user *envp)
{
	struct exec_args args = { 0 };
	struct elf32_hdr eh;
	struct elf32_phdr ph[MAX_PHDRS];
	struct mm_struct *old_mm = current->mm, *mm;
	struct pt_regs *regs = current_pt_regs();
	struct file *file;
	unsigned long end = 0, phdr_addr = 0;
	long sp;
	int err, i;
	const char *base;

	file = vfs_open(path, O_RDONLY, 0);
	if (IS_ERR(file))
		return PTR_ERR(file);
	err = -EACCES;
	if (!S_ISREG(file->f_inode->i_mode))
		goto out_file;
	err = kernel_read(file, &eh, sizeof(eh), 0) == sizeof(eh) ? check_elf(&eh) : -ENOEXEC;
	if (err)
		goto out_file;
	err = -ENOEXEC;
	if (kernel_read(file, ph, eh.e_phnum * sizeof(ph[0]), eh.e_phoff) !=
	    (ssize_t)(eh.e_phnum * sizeof(ph[0])))
		goto out_file;

	err = -ENOMEM;
	args.buf = kmalloc(MAX_ARG_TOTAL);
	if (!args.buf)
		goto out_file;
	err = args.argc = copy_strings(&args, argv);
	if (err < 0)
		goto out_args;
	err = args.envc = copy_strings(&args, envp);
	if (err < 0)
		goto out_args;

	err = -ENOMEM;
	mm = mm_alloc();
	if (!mm)
		goto out_args;

	/* Point of no return. */
	current->mm = mm;
	switch_mm(mm);
	mmput(old_mm);
	current->ti.kernel_ds = false;
	for (i = 0; i < eh.e_phnum; i++) {
		if (ph[i].p_type != PT_LOAD)
			continue;
		err = map_segment(file, &ph[i], &end);
		if (err)
			goto kill;
		if (eh.e_phoff >= ph[i].p_offset &&
		    eh.e_phoff < ph[i].p_offset + ph[i].p_filesz)
			phdr_addr = ph[i].p_vaddr + (eh.e_phoff - ph[i].p_offset);
		if (ph[i].p_flags & PF_X) {
			mm->start_code = ph[i].p_vaddr;
			mm->end_code = ph[i].p_vaddr + ph[i].p_filesz;
		} else {
			mm->start_data = ph[i].p_vaddr;
			mm->end_data = ph[i].p_vaddr + ph[i].p_filesz;
		}
	}
	mm->start_brk = mm->brk = end;
	sp = setup_stack(&args, &eh, phdr_addr);
	if (sp < 0) {
		err = (int)sp;
		goto kill;
	}
	if (current->files)
		files_close_on_exec(current->files);
	exec_reset_sighand(current);
	current->tls = 0;		/* as Linux's flush_thread: the new program starts with none */
	set_tls_register(0);
	base = strrchr(path, '/');
	strlcpy(current->comm, base ? base + 1 : path, sizeof(current->comm));

	memset(regs, 0, sizeof(*regs));
	regs->pc = eh.e_entry & ~1u;
	regs->sp = (u32)sp;
	/* User mode, interrupts on; Thumb if the entry point says so (bit 0). */
	regs->cpsr = PSR_MODE_USR | ((eh.e_entry & 1) ? PSR_T : 0);
	kfree(args.buf);
	fput(file);
	return 0;

kill:
	printk(KERN_ERR "exec %s: failed after the point of no return (%d): killing %d\n", path,
	       err, current->pid);
	kfree(args.buf);
	fput(file);
	do_exit(W_SIGNALED(SIGKILL));
out_args:
	kfree(args.buf);
out_file:
	fput(file);
	return err;
}

long sys_execve(const char __user *upath, const char *const __user *argv,
		const char *const __user *envp)
{
	char *path = kmalloc(4096);
	long err;

	if (!path)
		return -ENOMEM;
	err = strncpy_from_user(path, upath, 4096);
	if (err >= 0)
		err = do_execve(path, argv, envp);
	kfree(path);
	return err;
}
