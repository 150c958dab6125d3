# Host unit test of fault status decoding (tests/host/test_fsr.c). mm/fsr.c formats with the
# kernel's snprintf, so lib/vsprintf.c is linked too and replaces the C library's in this binary.
HOST_SRCS_test_fsr := mm/fsr.c lib/vsprintf.c
