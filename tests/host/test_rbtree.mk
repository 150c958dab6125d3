# Host test of the red-black tree (tests/host/test_rbtree.c).
HOST_SRCS_test_rbtree := lib/rbtree.c
