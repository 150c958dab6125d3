#!/bin/bash
# gdb can debug the kernel the way a student does with `make qemu-gdb` + `make gdb`:
# QEMU starts halted, gdb-multiarch (batch mode) attaches, stops at a breakpoint in a
# kernel function, reads variables, steps with next/step, uses the helpers of
# tools/gdb/kernel.py (pgwalk, ptdump, dmesg), watches the timer tick advance jiffies,
# then deletes its breakpoints and lets the kernel finish a ktest and power off.
#
# Needs tcp port 1234 free: QEMU's -s (tools/qemu-run --gdb) always listens there.
# QEMU is killed on every way out, and gdb has a time limit, so a failure cannot hang.
. "$(dirname "$0")/lib.sh"

PORT=1234
KTEST=thread_sleeps_until_woken
qpid=

# shellcheck disable=SC2317 # called by the traps
cleanup() {
	if [[ -n $qpid ]] && kill -0 "$qpid" 2>/dev/null; then
		kill -TERM -- "-$qpid" 2>/dev/null	# the runner, timeout(1), QEMU, tee
		sleep 0.5
		kill -KILL -- "-$qpid" 2>/dev/null
	fi
	rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Is anything listening on tcp port $PORT? (/proc/net/tcp*: local address, state 0A = LISTEN)
port_listening() {
	local files=() f hex
	hex=$(printf '%04X' "$PORT")
	for f in /proc/net/tcp /proc/net/tcp6; do
		[[ -r $f ]] && files+=("$f")
	done
	awk -v p=":$hex" 'FNR > 1 && $4 == "0A" && substr($2, length($2) - 4) == p { found = 1 }
		END { exit !found }' "${files[@]}"
}

for f in "$B/kernel.elf" "$B/kernel.bin"; do
	[[ -f $f ]] || { not_ok gdb_kernel_is_built "no $f: run make first"; finish; exit; }
done
command -v gdb-multiarch >/dev/null || {
	not_ok gdb_multiarch_is_installed "gdb-multiarch not found (tools/install-deps)"
	finish
	exit
}
if port_listening; then
	not_ok gdb_port_${PORT}_is_free "tcp port $PORT is already in use (another QEMU -s or" \
		"gdb server?); QEMU's -s always listens on $PORT: stop that one and rerun"
	finish
	exit
fi

# QEMU, halted until gdb says continue; in its own session so one kill stops all of it.
setsid tools/qemu-run --gdb --timeout 60 --append "ktest=$KTEST" </dev/null \
	>"$TMP/qemu.log" 2>&1 &
qpid=$!

# Wait up to 10 s for QEMU's gdb server.
for ((i = 0; i < 100; i++)); do
	port_listening && break
	kill -0 "$qpid" 2>/dev/null || break
	sleep 0.1
done
if ! kill -0 "$qpid" 2>/dev/null || ! port_listening; then
	not_ok gdb_stops_at_breakpoint_on_kernel_function "QEMU's gdb server did not come up" \
		"on port $PORT within 10 s; runner output:"
	sed 's/^/#   /' "$TMP/qemu.log" | tail -n 20
	finish
	exit
fi

# The gdb session. Each `echo @@NAME` marks the start of a section of the output checked
# below; an error in one command does not stop the following ones.
cmds=()
g() { cmds+=(-ex "$1"); }
mark() { g "echo @@$1\\n"; }
g "set architecture arm"
g "file $B/kernel.elf"
g "source tools/gdb/kernel.py"
g "target remote localhost:$PORT"
mark break
g "break mem_init"
g "continue"
mark vars
g "print bi->nr_mem"
g "print/x phys_base"
mark pgwalk_text
g "pgwalk start_kernel"
mark pgwalk_data
g "pgwalk &jiffies"
mark ptdump
g "ptdump"
mark next
g "next"
g "frame"
mark step
g "finish"	# back in start_kernel, after the call to mem_init
g "next"	# over the rest of that line, to the next call
g "step"	# into it
g "bt 2"
mark ticks
g "break tick_handler"
g "continue"
g "print jiffies"
g "continue"
g "continue"
g "print jiffies"
mark dmesg
g "dmesg"
mark detach
g "delete"
g "continue"
timeout 15 gdb-multiarch -q -batch -nx "${cmds[@]}" >"$TMP/gdb.log" 2>&1
gdb_status=$?

# The kernel runs the ktest to its end and powers off: wait up to 5 s for the runner.
for ((i = 0; i < 50; i++)); do
	kill -0 "$qpid" 2>/dev/null || break
	sleep 0.1
done
if kill -0 "$qpid" 2>/dev/null; then
	status="none: still running 5 s after gdb ended (killed on exit)"
else
	wait "$qpid"
	status=$?
	qpid=
fi

# section NAME: the gdb output from the line @@NAME to the next marker, in $TMP/NAME.
section() {
	awk -v m="@@$1" '/^@@/ { on = ($0 == m); next } on' "$TMP/gdb.log" >"$TMP/$1"
	echo "$TMP/$1"
}
show() {	# show MESSAGE FILE: a failure's reason and what gdb printed
	not_ok "$1" "$2"
	sed 's/^/#   /' "$3" | tail -n 30
}

expect_line gdb_stops_at_breakpoint_on_kernel_function "$(section break)" \
	'^Breakpoint 1, mem_init \(.*\) at mm/init\.c:[0-9]+'

# print bi->nr_mem: one RAM bank (QEMU's ATAGS); phys_base: RAM starts at 0x60000000.
f=$(section vars)
if grep -Eq '^\$[0-9]+ = 1$' "$f" && grep -Eq '^\$[0-9]+ = 0x60000000$' "$f"; then
	ok gdb_reads_a_kernel_variable
else
	show gdb_reads_a_kernel_variable "expected bi->nr_mem = 1 and phys_base = 0x60000000" "$f"
fi

expect_line gdb_pgwalk_shows_kernel_text_read_only_executable "$(section pgwalk_text)" \
	'^=> 0x8[0-9a-f]{7} -> physical 0x[0-9a-f]{8}: read-only, executable, Normal memory \(page\)'
expect_line gdb_pgwalk_shows_kernel_data_read_write_execute_never "$(section pgwalk_data)" \
	'^=> 0x8[0-9a-f]{7} -> physical 0x[0-9a-f]{8}: read-write, execute-never, Normal memory'
expect_line gdb_ptdump_lists_a_device_mapping "$(section ptdump)" \
	'^0xf[0-9a-f]{7}-0x[0-9a-f]{8} +[0-9]+[KMG] +section +rw- +Device +-> 0x1[0-9a-f]{7}$'

# next: still in mem_init, on a later line. step: inside a function start_kernel calls.
first=$(sed -En 's/^Breakpoint 1, mem_init .* at mm\/init\.c:([0-9]+)$/\1/p' "$TMP/break")
after=$(sed -En 's/^#0  mem_init .* at mm\/init\.c:([0-9]+)$/\1/p' "$(section next)")
f=$(section step)
if [[ -n $first && -n $after ]] && ((after > first)) &&
	grep -Eq '^#0  [a-z_0-9]+ \(.*\) at [a-z_/]+\.[ch]:[0-9]+$' "$f" &&
	! grep -Eq '^#0  start_kernel ' "$f" && grep -Eq '^#1 .*start_kernel \(' "$f"; then
	ok gdb_next_and_step_move_through_source
else
	not_ok gdb_next_and_step_move_through_source "expected next to go from mm/init.c:$first" \
		"to a later line of mem_init (seen '${after:-nothing}'), and step to enter a" \
		"function called by start_kernel; seen:"
	sed 's/^/#   /' "$TMP/next" "$f" | tail -n 30
fi

# jiffies at the first tick_handler stop, then two ticks later: counted up, > 0.
f=$(section ticks)
mapfile -t j < <(sed -En 's/^\$[0-9]+ = ([0-9]+)$/\1/p' "$f")
if ((${#j[@]} == 2)) && grep -q '^Breakpoint 2, tick_handler ' "$f" &&
	((j[1] > 0 && j[1] > j[0])); then
	ok gdb_sees_timer_ticks
else
	show gdb_sees_timer_ticks "expected jiffies to count up and be > 0 at tick_handler" "$f"
fi

expect_line gdb_dmesg_prints_the_kernel_log "$(section dmesg)" \
	'^\[ *[0-9]+\.[0-9]{6}\] Booting the teaching kernel'

if [[ $status == 0 ]] && grep -q "ok 1 - $KTEST" "$TMP/qemu.log"; then
	ok kernel_runs_on_after_gdb_detaches
else
	not_ok kernel_runs_on_after_gdb_detaches "expected the runner to exit 0 after the" \
		"ktest, seen status $status; gdb status $gdb_status. Runner output:"
	sed 's/^/#   /' "$TMP/qemu.log" | tail -n 20
	echo "# gdb output:"
	sed 's/^/#   /' "$TMP/gdb.log" | tail -n 20
fi
finish
