// SPDX-License-Identifier: MIT
/*
 * Names on a filesystem: rename(2), link(2) and symlink(2), each outcome and each errno as
 * Linux gives them; and umask(2), which shapes the modes of the names made. Run on our kernel by tests/qemu/mmap.sh (in /tmp on the ext2 root) and on
 * Linux by tests/user/run-linux-oracle.sh (in a scratch directory).
 *
 *   fs_names [--qemu-user] [DIR]
 */
#define _GNU_SOURCE
#include "mmap_test.h"
#include <sys/stat.h>

static void put(const char *name, const char *text)
{
	int fd = open(at(name), O_CREAT | O_TRUNC | O_WRONLY, 0644);

	if (fd < 0 || write(fd, text, strlen(text)) != (ssize_t)strlen(text) || close(fd))
		printf("# cannot write %s: errno %d\n", at(name), errno);
}

/* The file's first bytes, as a string ("" if it cannot be read). */
static const char *get(const char *name)
{
	static char buf[64];
	int fd = open(at(name), O_RDONLY);
	ssize_t n = fd < 0 ? 0 : read(fd, buf, sizeof(buf) - 1);

	if (fd >= 0)
		close(fd);
	buf[n > 0 ? n : 0] = '\0';
	return buf;
}

/* Not ino_t: newlib's is 16 bits wide, st_ino is Linux's 64. */
static unsigned long long ino_of(const char *name)
{
	struct stat st;

	return lstat(at(name), &st) ? 0 : st.st_ino;
}

static nlink_t links_of(const char *name)
{
	struct stat st;

	return lstat(at(name), &st) ? 0 : st.st_nlink;
}

static int exists(const char *name)
{
	struct stat st;

	return lstat(at(name), &st) == 0;
}

/* The call's result: 0, or -errno. */
static int res(int r)
{
	return r < 0 ? -errno : r;
}

#define EXPECT_ERR(name, call, err)                                                           \
	do {                                                                                  \
		int r_ = res(call);                                                           \
		tap_check(r_ == -(err), name, "expected -%d (%s), seen %d", err, #err, r_);   \
	} while (0)

static void rename_files(void)
{
	unsigned long long ino;
	int fd;
	char buf[16] = { 0 };

	put("a", "apple");
	ino = ino_of("a");
	tap_check(res(rename(at("a"), at("b"))) == 0 && !exists("a") && ino_of("b") == ino &&
			  strcmp(get("b"), "apple") == 0,
		  "rename_moves_a_file_keeping_its_inode",
		  "expected a gone and b with inode %lu reading apple; a %d, b inode %lu reads %s",
		  (unsigned long)ino, exists("a"), (unsigned long)ino_of("b"), get("b"));

	/* Over an existing file: the old one stays readable through an open descriptor. */
	put("victim", "victim data");
	fd = open(at("victim"), O_RDONLY);
	tap_check(res(rename(at("b"), at("victim"))) == 0 && strcmp(get("victim"), "apple") == 0 &&
			  !exists("b"),
		  "rename_over_a_file_replaces_it", "victim reads %s", get("victim"));
	tap_check(fd >= 0 && pread(fd, buf, sizeof(buf) - 1, 0) == 11 &&
			  strcmp(buf, "victim data") == 0,
		  "replaced_file_stays_readable_while_open", "read %s", buf);
	if (fd >= 0)
		close(fd);

	/* Two names of one inode: nothing happens. */
	put("one", "1");
	tap_check(res(link(at("one"), at("two"))) == 0, "link_makes_a_second_name", "errno %d",
		  errno);
	tap_check(res(rename(at("one"), at("two"))) == 0 && exists("one") && exists("two") &&
			  links_of("one") == 2,
		  "rename_between_names_of_one_inode_does_nothing", "one %d two %d links %lu",
		  exists("one"), exists("two"), (unsigned long)links_of("one"));
	tap_check(res(rename(at("one"), at("one"))) == 0 && exists("one"),
		  "rename_to_itself_does_nothing", "errno %d", errno);

	EXPECT_ERR("rename_of_a_missing_name_is_enoent", rename(at("missing"), at("x")), ENOENT);
	EXPECT_ERR("rename_into_a_missing_directory_is_enoent",
		   rename(at("one"), at("nodir/x")), ENOENT);
	EXPECT_ERR("rename_with_a_trailing_slash_on_a_file_is_enotdir",
		   rename(at("one"), at("x/")), ENOTDIR);
	EXPECT_ERR("rename_to_another_filesystem_is_exdev", rename(at("one"), "/proc/x"), EXDEV);
}

static void rename_directories(void)
{
	struct stat st;
	nlink_t p1, p2;
	unsigned long long ino;
	int counts = 1;

	mkdir(at("p1"), 0755);
	mkdir(at("p2"), 0755);
	mkdir(at("p1/d"), 0755);
	mkdir(at("p1/d/sub"), 0755);
	put("p1/d/sub/f", "deep");
	put("file", "f");
	p1 = links_of("p1");
	p2 = links_of("p2");
	if (p1 == 1)
		counts = 0;	/* a filesystem that does not count subdirectories (btrfs) */
	ino = ino_of("p1/d");

	tap_check(res(rename(at("p1/d"), at("p2/e"))) == 0 && ino_of("p2/e") == ino &&
			  strcmp(get("p2/e/sub/f"), "deep") == 0,
		  "rename_moves_a_directory_with_its_subtree", "errno %d, p2/e/sub/f reads %s",
		  errno, get("p2/e/sub/f"));
	tap_check(stat(at("p2/e/.."), &st) == 0 && st.st_ino == ino_of("p2"),
		  "moved_directorys_dotdot_is_its_new_parent", "p2/e/.. has inode %lu, p2 %lu",
		  (unsigned long)st.st_ino, (unsigned long)ino_of("p2"));
	if (counts)
		tap_check(links_of("p1") == p1 - 1 && links_of("p2") == p2 + 1,
			  "parents_link_counts_follow_the_dotdot",
			  "expected p1 %lu p2 %lu, seen %lu %lu", (unsigned long)p1 - 1,
			  (unsigned long)p2 + 1, (unsigned long)links_of("p1"),
			  (unsigned long)links_of("p2"));
	else
		tap_skip("parents_link_counts_follow_the_dotdot", "no subdirectory counts here");

	mkdir(at("p1/empty"), 0755);
	tap_check(res(rename(at("p2/e"), at("p1/empty"))) == 0 && ino_of("p1/empty") == ino &&
			  !exists("p2/e"),
		  "rename_over_an_empty_directory_replaces_it", "errno %d", errno);
	if (counts)
		tap_check(links_of("p1") == p1 && links_of("p2") == p2,
			  "link_counts_after_replacing_a_directory",
			  "expected p1 %lu p2 %lu, seen %lu %lu", (unsigned long)p1,
			  (unsigned long)p2, (unsigned long)links_of("p1"),
			  (unsigned long)links_of("p2"));
	else
		tap_skip("link_counts_after_replacing_a_directory", "no subdirectory counts here");

	mkdir(at("p2/full"), 0755);
	put("p2/full/x", "x");
	EXPECT_ERR("directory_over_a_non_empty_directory_is_enotempty",
		   rename(at("p1/empty"), at("p2/full")), ENOTEMPTY);
	EXPECT_ERR("file_over_a_directory_is_eisdir", rename(at("file"), at("p2")), EISDIR);
	EXPECT_ERR("directory_over_a_file_is_enotdir", rename(at("p2"), at("file")), ENOTDIR);
	EXPECT_ERR("directory_into_its_own_subtree_is_einval",
		   rename(at("p1"), at("p1/empty/sub/inside")), EINVAL);
	EXPECT_ERR("directory_onto_its_own_child_name_is_einval", rename(at("p1"), at("p1/x")),
		   EINVAL);
	EXPECT_ERR("rename_of_dot_is_ebusy", rename(at("p1/."), at("x")), EBUSY);
	EXPECT_ERR("rename_to_dotdot_is_ebusy", rename(at("file"), at("p1/..")), EBUSY);
	tap_check(res(rename(at("p2"), at("p3/"))) == 0 && exists("p3/full/x"),
		  "a_directory_may_be_named_with_a_trailing_slash", "errno %d", errno);
	tap_check(exists("file") && exists("p1/empty/sub/f") && exists("p3/full/x"),
		  "failed_renames_moved_nothing", "file %d p1/empty/sub/f %d p3/full/x %d",
		  exists("file"), exists("p1/empty/sub/f"), exists("p3/full/x"));
}

static void links_and_symlinks(void)
{
	char buf[64];
	struct stat st;
	ssize_t n;

	put("orig", "original");
	tap_check(res(link(at("orig"), at("hard"))) == 0 && ino_of("hard") == ino_of("orig") &&
			  links_of("orig") == 2,
		  "link_shares_the_inode_and_counts_it", "links %lu",
		  (unsigned long)links_of("orig"));
	unlink(at("orig"));
	tap_check(strcmp(get("hard"), "original") == 0 && links_of("hard") == 1,
		  "data_stays_while_a_link_remains", "hard reads %s", get("hard"));
	EXPECT_ERR("link_to_an_existing_name_is_eexist", link(at("hard"), at("file")), EEXIST);
	EXPECT_ERR("link_of_a_directory_is_eperm", link(at("p1"), at("dirlink")), EPERM);
	EXPECT_ERR("link_of_a_missing_file_is_enoent", link(at("missing"), at("x")), ENOENT);

	tap_check(res(symlink("hard", at("sym"))) == 0 && lstat(at("sym"), &st) == 0 &&
			  S_ISLNK(st.st_mode),
		  "symlink_creates_a_link", "errno %d", errno);
	n = readlink(at("sym"), buf, sizeof(buf));
	tap_check(n == 4 && memcmp(buf, "hard", 4) == 0, "readlink_gives_the_target",
		  "readlink returned %zd", n);
	tap_check(strcmp(get("sym"), "original") == 0, "open_follows_the_symlink", "read %s",
		  get("sym"));
	tap_check(res(symlink("nowhere/at/all", at("dangling"))) == 0 &&
			  stat(at("dangling"), &st) != 0,
		  "a_dangling_symlink_may_be_made", "errno %d", errno);
	EXPECT_ERR("symlink_over_an_existing_name_is_eexist", symlink("x", at("hard")), EEXIST);
	EXPECT_ERR("symlink_with_an_empty_target_is_enoent", symlink("", at("empty_target")),
		   ENOENT);
	tap_check(res(rename(at("sym"), at("sym2"))) == 0 &&
			  strcmp(get("sym2"), "original") == 0,
		  "a_renamed_symlink_still_resolves", "sym2 reads %s", get("sym2"));
	tap_check(res(link(at("sym2"), at("sym3"))) == 0 && lstat(at("sym3"), &st) == 0 &&
			  S_ISLNK(st.st_mode),
		  "link_of_a_symlink_links_the_symlink_itself", "errno %d", errno);
}

/* A mapping of a file survives the file's rename and the replacement of its old name. */
static void mapping_survives_rename(void)
{
	int fd;
	char *p;

	put("mapped", "mapped bytes");
	fd = open(at("mapped"), O_RDWR);
	p = fd < 0 ? MAP_FAILED : mmap(NULL, PAGE, RW, MAP_SHARED, fd, 0);
	if (fd >= 0)
		close(fd);
	if (p == MAP_FAILED) {
		tap_check(0, "mapping_survives_rename", "mmap failed: errno %d", errno);
		return;
	}
	rename(at("mapped"), at("moved"));
	put("mapped", "new file");
	memcpy(p, "MAPPED", 6);
	tap_check(strcmp(get("moved"), "MAPPED bytes") == 0 &&
			  strcmp(get("mapped"), "new file") == 0,
		  "mapping_survives_rename", "moved reads %s", get("moved"));
	munmap(p, PAGE);
}

/* umask(2) takes bits from the mode open(O_CREAT) and mkdir are given, not from chmod's. */
static void umask_shapes_new_modes(void)
{
	struct stat st;
	mode_t old = umask(027);
	int fd;

	fd = open(at("masked"), O_CREAT | O_WRONLY, 0666);
	if (fd >= 0)
		close(fd);
	tap_check(stat(at("masked"), &st) == 0 && (st.st_mode & 07777) == 0640,
		  "umask_clears_bits_of_a_new_file", "expected mode 0640, seen %o",
		  (unsigned int)(st.st_mode & 07777));
	mkdir(at("masked_dir"), 0777);
	tap_check(stat(at("masked_dir"), &st) == 0 && (st.st_mode & 07777) == 0750,
		  "umask_clears_bits_of_a_new_directory", "expected mode 0750, seen %o",
		  (unsigned int)(st.st_mode & 07777));
	fd = open(at("masked"), O_WRONLY | O_CREAT, 0600);	/* exists: its mode stays */
	if (fd >= 0)
		close(fd);
	tap_check(stat(at("masked"), &st) == 0 && (st.st_mode & 07777) == 0640,
		  "umask_and_mode_do_not_touch_an_existing_file", "expected 0640, seen %o",
		  (unsigned int)(st.st_mode & 07777));
	tap_check(umask(old) == 027, "umask_returns_the_previous_mask", "expected 027");
	tap_check(umask(01777) == old && umask(old) == 0777,
		  "umask_keeps_only_permission_bits", "expected 0777 after umask(01777)");
}

int main(int argc, char **argv)
{
	parse_args(argc, argv);
	umask_shapes_new_modes();
	rename_files();
	rename_directories();
	links_and_symlinks();
	mapping_survives_rename();
	return tap_done();
}
