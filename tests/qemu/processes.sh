#!/bin/bash
# User processes: each test program in /test runs as pid 1 (init=) and prints TAP. libsys_test
# (the C library's own test, also run on Linux by tests/user/run-under-qemu-arm.sh) too.
. "$(dirname "$0")/lib.sh"

for prog in mm_faults mm_cow exec_many proc_and_kill libsys_test; do
	tools/qemu-run --timeout 60 --mem 256M -- "/test/$prog" >"$TMP/$prog.log" 2>&1
	status=$?
	relay_tap() {
		local line
		while IFS= read -r line; do
			line=${line%$'\r'}
			if [[ $line =~ ^ok\ [0-9]+\ -\ (.*)$ ]]; then
				ok "${BASH_REMATCH[1]}"
			elif [[ $line =~ ^not\ ok\ [0-9]+\ -\ (.*)$ ]]; then
				not_ok "${BASH_REMATCH[1]}" "see below"
			elif [[ $line == '# '* ]]; then
				echo "$line"
			fi
		done <"$1"
	}
	relay_tap "$TMP/$prog.log"
	expect_status "${prog}_exits_zero" "$status" 0
done
finish
