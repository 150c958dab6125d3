/* SPDX-License-Identifier: MIT */
/*
 * The VFS: what every filesystem provides and what the rest of the kernel uses.
 *
 *   struct super_block   one mounted filesystem (its device, its root inode, its ops)
 *   struct inode         one file, directory or symlink; i_mapping is its page cache
 *   struct address_space the page cache of an inode, with a_ops->readpage/writepage to
 *                        move a page between memory and disk
 *   struct file          an open file: an inode, a position, open flags, file ops
 *
 * There is no dentry cache: path lookup asks each directory's inode_operations->lookup,
 * and inodes are cached per super block by number (iget).
 */
#ifndef FS_FS_H
#define FS_FS_H

#include <types.h>
#include <lib/list.h>
#include <lib/radix-tree.h>
#include <kernel/spinlock.h>
#include <kernel/mutex.h>

struct page;
struct inode;
struct file;
struct super_block;
struct block_device;
struct vm_area_struct;

typedef unsigned int umode_t;
typedef long long loff_t;

/* File types and permissions (Linux's values, also ext2's i_mode). */
#define S_IFMT		0170000
#define S_IFSOCK	0140000
#define S_IFLNK		0120000
#define S_IFREG		0100000
#define S_IFBLK		0060000
#define S_IFDIR		0040000
#define S_IFCHR		0020000
#define S_IFIFO		0010000
#define S_ISREG(m)	(((m) & S_IFMT) == S_IFREG)
#define S_ISDIR(m)	(((m) & S_IFMT) == S_IFDIR)
#define S_ISLNK(m)	(((m) & S_IFMT) == S_IFLNK)

/* open(2) flags, Linux ARM values. */
#define O_ACCMODE	00000003
#define O_RDONLY	00000000
#define O_WRONLY	00000001
#define O_RDWR		00000002
#define O_CREAT		00000100
#define O_EXCL		00000200
#define O_TRUNC		00001000
#define O_APPEND	00002000
#define O_DIRECTORY	00040000
#define O_CLOEXEC	02000000	/* of the descriptor, not the file: never in f_flags */

#define SEEK_SET 0
#define SEEK_CUR 1
#define SEEK_END 2

/* d_type values for readdir (Linux's DT_*). */
#define DT_UNKNOWN 0
#define DT_DIR 4
#define DT_REG 8
#define DT_LNK 10

struct address_space_operations {
	/* Start reading page (locked, not uptodate) from disk. The I/O completion marks it
	 * uptodate (or PG_error) and unlocks it. */
	int (*readpage)(struct file *file, struct page *page);
	/* Write page (locked, dirty bit already cleared) to disk and wait; unlocks it. */
	int (*writepage)(struct page *page);
	/* Before write(2) puts data into page `index`: give it disk space (ext2 allocates its
	 * block), so that a full disk fails the write, not the later writeback. */
	int (*write_begin)(struct inode *inode, unsigned long index);
};

struct address_space {
	struct inode *host;
	struct radix_tree_root page_tree;	/* index -> struct page */
	spinlock_t tree_lock;
	unsigned long nrpages;
	const struct address_space_operations *a_ops;
	/* The reverse map of file pages: every VMA that maps this file, linear ones on
	 * i_mmap and remap_file_pages'd ones on i_mmap_nonlinear (under i_mmap_lock). */
	struct list_head i_mmap;
	struct list_head i_mmap_nonlinear;
	spinlock_t i_mmap_lock;
};

/* Called by readdir for each entry; returns non-zero to stop. */
typedef int (*filldir_t)(void *arg, const char *name, size_t len, loff_t pos, u32 ino,
			 unsigned int type);

struct inode_operations {
	/* The inode for name in directory dir: a new reference, or ERR_PTR(-ENOENT). */
	struct inode *(*lookup)(struct inode *dir, const char *name, size_t len);
	struct inode *(*create)(struct inode *dir, const char *name, size_t len, umode_t mode);
	struct inode *(*mkdir)(struct inode *dir, const char *name, size_t len, umode_t mode);
	int (*unlink)(struct inode *dir, const char *name, size_t len);
	int (*rmdir)(struct inode *dir, const char *name, size_t len);
	/* A new name in dir for inode (not a directory; same filesystem). */
	int (*link)(struct inode *inode, struct inode *dir, const char *name, size_t len);
	struct inode *(*symlink)(struct inode *dir, const char *name, size_t len,
				 const char *target);
	/* Both directories on this filesystem; the names are not "." or ".."; old is what
	 * old_name names, new what new_name names (NULL: nothing), as the VFS looked them up. */
	int (*rename)(struct inode *old_dir, const char *old_name, size_t old_len,
		      struct inode *old, struct inode *new_dir, const char *new_name,
		      size_t new_len, struct inode *new);
	/* Copies the target into buf (not NUL-terminated); returns its length. */
	int (*readlink)(struct inode *inode, char *buf, size_t len);
	/* Changes i_size, freeing blocks beyond it. */
	int (*setsize)(struct inode *inode, loff_t size);
};

struct file_operations {
	ssize_t (*read)(struct file *file, char *buf, size_t len, loff_t *pos);
	ssize_t (*write)(struct file *file, const char *buf, size_t len, loff_t *pos);
	loff_t (*llseek)(struct file *file, loff_t offset, int whence);
	int (*iterate)(struct file *file, filldir_t fill, void *arg);	/* readdir */
	int (*mmap)(struct file *file, struct vm_area_struct *vma);
	int (*fsync)(struct file *file);
	int (*open)(struct inode *inode, struct file *file);
	int (*release)(struct inode *inode, struct file *file);
};

struct inode {
	unsigned long i_ino;
	umode_t i_mode;
	unsigned int i_nlink;
	u32 i_uid, i_gid;
	loff_t i_size;
	u32 i_atime, i_mtime, i_ctime;
	struct super_block *i_sb;
	const struct inode_operations *i_op;
	const struct file_operations *i_fop;
	struct address_space i_data;
	struct address_space *i_mapping;	/* &i_data */
	struct mutex i_mutex;			/* serialises changes to the file */
	int i_count;				/* references (under the sb's inode lock) */
	bool i_dirty;				/* must be written by s_op->write_inode */
	struct list_head i_sb_list;		/* on sb->s_inodes */
	void *i_private;			/* the filesystem's */
};

struct super_operations {
	/* Fill inode (i_ino set) from disk: mode, size, ops. */
	int (*read_inode)(struct inode *inode);
	int (*write_inode)(struct inode *inode);
	/* The last reference is gone and i_nlink is 0: free it on disk. */
	void (*evict_inode)(struct inode *inode);
	int (*sync_fs)(struct super_block *sb);
	void (*put_super)(struct super_block *sb);
};

struct file_system_type {
	const char *name;
	bool nodev;			/* needs no block device (proc) */
	/* Reads the super block of sb->s_bdev and sets s_op, s_root; 0 or -errno (and a
	 * message in the log saying why). */
	int (*fill_super)(struct super_block *sb, bool read_only);
	struct list_head list;
};

struct super_block {
	struct block_device *s_bdev;
	struct inode *s_root;
	const struct super_operations *s_op;
	const struct file_system_type *s_type;
	bool s_rdonly;
	struct list_head s_inodes;	/* cached inodes */
	spinlock_t s_inode_lock;
	struct mutex s_mutex;		/* serialises namespace changes (create, unlink...) */
	void *s_fs_info;
};

struct file {
	struct inode *f_inode;
	loff_t f_pos;
	unsigned int f_flags;
	const struct file_operations *f_op;
	int f_count;
	struct mutex f_pos_lock;
	char *f_path;			/* the path it was opened by (kmalloc'd), for /proc maps */
	void *private_data;		/* the file system's (procfs: the generated text) */
};

int register_filesystem(struct file_system_type *fs);

/* Inodes (fs/inode.c). */
struct inode *iget(struct super_block *sb, unsigned long ino);	/* ERR_PTR on failure */
void ihold(struct inode *inode);
void iput(struct inode *inode);
void mark_inode_dirty(struct inode *inode);
int write_inode_now(struct inode *inode);
/* Writes every dirty inode and page of sb. */
int sync_inodes_sb(struct super_block *sb);

/* Files (fs/file.c). alloc_file: a new open file of inode (consumes the caller's inode
 * reference when it is fput), NULL without memory. */
struct file *alloc_file(struct inode *inode, unsigned int flags,
			const struct file_operations *fops);
struct file *vfs_open(const char *path, unsigned int flags, umode_t mode);	/* ERR_PTR */
void fput(struct file *file);
void fget(struct file *file);
ssize_t vfs_read(struct file *file, char *buf, size_t len);
ssize_t vfs_write(struct file *file, const char *buf, size_t len);
loff_t vfs_llseek(struct file *file, loff_t offset, int whence);
int vfs_fsync(struct file *file);
int vfs_truncate(struct inode *inode, loff_t size);
int vfs_readdir(struct file *file, filldir_t fill, void *arg);

/* The page-cache read/write every filesystem uses (mm/filemap.c). */
ssize_t generic_file_read(struct file *file, char *buf, size_t len, loff_t *pos);
ssize_t generic_file_write(struct file *file, const char *buf, size_t len, loff_t *pos);
loff_t generic_file_llseek(struct file *file, loff_t offset, int whence);
int generic_file_fsync(struct file *file);
int generic_file_mmap(struct file *file, struct vm_area_struct *vma);
/* Unmaps the pages of the file from index `first` on, from every process (truncate). */
void unmap_mapping_range(struct address_space *mapping, unsigned long first);
/* The address_space's lists start empty (fs/inode.c calls it for every new inode). */
void address_space_init(struct address_space *mapping, struct inode *host);

/* Path lookup and namespace operations (fs/namei.c). */
struct inode *namei(const char *path);				/* ERR_PTR */
struct inode *lnamei(const char *path);		/* a final symlink is not followed */
int vfs_mkdir(const char *path, umode_t mode);
int vfs_unlink(const char *path);
int vfs_rmdir(const char *path);
int vfs_readlink(const char *path, char *buf, size_t len);
int vfs_link(const char *oldpath, const char *newpath);
int vfs_symlink(const char *target, const char *linkpath);
int vfs_rename(const char *oldpath, const char *newpath);
/* New permission bits (07777) for inode, written back with it; -EROFS, -EPERM (/proc, pipes). */
int chmod_common(struct inode *inode, unsigned int mode);

/* Inodes of no filesystem (fs/anon.c), the console (fs/tty.c) and pipes (fs/pipe.c). */
struct inode *anon_inode_new(umode_t mode, const struct file_operations *fops);
struct file *console_open(void);
bool file_is_tty(const struct file *file);
int do_pipe(struct file *files[2]);

/* Mounting (fs/super.c). */
int do_mount(const char *dev, const char *dir, const char *fstype, bool read_only);
int do_umount(const char *dir);
int mount_root(const char *dev, const char *fstype);
void sync_filesystems(void);
/* The root of the filesystem mounted on dir, with a reference (dir itself if none). */
struct inode *follow_mount(struct inode *dir);
/* If dir is the root of a mounted filesystem: the directory it is mounted on, else NULL. */
struct inode *mount_point_of(struct inode *root);
/* Is a filesystem mounted on dir? (Its name can then be neither removed nor renamed.) */
bool is_mountpoint(struct inode *dir);
extern struct inode *root_inode;

#endif
