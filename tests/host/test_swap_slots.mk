HOST_SRCS_test_swap_slots := mm/swap_slots.c
