# Host test of the VMA tree, split and merge (tests/host/test_vma_tree.c).
HOST_SRCS_test_vma_tree := lib/rbtree.c mm/vma_tree.c mm/vma_split.c mm/vma_merge.c
