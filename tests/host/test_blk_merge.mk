HOST_SRCS_test_blk_merge := block/blk-merge.c
