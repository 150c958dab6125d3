HOST_SRCS_test_pte_file := mm/pte.c
