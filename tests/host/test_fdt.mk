HOST_SRCS_test_fdt := boot/fdt.c
