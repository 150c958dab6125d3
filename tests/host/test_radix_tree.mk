HOST_SRCS_test_radix_tree := lib/radix-tree.c
