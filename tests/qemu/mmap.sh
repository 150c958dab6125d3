#!/bin/bash
# The mmap family and signal handlers on our kernel: each /test/mmap_* and /test/signal_*
# program (tests/user/progs/) runs as pid 1 and prints TAP, relayed here as "PROGRAM: test".
# The same sources pass on Linux: tests/user/run-linux-oracle.sh.
. "$(dirname "$0")/lib.sh"

# relay_tap PROGRAM LOG: the program's TAP lines as ours, each failure with its "# ..." line.
relay_tap() {
	local line
	while IFS= read -r line; do
		line=${line%$'\r'}
		if [[ $line =~ ^ok\ [0-9]+\ -\ (.*)$ ]]; then
			ok "$1: ${BASH_REMATCH[1]}"
		elif [[ $line =~ ^not\ ok\ [0-9]+\ -\ (.*)$ ]]; then
			not_ok "$1: ${BASH_REMATCH[1]}" "see below"
		elif [[ $line == '# '* ]]; then
			echo "$line"
		fi
	done <"$2"
}

for src in tests/user/progs/mmap_*.c tests/user/progs/signal_*.c tests/user/progs/fs_*.c; do
	prog=$(basename "$src" .c)
	tools/qemu-run --timeout 60 --mem 256M -- "/test/$prog" >"$TMP/$prog.log" 2>&1
	status=$?
	relay_tap "$prog" "$TMP/$prog.log"
	if grep -Eq '^1\.\.[0-9]+'$'\r''?$' "$TMP/$prog.log"; then
		expect_status "$prog: exits_zero" "$status" 0
	else
		not_ok "$prog: prints_its_plan" "no 1..N line (status $status: 124 time-out, 125 panic); the log ends with:"
		tail -n 20 "$TMP/$prog.log" | sed 's/^/#   /'
	fi
done
finish
