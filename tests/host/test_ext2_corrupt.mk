# Host tests of the ext2 code against damaged images (tests/host/test_ext2_corrupt.c).
# EXT2_PURE_SRCS and friends come from test_ext2.mk.
HOST_SRCS_test_ext2_corrupt = $(EXT2_PURE_SRCS) $(EXT2_TEST_SRCS)
$(B)/host/test_ext2_corrupt: $(EXT2_TEST_HDRS)
