HOST_SRCS_test_swap_format := mm/swap_format.c
