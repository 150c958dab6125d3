HOST_SRCS_test_swapops := mm/pte.c
