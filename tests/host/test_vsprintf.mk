# Host unit test of lib/vsprintf.c (tests/host/test_vsprintf.c). The test #includes
# lib/vsprintf.c itself, renamed to kernel_vsnprintf/kernel_snprintf so that the C library's
# snprintf stays available as the oracle; so nothing is linked here.
HOST_SRCS_test_vsprintf :=
