# Host tests of the ext2 code against mke2fs images (tests/host/test_ext2.c), with the
# checking in-memory block device shared with the fuzzer. The pure on-disk logic only: not
# fs/ext2/vfs.c, the kernel glue.
EXT2_PURE_SRCS := fs/ext2/super.c fs/ext2/group.c fs/ext2/inode.c fs/ext2/bmap.c \
	fs/ext2/file.c fs/ext2/truncate.c fs/ext2/dir.c fs/ext2/balloc.c fs/ext2/ialloc.c \
	fs/ext2/namei.c fs/ext2/symlink.c fs/ext2/xattr.c
EXT2_TEST_SRCS := tests/fuzz/ext2_harness.c tests/fuzz/ext2_image.c
EXT2_TEST_HDRS := fs/ext2/ext2_int.h tests/fuzz/ext2_harness.h tests/fuzz/ext2_image.h
HOST_SRCS_test_ext2 := $(EXT2_PURE_SRCS) $(EXT2_TEST_SRCS)
$(B)/host/test_ext2: $(EXT2_TEST_HDRS)
