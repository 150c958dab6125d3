#!/bin/bash
# The Linux oracle for the mmap and signal tests: builds each tests/user/progs/mmap_*.c and
# signal_*.c with glibc (arm-linux-gnueabihf-gcc -static, glibc's own headers) and runs it
# under qemu-arm, i.e. on the host's Linux kernel. A test that passes here describes Linux;
# tests/qemu/mmap.sh runs the same sources, built with our library, on our kernel.
#
#   tests/user/run-linux-oracle.sh [NAME...]     (default: every mmap_* and signal_* program)
#
# Each program gets --qemu-user and a scratch directory: --qemu-user skips, with a reason,
# the few checks that qemu-user itself cannot pass (it emulates mmap in user space: holes
# stay mapped PROT_NONE on the host, no MAP_POPULATE, no MAP_GROWSDOWN growth, no
# MAP_SHARED_VALIDATE), never a check that real Linux would fail. Those checks are proved
# by a third run: the same sources built for the host with its C compiler run natively on
# the host's Linux (same mm code, 64-bit: the few checks of a 32-bit address space and of
# ARM code skip themselves there). The programs built with our library (newlib and
# user/lib) also run under qemu-arm, so that a test failing only on our kernel is known to
# be the kernel's, not the C library's. Prints TAP; exits non-zero if anything failed.
. "$(dirname "$0")/../qemu/lib.sh"

QEMU=$(command -v qemu-arm || true)
GLIBC_CC=$(command -v arm-linux-gnueabihf-gcc || true)
HOST_CC=$(command -v cc || true)
if [[ -z $QEMU || -z $GLIBC_CC ]]; then
	not_ok linux_oracle_tools_are_installed \
		"expected qemu-arm and arm-linux-gnueabihf-gcc; apt-get install qemu-user gcc-arm-linux-gnueabihf"
	finish
	exit 1
fi

if (($# > 0)); then
	names=("$@")
else
	names=()
	for src in tests/user/progs/mmap_*.c tests/user/progs/signal_*.c tests/user/progs/fs_*.c; do
		[[ -e $src ]] && names+=("$(basename "$src" .c)")
	done
fi

if make -f user/user.mk B="$B" user-tests >"$TMP/build.log" 2>&1; then
	ours=1
else
	ours=0
	not_ok libsys_builds_of_the_tests "make -f user/user.mk user-tests failed:"
	sed 's/^/#   /' "$TMP/build.log" | tail -n 20
fi

# relay PREFIX LOG: the program's TAP lines as ours, each failure with its "# ..." line.
relay() {
	local line
	while IFS= read -r line; do
		if [[ $line =~ ^ok\ [0-9]+\ -\ (.*)$ ]]; then
			ok "$1: ${BASH_REMATCH[1]}"
		elif [[ $line =~ ^not\ ok\ [0-9]+\ -\ (.*)$ ]]; then
			not_ok "$1: ${BASH_REMATCH[1]}" "see below"
		elif [[ $line == '# '* ]]; then
			echo "$line"
		fi
	done <"$2"
}

# run LABEL COMMAND...: one program, given a fresh scratch directory as its last argument.
run() {
	local tag=${1//[^a-z0-9_]/_} status
	rm -rf "$TMP/scratch.$tag"
	mkdir -p "$TMP/scratch.$tag"
	timeout 120 "${@:2}" "$TMP/scratch.$tag" >"$TMP/$tag.log" 2>"$TMP/$tag.err"
	status=$?
	relay "$1" "$TMP/$tag.log"
	if grep -q '^1\.\.[0-9]*$' "$TMP/$tag.log"; then
		expect_status "$1: exits_zero" "$status" 0
	else
		not_ok "$1: prints_a_complete_plan" "no 1..N line; exit status $status; stderr:"
		sed 's/^/#   /' "$TMP/$tag.err" | tail -n 10
	fi
}

for name in "${names[@]}"; do
	src=tests/user/progs/$name.c
	if "$GLIBC_CC" -static -O2 -Wall -Wextra -o "$TMP/$name.glibc" "$src" >"$TMP/cc.log" 2>&1; then
		run "linux+glibc: $name" "$QEMU" "$TMP/$name.glibc" --qemu-user
	else
		not_ok "linux+glibc: ${name}_builds" "arm-linux-gnueabihf-gcc said:"
		sed 's/^/#   /' "$TMP/cc.log" | head -n 20
	fi
	if ((ours)) && [[ -x $B/user/test/$name ]]; then
		run "linux+libsys: $name" "$QEMU" "$B/user/test/$name" --qemu-user
	fi
	if [[ -n $HOST_CC ]]; then
		if "$HOST_CC" -O2 -Wall -Wextra -o "$TMP/$name.native" "$src" >"$TMP/cc.log" 2>&1; then
			run "linux-native: $name" "$TMP/$name.native"
		else
			not_ok "linux-native: ${name}_builds" "$HOST_CC said:"
			sed 's/^/#   /' "$TMP/cc.log" | head -n 20
		fi
	fi
done
finish
