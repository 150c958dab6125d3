# Host unit test of the kernel command-line parser (tests/host/test_params.c).
HOST_SRCS_test_params := kernel/params.c
