# Host unit test of the descriptor encoders (tests/host/test_pte.c).
HOST_SRCS_test_pte := mm/pte.c
