// SPDX-License-Identifier: MIT
/*
 * /proc: files whose contents the kernel writes when they are opened, in Linux's formats,
 * so that the same tools and tests work here and on Linux:
 *
 *   /proc/meminfo  /proc/vmstat  /proc/self -> PID
 *   /proc/PID/maps    the VMAs, one line each
 *   /proc/PID/status  Name, State, Pid, PPid, VmSize, VmRSS
 *   /proc/PID/stat    the fields ps needs, in Linux's order
 *   /proc/PID/pagemap 64 bits per virtual page: PFN (bits 0-54), exclusively mapped (56),
 *                     file page or shared anonymous (61), swapped (62), present (63)
 *
 * Inode numbers say what a file is: 1 the root, 2.. the fixed files, and
 * PROC_PID_BASE + pid * 16 + k for the k-th file of a process directory.
 */
#include <fs/fs.h>
#include <kernel/sched.h>
#include <kernel/err.h>
#include <kernel/errno.h>
#include <kernel/uaccess.h>
#include <kernel/timer.h>
#include <mm/mm_types.h>
#include <mm/memory.h>
#include <mm/pgd.h>
#include <mm/pagemap.h>
#include <mm/page_alloc.h>
#include <mm/slab.h>
#include <mm/swap.h>

int swaps_show(char *buf, size_t size);
#include <lib/string.h>
#include <lib/vsprintf.h>

enum {
	PROC_ROOT = 1,
	PROC_MEMINFO,
	PROC_VMSTAT,
	PROC_SELF,
	PROC_SWAPS,
	PROC_PID_BASE = 0x10000,
};

enum { PID_DIR, PID_MAPS, PID_STATUS, PID_STAT, PID_PAGEMAP, PID_NR };

static const char *const pid_files[PID_NR] = { NULL, "maps", "status", "stat", "pagemap" };

static const struct inode_operations proc_root_iops, proc_pid_iops, proc_self_iops;
static const struct file_operations proc_root_fops, proc_pid_fops, proc_text_fops,
	proc_pagemap_fops;

static unsigned long pid_ino(int pid, int k)
{
	return PROC_PID_BASE + (unsigned long)pid * 16 + k;
}

static struct task_struct *ino_task(unsigned long ino)
{
	return ino >= PROC_PID_BASE ? find_task_by_pid((ino - PROC_PID_BASE) / 16) : NULL;
}

static int proc_read_inode(struct inode *inode)
{
	unsigned long ino = inode->i_ino;

	inode->i_nlink = 1;
	if (ino == PROC_ROOT) {
		inode->i_mode = S_IFDIR | 0555;
		inode->i_op = &proc_root_iops;
		inode->i_fop = &proc_root_fops;
	} else if (ino == PROC_SELF) {
		inode->i_mode = S_IFLNK | 0777;
		inode->i_op = &proc_self_iops;
	} else if (ino == PROC_MEMINFO || ino == PROC_VMSTAT || ino == PROC_SWAPS) {
		inode->i_mode = S_IFREG | 0444;
		inode->i_fop = &proc_text_fops;
	} else if (ino >= PROC_PID_BASE && (ino - PROC_PID_BASE) % 16 < PID_NR) {
		int k = (ino - PROC_PID_BASE) % 16;

		if (!ino_task(ino))
			return -ENOENT;
		inode->i_mode = k == PID_DIR ? S_IFDIR | 0555 : S_IFREG | 0444;
		inode->i_op = k == PID_DIR ? &proc_pid_iops : NULL;
		inode->i_fop = k == PID_DIR ? &proc_pid_fops
			     : k == PID_PAGEMAP ? &proc_pagemap_fops : &proc_text_fops;
	} else {
		return -ENOENT;
	}
	return 0;
}

/* ---- text files: generated at open into a buffer, then read from it ------------------ */

struct procbuf {
	char *buf;
	size_t len, size;
};

static __printf(2, 3) void pb_printf(struct procbuf *pb, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (pb->len >= pb->size)
		return;
	va_start(ap, fmt);
	n = vsnprintf(pb->buf + pb->len, pb->size - pb->len, fmt, ap);
	va_end(ap);
	pb->len = min(pb->len + n, pb->size - 1);
}

static void show_meminfo(struct procbuf *pb)
{
	unsigned long pfn, anon = 0, mapped = 0;
	unsigned long kb = PAGE_SIZE / 1024;

	for (pfn = mem_zone.base_pfn; pfn < mem_zone.base_pfn + mem_zone.nr_pages; pfn++) {
		struct page *page = pfn_to_page(pfn);

		if (page_count(page) <= 0 || test_page_flag(page, PG_buddy))
			continue;
		if (test_page_flag(page, PG_anon))
			anon++;
		else if (page->mapping && page->_mapcount >= 0)
			mapped++;
	}
	pb_printf(pb, "MemTotal:       %8lu kB\n", totalram_pages() * kb);
	pb_printf(pb, "MemFree:        %8lu kB\n", nr_free_pages() * kb);
	pb_printf(pb, "Cached:         %8lu kB\n", page_cache_stats.nr_pages * kb);
	pb_printf(pb, "Dirty:          %8lu kB\n", page_cache_stats.nr_dirty * kb);
	pb_printf(pb, "AnonPages:      %8lu kB\n", anon * kb);
	pb_printf(pb, "Mapped:         %8lu kB\n", mapped * kb);
	pb_printf(pb, "Active(anon):   %8lu kB\n", lru_count(LRU_ACTIVE_ANON) * kb);
	pb_printf(pb, "Inactive(anon): %8lu kB\n", lru_count(LRU_INACTIVE_ANON) * kb);
	pb_printf(pb, "Active(file):   %8lu kB\n", lru_count(LRU_ACTIVE_FILE) * kb);
	pb_printf(pb, "Inactive(file): %8lu kB\n", lru_count(LRU_INACTIVE_FILE) * kb);
	pb_printf(pb, "SwapTotal:      %8lu kB\n", total_swap_pages() * kb);
	pb_printf(pb, "SwapFree:       %8lu kB\n", nr_swap_pages() * kb);
}

static void show_vmstat(struct procbuf *pb)
{
	pb_printf(pb, "nr_free_pages %lu\n", nr_free_pages());
	pb_printf(pb, "nr_file_pages %lu\n", page_cache_stats.nr_pages);
	pb_printf(pb, "nr_dirty %lu\n", page_cache_stats.nr_dirty);
	pb_printf(pb, "pgfault %lu\n", vm_events.pgfault);
	pb_printf(pb, "pgmajfault %lu\n", vm_events.pgmajfault);
	pb_printf(pb, "pswpin %lu\npswpout %lu\n", reclaim_stats.pswpin, reclaim_stats.pswpout);
	pb_printf(pb, "pgscan %lu\npgsteal %lu\n", reclaim_stats.pgscan, reclaim_stats.pgsteal);
	pb_printf(pb, "pgactivate %lu\npgdeactivate %lu\n", reclaim_stats.pgactivate,
		  reclaim_stats.pgdeactivate);
	pb_printf(pb, "oom_kill %lu\n", reclaim_stats.oom_kill);
	/* Ours, not Linux's: the fault paths of seed 001, counted. */
	pb_printf(pb, "anon_fault %lu\n", vm_events.anon_faults);
	pb_printf(pb, "zero_page_fault %lu\n", vm_events.zero_page_faults);
	pb_printf(pb, "file_fault %lu\n", vm_events.file_faults);
	pb_printf(pb, "cow_fault %lu\n", vm_events.cow_faults);
	pb_printf(pb, "cow_reuse %lu\n", vm_events.cow_reused);
	pb_printf(pb, "cow_copy %lu\n", vm_events.cow_copied);
	pb_printf(pb, "nonlinear_fault %lu\n", vm_events.nonlinear_faults);
	pb_printf(pb, "pagecache_hit %lu\n", page_cache_stats.hits);
	pb_printf(pb, "pagecache_miss %lu\n", page_cache_stats.misses);
}

static void show_maps(struct procbuf *pb, struct task_struct *p)
{
	struct vm_area_struct *vma;

	if (!p->mm)
		return;
	for (vma = p->mm->mmap; vma; vma = vma->vm_next) {
		struct inode *inode = vma->vm_file ? vma->vm_file->f_inode : NULL;
		const char *name = NULL;
		size_t start = pb->len;

		pb_printf(pb, "%08lx-%08lx %c%c%c%c %08lx %02x:%02x %lu ", vma->vm_start,
			  vma->vm_end, vma->vm_flags & VM_READ ? 'r' : '-',
			  vma->vm_flags & VM_WRITE ? 'w' : '-', vma->vm_flags & VM_EXEC ? 'x' : '-',
			  vma->vm_flags & VM_MAYSHARE ? 's' : 'p',
			  inode ? vma->vm_pgoff << PAGE_SHIFT : 0, inode && inode->i_sb->s_bdev ? 1 : 0,
			  0, inode ? inode->i_ino : 0);
		if (vma->vm_file)
			name = vma->vm_file->f_path;
		else if (vma->vm_start <= p->mm->start_brk && vma->vm_end >= p->mm->brk &&
			 p->mm->brk > p->mm->start_brk)
			name = "[heap]";
		else if (vma->vm_flags & VM_GROWSDOWN)
			name = "[stack]";
		if (name) {
			/* Linux pads the name to column 49 on 32-bit (seq_pad in show_map_vma). */
			while (pb->len - start < 48 && pb->len < pb->size - 1)
				pb->buf[pb->len++] = ' ';
			pb_printf(pb, "%s", name);
		}
		pb_printf(pb, "\n");
	}
}

static char task_state_char(struct task_struct *p)
{
	if (p->exit_state)
		return 'Z';
	if (p->state == TASK_RUNNING)
		return 'R';
	return p->state == TASK_INTERRUPTIBLE ? 'S' : 'D';
}

static void show_status(struct procbuf *pb, struct task_struct *p)
{
	unsigned long kb = PAGE_SIZE / 1024;
	static const char *const names[] = { ['R'] = "R (running)", ['S'] = "S (sleeping)",
					     ['D'] = "D (disk sleep)", ['Z'] = "Z (zombie)" };

	pb_printf(pb, "Name:\t%s\n", p->comm);
	pb_printf(pb, "State:\t%s\n", names[(int)task_state_char(p)]);
	pb_printf(pb, "Tgid:\t%d\nPid:\t%d\nPPid:\t%d\n", p->pid, p->pid,
		  p->parent ? p->parent->pid : 0);
	if (p->mm) {
		pb_printf(pb, "VmSize:\t%8lu kB\n", p->mm->total_vm * kb);
		pb_printf(pb, "VmRSS:\t%8lu kB\n", (p->mm->rss_anon + p->mm->rss_file) * kb);
		pb_printf(pb, "RssAnon:\t%8lu kB\n", p->mm->rss_anon * kb);
		pb_printf(pb, "RssFile:\t%8lu kB\n", p->mm->rss_file * kb);
	}
}

static void show_stat(struct procbuf *pb, struct task_struct *p)
{
	/* pid (comm) state ppid ... minflt ... majflt ... vsize rss: the fields ps reads. */
	pb_printf(pb, "%d (%s) %c %d 0 0 0 -1 0 %lu 0 %lu 0 0 0 0 0 20 0 1 0 %llu %lu %lu\n",
		  p->pid, p->comm, task_state_char(p), p->parent ? p->parent->pid : 0,
		  p->min_flt, p->maj_flt, p->start_ns / (NSEC_PER_SEC / HZ),
		  p->mm ? p->mm->total_vm * PAGE_SIZE : 0,
		  p->mm ? p->mm->rss_anon + p->mm->rss_file : 0);
}

static int proc_text_open(struct inode *inode, struct file *file)
{
	struct procbuf *pb = kzalloc(sizeof(*pb));
	struct task_struct *p = ino_task(inode->i_ino);

	if (!pb)
		return -ENOMEM;
	pb->size = 16384;
	pb->buf = kmalloc(pb->size);
	if (!pb->buf) {
		kfree(pb);
		return -ENOMEM;
	}
	pb->buf[0] = '\0';
	if (inode->i_ino == PROC_MEMINFO)
		show_meminfo(pb);
	else if (inode->i_ino == PROC_VMSTAT)
		show_vmstat(pb);
	else if (inode->i_ino == PROC_SWAPS)
		pb->len = swaps_show(pb->buf, pb->size);
	else if (!p)
		pb->len = 0;	/* the process has gone: an empty file, as Linux shows */
	else if ((inode->i_ino - PROC_PID_BASE) % 16 == PID_MAPS)
		show_maps(pb, p);
	else if ((inode->i_ino - PROC_PID_BASE) % 16 == PID_STATUS)
		show_status(pb, p);
	else
		show_stat(pb, p);
	file->private_data = pb;
	return 0;
}

static ssize_t proc_text_read(struct file *file, char __user *buf, size_t len, loff_t *pos)
{
	struct procbuf *pb = file->private_data;
	size_t n;

	if (*pos >= (loff_t)pb->len)
		return 0;
	n = min(len, pb->len - (size_t)*pos);
	if (copy_to_user(buf, pb->buf + *pos, n))
		return -EFAULT;
	*pos += n;
	return (ssize_t)n;
}

static int proc_text_release(struct inode *inode, struct file *file)
{
	struct procbuf *pb = file->private_data;

	if (pb) {
		kfree(pb->buf);
		kfree(pb);
	}
	return 0;
}

static const struct file_operations proc_text_fops = {
	.open = proc_text_open,
	.read = proc_text_read,
	.release = proc_text_release,
	.llseek = generic_file_llseek,
};

/* ---- pagemap: computed per read from the page tables ----------------------------------- */

#define PM_PRESENT	(1ULL << 63)
#define PM_SWAP		(1ULL << 62)
#define PM_FILE		(1ULL << 61)
#define PM_EXCLUSIVE	(1ULL << 56)

static u64 pagemap_entry(struct mm_struct *mm, unsigned long addr)
{
	pte_t *ptep = pte_offset(mm, addr), pte;
	struct page *page;
	u64 e;

	if (!ptep || !pte_present(pte = *ptep))
		return 0;
	page = pfn_to_page(pte_pfn(pte));
	e = PM_PRESENT | pte_pfn(pte);
	if (!test_page_flag(page, PG_anon))
		e |= PM_FILE;
	if (page->_mapcount == 0)
		e |= PM_EXCLUSIVE;
	return e;
}

static ssize_t proc_pagemap_read(struct file *file, char __user *buf, size_t len, loff_t *pos)
{
	struct task_struct *p = ino_task(file->f_inode->i_ino);
	size_t done = 0;

	if ((*pos & 7) || (len & 7))
		return -EINVAL;
	if (!p || !p->mm)
		return 0;
	while (done < len) {
		unsigned long addr = (unsigned long)(*pos / 8) << PAGE_SHIFT;
		u64 e;

		if (addr >= TASK_SIZE)
			break;
		e = pagemap_entry(p->mm, addr);
		if (copy_to_user(buf + done, &e, 8))
			return done ? (ssize_t)done : -EFAULT;
		done += 8;
		*pos += 8;
	}
	return (ssize_t)done;
}

static const struct file_operations proc_pagemap_fops = {
	.read = proc_pagemap_read,
	.llseek = generic_file_llseek,
};

/* ---- directories ----------------------------------------------------------------------- */

static struct inode *proc_root_lookup(struct inode *dir, const char *name, size_t len)
{
	static const struct { const char *name; unsigned long ino; } fixed[] = {
		{ "meminfo", PROC_MEMINFO }, { "vmstat", PROC_VMSTAT }, { "self", PROC_SELF },
		{ "swaps", PROC_SWAPS },
	};
	unsigned long pid = 0;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(fixed); i++)
		if (strlen(fixed[i].name) == len && !strncmp(fixed[i].name, name, len))
			return iget(dir->i_sb, fixed[i].ino);
	if (len == 2 && !strncmp(name, "..", 2))
		return iget(dir->i_sb, PROC_ROOT);
	for (i = 0; i < len; i++) {
		if (name[i] < '0' || name[i] > '9' || pid > 100000)
			return ERR_PTR(-ENOENT);
		pid = pid * 10 + (name[i] - '0');
	}
	if (!len || !find_task_by_pid((int)pid))
		return ERR_PTR(-ENOENT);
	return iget(dir->i_sb, pid_ino((int)pid, PID_DIR));
}

struct pid_list {
	int pids[256];
	int n;
};

static void collect_pid(struct task_struct *p, void *arg)
{
	struct pid_list *l = arg;

	if (p->mm && l->n < 256)
		l->pids[l->n++] = p->pid;
}

/* f_pos counts entries already returned: ., .., the fixed files, then the pids. */
static int proc_root_iterate(struct file *file, filldir_t fill, void *arg)
{
	static const char *const fixed[] = { ".", "..", "meminfo", "vmstat", "self", "swaps" };
	static const unsigned long fixed_ino[] = { PROC_ROOT, PROC_ROOT, PROC_MEMINFO,
						   PROC_VMSTAT, PROC_SELF, PROC_SWAPS };
	struct pid_list *l = kzalloc(sizeof(*l));
	int i;

	if (!l)
		return -ENOMEM;
	for_each_task(collect_pid, l);
	for (i = file->f_pos; i < (int)ARRAY_SIZE(fixed) + l->n; i++) {
		char name[16];
		int err;

		if (i < (int)ARRAY_SIZE(fixed)) {
			err = fill(arg, fixed[i], strlen(fixed[i]), i + 1, fixed_ino[i],
				   fixed_ino[i] == PROC_SELF ? DT_LNK : i < 2 ? DT_DIR : DT_REG);
		} else {
			int pid = l->pids[i - ARRAY_SIZE(fixed)];

			snprintf(name, sizeof(name), "%d", pid);
			err = fill(arg, name, strlen(name), i + 1, pid_ino(pid, PID_DIR), DT_DIR);
		}
		if (err)
			break;
		file->f_pos = i + 1;
	}
	kfree(l);
	return 0;
}

static struct inode *proc_pid_lookup(struct inode *dir, const char *name, size_t len)
{
	int pid = (dir->i_ino - PROC_PID_BASE) / 16, k;

	if ((len == 1 && name[0] == '.'))
		return iget(dir->i_sb, dir->i_ino);
	if (len == 2 && !strncmp(name, "..", 2))
		return iget(dir->i_sb, PROC_ROOT);
	for (k = 1; k < PID_NR; k++)
		if (strlen(pid_files[k]) == len && !strncmp(pid_files[k], name, len))
			return iget(dir->i_sb, pid_ino(pid, k));
	return ERR_PTR(-ENOENT);
}

static int proc_pid_iterate(struct file *file, filldir_t fill, void *arg)
{
	unsigned long ino = file->f_inode->i_ino;
	int i;

	for (i = file->f_pos; i < PID_NR + 1; i++) {
		int err;

		if (i == 0)
			err = fill(arg, ".", 1, 1, ino, DT_DIR);
		else if (i == 1)
			err = fill(arg, "..", 2, 2, PROC_ROOT, DT_DIR);
		else
			err = fill(arg, pid_files[i - 1], strlen(pid_files[i - 1]), i + 1,
				   ino + i - 1, DT_REG);
		if (err)
			break;
		file->f_pos = i + 1;
	}
	return 0;
}

static int proc_self_readlink(struct inode *inode, char *buf, size_t len)
{
	char tmp[16];
	int n = snprintf(tmp, sizeof(tmp), "%d", current->pid);

	n = min((size_t)n, len);
	memcpy(buf, tmp, n);
	return n;
}

static const struct inode_operations proc_root_iops = { .lookup = proc_root_lookup };
static const struct inode_operations proc_pid_iops = { .lookup = proc_pid_lookup };
static const struct inode_operations proc_self_iops = { .readlink = proc_self_readlink };
static const struct file_operations proc_root_fops = { .iterate = proc_root_iterate };
static const struct file_operations proc_pid_fops = { .iterate = proc_pid_iterate };

/*
 * Inodes of /proc must not outlive what they show: a pid's files are read again at each
 * lookup (iget finds a cached inode only while someone holds it). Marking them unlinked
 * makes the last iput drop them.
 */
static int proc_read_inode_nocache(struct inode *inode)
{
	int err = proc_read_inode(inode);

	inode->i_nlink = 0;
	return err;
}

static const struct super_operations proc_sops = {
	.read_inode = proc_read_inode_nocache,
};

static int proc_fill_super(struct super_block *sb, bool read_only)
{
	struct inode *root;

	sb->s_op = &proc_sops;
	sb->s_rdonly = true;
	root = iget(sb, PROC_ROOT);
	if (IS_ERR(root))
		return PTR_ERR(root);
	root->i_nlink = 1;	/* the root stays */
	sb->s_root = root;
	return 0;
}

static struct file_system_type proc_fs_type = {
	.name = "proc",
	.nodev = true,
	.fill_super = proc_fill_super,
};

void proc_init(void)
{
	register_filesystem(&proc_fs_type);
}
