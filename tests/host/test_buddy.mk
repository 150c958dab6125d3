# Host unit test of the buddy allocator (tests/host/test_buddy.c).
HOST_SRCS_test_buddy := mm/buddy.c
