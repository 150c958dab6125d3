// SPDX-License-Identifier: MIT
/*
 * In-kernel tests of the VFS, ext2 and the page cache. The QEMU suite tests/qemu/fs.sh
 * prepares the images, names these tests, and checks their output and the images on the host.
 */
#include <kernel/ktest.h>
#include <kernel/err.h>
#include <kernel/errno.h>
#include <kernel/timer.h>
#include <fs/fs.h>
#include <block/blkdev.h>
#include <mm/pagemap.h>
#include <mm/slab.h>
#include <lib/string.h>
#include <lib/vsprintf.h>

/* FNV-1a, 32 bits: the host side computes the same in perl. */
static u32 fnv1a(u32 h, const u8 *p, size_t n)
{
	while (n--)
		h = (h ^ *p++) * 16777619u;
	return h;
}

#define FNV_INIT 2166136261u
#define WALK_BUF 16384

struct walk {
	char path[512];
	char *buf;
	int files, errors;
};

static void walk_dir(struct walk *w, int depth);

struct dirent_list {
	char names[64][256];
	unsigned int n;
};

static int collect(void *arg, const char *name, size_t len, loff_t pos, u32 ino, unsigned int type)
{
	struct dirent_list *dl = arg;

	if ((len == 1 && name[0] == '.') || (len == 2 && name[0] == '.' && name[1] == '.'))
		return 0;
	if (dl->n == 64 || len > 255)
		return 1;
	memcpy(dl->names[dl->n], name, len);
	dl->names[dl->n][len] = '\0';
	dl->n++;
	return 0;
}

static void walk_one(struct walk *w, int depth)
{
	struct inode *inode = lnamei(w->path);

	if (IS_ERR(inode)) {
		printk("fsck: error %s %ld\n", w->path, PTR_ERR(inode));
		w->errors++;
		return;
	}
	if (S_ISDIR(inode->i_mode)) {
		iput(inode);
		printk("fsck: dir %s\n", w->path);
		walk_dir(w, depth + 1);
	} else if (S_ISLNK(inode->i_mode)) {
		iput(inode);
		int n = vfs_readlink(w->path, w->buf, WALK_BUF);

		printk("fsck: link %s %.*s\n", w->path, n < 0 ? 0 : n, w->buf);
	} else {
		struct file *f;
		u32 h = FNV_INIT;
		u64 size = 0;
		ssize_t n;

		iput(inode);
		f = vfs_open(w->path, O_RDONLY, 0);
		if (IS_ERR(f)) {
			w->errors++;
			return;
		}
		while ((n = vfs_read(f, w->buf, WALK_BUF)) > 0) {
			h = fnv1a(h, (u8 *)w->buf, n);
			size += n;
		}
		if (n < 0)
			w->errors++;
		fput(f);
		printk("fsck: file %s %llu %08x\n", w->path, size, h);
		w->files++;
	}
}

static void walk_dir(struct walk *w, int depth)
{
	struct dirent_list *dl = kzalloc(sizeof(*dl));
	size_t len = strlen(w->path);
	struct file *dir;
	unsigned int i;

	if (!dl || depth > 20)
		goto out;
	dir = vfs_open(w->path, O_RDONLY | O_DIRECTORY, 0);
	if (IS_ERR(dir)) {
		w->errors++;
		goto out;
	}
	if (vfs_readdir(dir, collect, dl))
		w->errors++;
	fput(dir);
	for (i = 0; i < dl->n; i++) {
		snprintf(w->path + len, sizeof(w->path) - len, "%s%s", len > 1 ? "/" : "",
			 dl->names[i]);
		walk_one(w, depth);
		w->path[len] = '\0';
	}
out:
	kfree(dl);
}

/* Prints every file of the root filesystem with its size and checksum; the suite compares
 * them with the host's staging folder. */
KTEST_NAMED(rootfs_files_read_back_as_on_the_host)
{
	struct walk *w = kzalloc(sizeof(*w));

	if (!w || !(w->buf = kmalloc(WALK_BUF))) {
		ktest_fail(__FILE__, __LINE__, "out of memory");
		return;
	}
	strlcpy(w->path, "/", sizeof(w->path));
	walk_dir(w, 0);
	KTEST_EXPECT(w->files > 0, "expected files in the root filesystem, seen none");
	KTEST_EXPECT_EQ(w->errors, 0);
	kfree(w->buf);
	kfree(w);
}

static int write_file(const char *path, unsigned int flags, const void *data, size_t len)
{
	struct file *f = vfs_open(path, flags, 0644);
	ssize_t n;

	if (IS_ERR(f))
		return PTR_ERR(f);
	n = vfs_write(f, data, len);
	fput(f);
	return n == (ssize_t)len ? 0 : n < 0 ? (int)n : -EIO;
}

/*
 * On /dev/vda mounted at /mnt: create, overwrite, append (across the direct/indirect
 * boundary), truncate, mkdir, unlink, rename, link, symlink, chmod; then unmount. The suite runs e2fsck -fn on the image
 * and compares the files with debugfs.
 */
KTEST_NAMED(ext2_writes_survive_unmount)
{
	char *buf = kmalloc(64 * 1024);
	struct inode *inode;
	int i, err;

	if (!buf)
		return;
	KTEST_EXPECT_EQ(do_mount("/dev/vda", "/mnt", "ext2", false), 0);
	for (i = 0; i < 64 * 1024; i++)
		buf[i] = (char)('a' + i % 26);
	/* small.txt: 12 bytes, then overwritten in the middle */
	KTEST_EXPECT_EQ(write_file("/mnt/small.txt", O_WRONLY | O_CREAT | O_TRUNC, "hello world\n", 12), 0);
	{
		struct file *f = vfs_open("/mnt/small.txt", O_RDWR, 0);

		KTEST_EXPECT(!IS_ERR(f), "open small.txt");
		if (!IS_ERR(f)) {
			vfs_llseek(f, 6, SEEK_SET);
			KTEST_EXPECT_EQ(vfs_write(f, "WORLD", 5), 5);
			fput(f);
		}
	}
	/* big.bin: 60 KiB, then appended in 64 KiB steps to 60 KiB + 16 * 64 KiB (past the 48 KiB
	 * of direct blocks and into the single-indirect range) */
	KTEST_EXPECT_EQ(write_file("/mnt/big.bin", O_WRONLY | O_CREAT, buf, 60 * 1024), 0);
	for (i = 0; i < 16; i++)
		KTEST_EXPECT_EQ(write_file("/mnt/big.bin", O_WRONLY | O_APPEND, buf, 64 * 1024), 0);
	/* cut.bin: 100 KiB truncated to 5000 bytes */
	KTEST_EXPECT_EQ(write_file("/mnt/cut.bin", O_WRONLY | O_CREAT, buf, 64 * 1024), 0);
	KTEST_EXPECT_EQ(write_file("/mnt/cut.bin", O_WRONLY | O_APPEND, buf, 36 * 1024), 0);
	inode = namei("/mnt/cut.bin");
	KTEST_EXPECT(!IS_ERR(inode), "namei cut.bin");
	if (!IS_ERR(inode)) {
		KTEST_EXPECT_EQ(vfs_truncate(inode, 5000), 0);
		iput(inode);
	}
	/* directories: a/b/c with a file; gone/ made and removed; victim.txt made and unlinked */
	KTEST_EXPECT_EQ(vfs_mkdir("/mnt/a", 0755), 0);
	KTEST_EXPECT_EQ(vfs_mkdir("/mnt/a/b", 0755), 0);
	KTEST_EXPECT_EQ(vfs_mkdir("/mnt/a/b/c", 0755), 0);
	KTEST_EXPECT_EQ(write_file("/mnt/a/b/c/deep.txt", O_WRONLY | O_CREAT, "deep\n", 5), 0);
	KTEST_EXPECT_EQ(vfs_mkdir("/mnt/a", 0755), (unsigned long)-EEXIST);
	KTEST_EXPECT_EQ(vfs_mkdir("/mnt/gone", 0755), 0);
	KTEST_EXPECT_EQ(vfs_rmdir("/mnt/gone"), 0);
	KTEST_EXPECT_EQ(vfs_rmdir("/mnt/a"), (unsigned long)-ENOTEMPTY);
	KTEST_EXPECT_EQ(write_file("/mnt/victim.txt", O_WRONLY | O_CREAT, buf, 20000), 0);
	KTEST_EXPECT_EQ(vfs_unlink("/mnt/victim.txt"), 0);
	KTEST_EXPECT_EQ(vfs_unlink("/mnt/victim.txt"), (unsigned long)-ENOENT);
	KTEST_EXPECT_EQ(vfs_unlink("/mnt/a"), (unsigned long)-EISDIR);
	/* many files in one directory: more than one directory block */
	KTEST_EXPECT_EQ(vfs_mkdir("/mnt/many", 0755), 0);
	for (i = 0; i < 200; i++) {
		char name[64];

		snprintf(name, sizeof(name), "/mnt/many/file-with-a-longish-name-%03d", i);
		err = write_file(name, O_WRONLY | O_CREAT, name, strlen(name));
		if (err) {
			ktest_fail(__FILE__, __LINE__, "create %s: %d", name, err);
			break;
		}
	}
	/* names: renames within and across directories, over a file and over an empty
	 * directory; a hard link and a symlink; the host reads them back with debugfs */
	KTEST_EXPECT_EQ(write_file("/mnt/before.txt", O_WRONLY | O_CREAT, "renamed\n", 8), 0);
	KTEST_EXPECT_EQ(vfs_rename("/mnt/before.txt", "/mnt/a/b/after.txt"), 0);
	KTEST_EXPECT_EQ(write_file("/mnt/replaced.txt", O_WRONLY | O_CREAT, buf, 30000), 0);
	KTEST_EXPECT_EQ(vfs_rename("/mnt/small.txt", "/mnt/replaced.txt"), 0);
	KTEST_EXPECT_EQ(vfs_link("/mnt/replaced.txt", "/mnt/small.txt"), 0);
	KTEST_EXPECT_EQ(vfs_mkdir("/mnt/empty", 0755), 0);
	KTEST_EXPECT_EQ(vfs_rename("/mnt/a/b/c", "/mnt/empty"), 0);
	KTEST_EXPECT_EQ(vfs_rename("/mnt/a", "/mnt/a/b/inside"), (unsigned long)-EINVAL);
	KTEST_EXPECT_EQ(vfs_rename("/mnt/a", "/proc/a"), (unsigned long)-EXDEV);
	KTEST_EXPECT_EQ(vfs_rename("/mnt", "/mnt2"), (unsigned long)-EBUSY);
	KTEST_EXPECT_EQ(vfs_rmdir("/mnt"), (unsigned long)-EBUSY);
	KTEST_EXPECT_EQ(vfs_rmdir("/mnt"), (unsigned long)-EBUSY);	/* and the mount point survived */
	KTEST_EXPECT_EQ(vfs_symlink("a/b/after.txt", "/mnt/sym"), 0);
	inode = namei("/mnt/cut.bin");
	KTEST_EXPECT(!IS_ERR(inode), "namei cut.bin");
	if (!IS_ERR(inode)) {
		KTEST_EXPECT_EQ(chmod_common(inode, 0604), 0);
		iput(inode);
	}
	KTEST_EXPECT_EQ(do_umount("/mnt"), 0);
	kfree(buf);
}

/*
 * Reads a 16 MiB file twice: the first read is cold (through bios, merged into large
 * requests by readahead under a plug), the second is all page-cache hits. Prints the
 * throughput in guest time (meaningful under -icount).
 */
static void read_twice(const char *dev, const char *path)
{
	struct block_device *bdev = lookup_bdev(dev);
	char *buf = kmalloc(64 * 1024);
	struct file *f;
	int pass;

	if (!bdev || !buf) {
		ktest_fail(__FILE__, __LINE__, "expected %s and memory", dev);
		kfree(buf);
		return;
	}
	for (pass = 0; pass < 2; pass++) {
		unsigned long req0 = bdev->queue.stats.requests, hits0 = page_cache_stats.hits;
		unsigned long long sect0 = bdev->queue.stats.sectors_read;
		u64 t0, ns, total = 0;
		ssize_t n;

		f = vfs_open(path, O_RDONLY, 0);
		if (IS_ERR(f)) {
			ktest_fail(__FILE__, __LINE__, "open %s: %ld", path, PTR_ERR(f));
			break;
		}
		t0 = ktime_get_ns();
		while ((n = vfs_read(f, buf, 64 * 1024)) > 0)
			total += n;
		ns = ktime_get_ns() - t0;
		fput(f);
		KTEST_EXPECT_EQ(total, 16 * 1024 * 1024);
		printk("bench: %s %s read of 16 MiB: %llu ns, %u MiB/s, %lu requests, %llu sectors, "
		       "%lu page-cache hits\n", dev, pass ? "cached" : "cold", ns,
		       (unsigned int)(16ull * NSEC_PER_SEC / (ns ? ns : 1)),
		       bdev->queue.stats.requests - req0, bdev->queue.stats.sectors_read - sect0,
		       page_cache_stats.hits - hits0);
		if (pass == 0) {
			KTEST_EXPECT(bdev->queue.stats.requests - req0 < 4096 / 4,
				     "cold read: expected requests merged (< 1024 for 4096 pages), "
				     "seen %lu", bdev->queue.stats.requests - req0);
		} else {
			KTEST_EXPECT_EQ(bdev->queue.stats.requests - req0, 0);
			KTEST_EXPECT(page_cache_stats.hits - hits0 >= 4096,
				     "cached read: expected >= 4096 page-cache hits, seen %lu",
				     page_cache_stats.hits - hits0);
		}
	}
	kfree(buf);
}

KTEST_NAMED(read_16mib_from_virtio_merges_then_hits_cache)
{
	KTEST_EXPECT_EQ(do_mount("/dev/vda", "/mnt", "ext2", true), 0);
	read_twice("vda", "/mnt/big16");
	KTEST_EXPECT_EQ(do_umount("/mnt"), 0);
}

KTEST_NAMED(read_16mib_from_ramdisk_merges_then_hits_cache)
{
	read_twice("ram0", "/big16");
}
