#!/bin/bash
# Console input: a line typed into QEMU's serial port reaches a sleeping reader through the
# PL011 receive interrupt.
. "$(dirname "$0")/lib.sh"

{ sleep 1; printf "hello kernel\n"; sleep 1; } |
	tools/qemu-run --timeout 20 --append "ktest=console_reads_a_typed_line_by_interrupt" \
		>"$TMP/log" 2>&1
status=$?
relay_ktests "$TMP/log"
expect_status console_ktest_powers_off_cleanly "$status" 0
finish
