HOST_SRCS_test_atags := boot/atags.c
