#!/bin/bash
# A kernel fault prints a report a student can use, then powers off (no hang):
# the faulting address, the fault status in words, all registers, and a backtrace with
# symbol names. Three faults: a NULL write, a write to read-only kernel text, and an
# undefined instruction.
. "$(dirname "$0")/lib.sh"

provoke() {	# provoke KTEST: run a destructive ktest, log to $TMP/KTEST.log, echo status
	tools/qemu-run --timeout 30 --append "ktest=$1" >"$TMP/$1.log" 2>&1
	echo $?
}

s=$(provoke panic_null_write)
log=$TMP/panic_null_write.log
expect_status null_write_panics_and_powers_off "$s" 125
expect_line null_write_names_the_address "$log" \
	"Unable to handle kernel NULL pointer dereference at virtual address 00000000"
expect_line null_write_decodes_the_status "$log" "fault: translation fault \(section\), write, FSR 0x"
expect_line null_write_shows_pc_symbol "$log" "PC is at write_to_null\+0x"
expect_line null_write_shows_registers "$log" "r3 : [0-9a-f]{8}  r2 : [0-9a-f]{8}  r1 : [0-9a-f]{8}  r0 : "
expect_line null_write_shows_mode "$log" "Mode SVC  ISA ARM"
expect_line null_write_backtrace_reaches_the_test "$log" "\(ktest_panic_null_write\+0x"
expect_line null_write_backtrace_reaches_the_runner "$log" "\(ktest_run_selected\+0x"
expect_line null_write_ends_with_panic_line "$log" "Kernel panic - not syncing: Fatal exception"

s=$(provoke panic_text_write)
log=$TMP/panic_text_write.log
expect_status text_write_panics_and_powers_off "$s" 125
expect_line text_write_names_the_address "$log" \
	"Unable to handle kernel paging request at virtual address 80010100"
expect_line text_write_is_a_permission_fault "$log" "fault: permission fault \(page\), write"
expect_line text_write_shows_pc_symbol "$log" "PC is at write_to_text\+0x"

s=$(provoke panic_undefined_instruction)
log=$TMP/panic_undefined_instruction.log
expect_status undefined_instruction_panics "$s" 125
expect_line undefined_instruction_is_named "$log" "Undefined instruction at virtual address"
expect_line undefined_instruction_shows_pc_symbol "$log" "PC is at ktest_panic_undefined_instruction\+0x"
finish
