#!/bin/bash
# User space on Linux, under qemu-arm: our programs are static ARM ELF files that use the
# Linux ARM EABI syscall ABI, so Linux (through qemu-user) runs them exactly as our kernel
# must. This checks the syscall layer, the headers, the shell and the utilities against
# what Linux does, before the kernel can run any of it.
#
#   tests/user/run-under-qemu-arm.sh        (needs qemu-user; gcc-arm-linux-gnueabihf
#                                            makes the ABI checks compare with glibc live)
#
# A temporary directory plays the root filesystem: $ROOTDIR/bin holds, for each program, a
# two-line host script that runs it with `qemu-arm -L $ROOTDIR` (qemu-user cannot execve an
# ARM file by itself without binfmt_misc, but it can execve a host script that starts
# another qemu-arm). With -L, absolute paths a program opens (/etc/rc) are looked for in
# $ROOTDIR first. Prints TAP; exits non-zero if anything failed.
. "$(dirname "$0")/../qemu/lib.sh"

ARM_CFLAGS="-mthumb -march=armv7-a -mfloat-abi=soft -Wall -Wextra -Werror"

# ---- the tools -------------------------------------------------------------------------
QEMU=$(command -v qemu-arm || true)
if [[ -z $QEMU ]]; then
	not_ok qemu_arm_is_installed "expected qemu-arm; install it: apt-get install qemu-user"
	finish
	exit 1
fi
GLIBC_CC=$(command -v arm-linux-gnueabihf-gcc || true)

if make -f user/user.mk B="$B" user-progs user-tests >"$TMP/build.log" 2>&1; then
	ok user_programs_build
else
	not_ok user_programs_build "expected make -f user/user.mk to succeed, seen:"
	sed 's/^/#   /' "$TMP/build.log" | tail -n 30
	finish
	exit 1
fi
B=$(readlink -f "$B")	# absolute from here on: some tests run in another directory

# expect NAME EXPECTED SEEN: equal strings (shown line by line when they differ).
expect() {
	if [[ $2 == "$3" ]]; then
		ok "$1"
	else
		not_ok "$1" "expected:"
		printf '%s\n' "$2" | sed 's/^/#   | /'
		echo "#   seen:"
		printf '%s\n' "$3" | sed 's/^/#   | /'
	fi
}

# ---- headers and the newlib ABI, at compile time ---------------------------------------
for mode in "-std=gnu11" "-std=c11" "-std=gnu11 -D_GNU_SOURCE" \
	"-std=c99 -D_POSIX_C_SOURCE=200809L" "-std=gnu11 -D_XOPEN_SOURCE=700"; do
	# shellcheck disable=SC2086
	if arm-none-eabi-gcc $ARM_CFLAGS $mode -Iuser/include -fsyntax-only \
		tests/user/all_headers.c >"$TMP/hdr.log" 2>&1; then
		ok "all_headers_compile_together_with ${mode//[ =]/_}"
	else
		not_ok "all_headers_compile_together_with ${mode//[ =]/_}" "compiler said:"
		sed 's/^/#   /' "$TMP/hdr.log" | head -n 20
	fi
done

# shellcheck disable=SC2086
if arm-none-eabi-gcc $ARM_CFLAGS -std=gnu11 -Iuser/lib -fsyntax-only \
	tests/user/newlib_abi_check.c >"$TMP/nabi.log" 2>&1; then
	ok newlib_flag_values_and_struct_stat_match_user_lib_newlib_abi_h
else
	not_ok newlib_flag_values_and_struct_stat_match_user_lib_newlib_abi_h "compiler said:"
	sed 's/^/#   /' "$TMP/nabi.log" | head -n 20
fi

# ---- the documented one-liner builds a working program --------------------------------
# The command is taken from docs/userspace.md itself, so the document cannot drift.
cat >"$TMP/hello.c" <<'EOF'
#include <stdio.h>
int main(int argc, char **argv)
{
	printf("hello from %s with %d args\n", argv[0], argc);
	return 42;
}
EOF
oneliner=$(grep -m1 '^    arm-none-eabi-gcc .*-T user/user.ld' docs/userspace.md | sed 's/^    //')
oneliner=${oneliner//prog.c/$TMP/hello.c}
oneliner=${oneliner//-o prog/-o $TMP/hello}
oneliner=${oneliner//build\//$B/}
if [[ -n $oneliner ]] && eval "$oneliner" >"$TMP/oneliner.log" 2>&1; then
	out=$("$QEMU" "$TMP/hello" a b)
	status=$?
	expect documented_one_liner_builds_a_program_that_runs \
		"hello from $TMP/hello with 3 args / 42" "$out / $status"
else
	not_ok documented_one_liner_builds_a_program_that_runs \
		"expected the docs/userspace.md command to build, command: $oneliner"
	sed 's/^/#   /' "$TMP/oneliner.log" 2>/dev/null | head -n 20
fi

# ---- constants and layouts against Linux's ----------------------------------------------
"$QEMU" "$B/user/test/abi_values" >"$TMP/abi_ours.txt"
if [[ -n $GLIBC_CC ]] && "$GLIBC_CC" -static -O2 -o "$TMP/abi_glibc" tests/user/progs/abi_values.c &&
	"$QEMU" "$TMP/abi_glibc" >"$TMP/abi_linux.txt"; then
	oracle="glibc for Linux ARM"
	if ! cmp -s "$TMP/abi_linux.txt" tests/user/abi_linux_arm.txt; then
		not_ok abi_linux_arm_txt_is_what_glibc_prints \
			"tests/user/abi_linux_arm.txt is stale; regenerate it with the glibc build"
	fi
else
	oracle="tests/user/abi_linux_arm.txt"
	cp tests/user/abi_linux_arm.txt "$TMP/abi_linux.txt"
fi
for group in $(cut -d' ' -f1 "$TMP/abi_linux.txt" | uniq); do
	want=$(grep "^$group " "$TMP/abi_linux.txt")
	seen=$(grep "^$group " "$TMP/abi_ours.txt")
	if [[ $want == "$seen" ]]; then
		ok "abi_${group}_values_equal_linux_arm"
	else
		not_ok "abi_${group}_values_equal_linux_arm" "expected the values of $oracle; differences (< linux, > ours):"
		diff <(echo "$want") <(echo "$seen") | grep '^[<>]' | sed 's/^/#   /' | head -n 20
	fi
done

# ---- the syscall layer, against Linux -----------------------------------------------------
mkdir -p "$TMP/scratch"
"$QEMU" "$B/user/test/libsys_test" --qemu-user "$TMP/scratch" >"$TMP/libsys.log" 2>&1
status=$?
while IFS= read -r line; do
	if [[ $line =~ ^ok\ [0-9]+\ -\ (.*)$ ]]; then
		ok "libsys: ${BASH_REMATCH[1]}"
	elif [[ $line =~ ^not\ ok\ [0-9]+\ -\ (.*)$ ]]; then
		name=${BASH_REMATCH[1]}
		IFS= read -r why
		not_ok "libsys: $name" "${why#\# }"
	fi
done <"$TMP/libsys.log"
expect libsys_test_exits_0 0 "$status"
if [[ -n $GLIBC_CC ]]; then
	# The same tests built with glibc must pass too: then they test Linux's behaviour,
	# not our reading of it. (64-bit file offsets: glibc's 32-bit readdir fails on the
	# host's 64-bit directory cookies.)
	if "$GLIBC_CC" -static -O2 -D_FILE_OFFSET_BITS=64 -o "$TMP/libsys_glibc" \
		tests/user/progs/libsys_test.c >"$TMP/glibc.log" 2>&1 &&
		"$QEMU" "$TMP/libsys_glibc" --qemu-user "$TMP/scratch" >"$TMP/glibc.log" 2>&1; then
		ok libsys_test_passes_with_glibc_too
	else
		not_ok libsys_test_passes_with_glibc_too "the tests disagree with Linux:"
		grep -A1 '^not ok' "$TMP/glibc.log" | sed 's/^/#   /' | head -n 20
	fi
fi

# ---- a root directory of wrappers ---------------------------------------------------------
ROOTDIR=$TMP/root
mkdir -p "$ROOTDIR/bin" "$ROOTDIR/sbin" "$ROOTDIR/etc"
for prog in "$B"/user/rootfs/bin/* "$B"/user/rootfs/sbin/*; do
	dir=$(basename "$(dirname "$prog")")
	printf '#!/bin/sh\nexec %s -L %s %s "$@"\n' "$QEMU" "$ROOTDIR" "$(readlink -f "$prog")" \
		>"$ROOTDIR/$dir/$(basename "$prog")"
	chmod +x "$ROOTDIR/$dir/$(basename "$prog")"
done
OUR_PATH="$ROOTDIR/bin:$ROOTDIR/sbin"
run() { PATH=$OUR_PATH "$ROOTDIR/bin/$1" "${@:2}"; }	# run PROG ARGS: one of ours
sh_c() { PATH=$OUR_PATH "$ROOTDIR/bin/sh" -c "$1" 2>&1; }	# sh_c LINE: stderr included
W=$TMP/work
mkdir -p "$W"

# ---- utilities ----------------------------------------------------------------------------
expect echo_joins_its_words "hello  world" "$(run echo hello '' world)"
expect echo_n_omits_the_newline "a b|" "$(run echo -n a b; echo '|')"
expect true_and_false_exit_0_and_1 "0 1" "$(run true; a=$?; run false; echo "$a $?")"

head -c 100000 /dev/urandom >"$W/random"
printf 'first\n' >"$W/f1"
printf 'second\n' >"$W/f2"
run cat "$W/random" >"$W/random.copy"
if cmp -s "$W/random" "$W/random.copy"; then ok cat_copies_a_binary_file_byte_for_byte
else not_ok cat_copies_a_binary_file_byte_for_byte "expected an identical copy of 100000 random bytes"; fi
expect cat_concatenates_files_and_stdin "$(printf 'first\nmiddle\nsecond')" \
	"$(echo middle | run cat "$W/f1" - "$W/f2")"
expect cat_of_a_missing_file_says_why_and_exits_1 \
	"cat: $W/nope: No such file or directory / 1" "$(run cat "$W/nope" 2>&1) / $?"

mkdir -p "$W/tree/sub"
printf '12345' >"$W/tree/b"
printf '' >"$W/tree/a"
printf 'x' >"$W/tree/.hidden"
expect ls_lists_names_sorted_without_dot_files "$(printf 'a\nb\nsub')" "$(run ls "$W/tree")"
expect ls_a_shows_dot_files "$(printf '.\n..\n.hidden\na\nb\nsub')" "$(run ls -a "$W/tree")"
want=""
for name in a b sub; do
	line=$(stat -c '%A %h %s' "$W/tree/$name")
	read -r mode links size <<<"$line"
	want+=$(printf '%s %3u %8d %s' "$mode" "$links" "$size" "$name")$'\n'
done
expect ls_l_shows_mode_links_size_and_name_as_stat_sees_them "${want%$'\n'}" "$(run ls -l "$W/tree")"
expect ls_of_a_file_shows_the_file "$W/tree/b" "$(run ls "$W/tree/b")"

run mkdir -p "$W/m/n/o"
expect mkdir_p_makes_the_parents "yes" "$([[ -d $W/m/n/o ]] && echo yes)"
expect mkdir_of_an_existing_directory_fails "mkdir: $W/m: File exists / 1" \
	"$(run mkdir "$W/m" 2>&1) / $?"
run rm "$W/tree/b"
expect rm_removes_a_file "gone" "$([[ -e $W/tree/b ]] || echo gone)"
expect rm_of_a_directory_needs_r "rm: $W/m: is a directory / 1" "$(run rm "$W/m" 2>&1) / $?"
run rm -r "$W/m"
expect rm_r_removes_a_tree "gone" "$([[ -e $W/m ]] || echo gone)"
expect rm_f_ignores_missing_files "0" "$(run rm -f "$W/nope"; echo $?)"

if command -v hexdump >/dev/null; then
	printf '' >"$W/empty"
	printf 'hello' >"$W/five"
	printf '0123456789abcdef' >"$W/sixteen"
	head -c 100 /dev/zero >"$W/zeros"
	head -c 1000 "$W/random" >"$W/thousand"
	for f in empty five sixteen zeros thousand; do
		expect "hexdump_C_of_${f}_matches_the_hosts_hexdump_C" \
			"$(hexdump -C "$W/$f")" "$(run hexdump -C "$W/$f")"
	done
	expect hexdump_reads_stdin "$(printf 'abc' | hexdump -C)" "$(printf 'abc' | run hexdump -C)"
else
	ok "hexdump_C_matches_the_hosts_hexdump_C # SKIP no hexdump on the host"
fi

start=$(date +%s%N)
run sleep 0.3
elapsed=$((($(date +%s%N) - start) / 1000000))
if ((elapsed >= 300)); then ok sleep_waits_fractional_seconds
else not_ok sleep_waits_fractional_seconds "expected >= 300 ms, seen $elapsed ms"; fi

# kill_status ARGS...: our kill ARGS on a sleeping process; prints how that process ended.
# (The sleeper runs in a subshell whose stderr is discarded, or bash would announce its
# death by signal.)
kill_status() {
	rm -f "$TMP/victim" "$TMP/victim.status"
	(
		sleep 10 &
		echo $! >"$TMP/victim"
		wait $!
		echo $? >"$TMP/victim.status"
	) 2>/dev/null &
	local sub=$!
	while [[ ! -s $TMP/victim ]]; do sleep 0.05; done
	run kill "$@" "$(cat "$TMP/victim")"
	wait $sub
	cat "$TMP/victim.status"
}
expect kill_sends_sigterm_by_default "$((128 + 15))" "$(kill_status)"
expect kill_accepts_a_signal_name "$((128 + 9))" "$(kill_status -KILL)"
expect kill_accepts_a_signal_number "$((128 + 1))" "$(kill_status -1)"
expect kill_s_accepts_a_signal_name "$((128 + 10))" "$(kill_status -s SIGUSR1)"
expect kill_l_lists_linux_numbers "1" "$(run kill -l | grep -c ' 7) SIGBUS ')"
expect kill_rejects_an_unknown_signal "2" "$(run kill -NOSUCH 1 2>/dev/null; echo $?)"

expect uname_s_matches_the_host "$(uname -s)" "$(run uname -s)"
expect uname_m_is_armv7l "armv7l" "$(run uname -m)"
expect uname_srv_matches_the_host "$(uname -srv)" "$(run uname -s -r -v)"

total=$(awk '/^MemTotal:/ { print $2 }' /proc/meminfo)
out=$(run free)
expect free_header "total used free shared buff/cache available" "$(echo "$out" | head -n1 | xargs)"
expect free_mem_total_is_memtotal "$total" "$(echo "$out" | awk '/^Mem:/ { print $2 }')"
expect free_has_a_swap_line "Swap:" "$(echo "$out" | awk 'NR == 3 { print $1 }')"

psout=$(bash -c 'echo $$ $PPID; exec "$1" -L "$2" "$3"' _ "$QEMU" "$ROOTDIR" \
	"$(readlink -f "$B/user/rootfs/bin/ps")")
read -r pspid psppid <<<"$(echo "$psout" | head -n1)"
expect ps_header "PID PPID S RSS COMMAND" "$(echo "$psout" | sed -n 2p | xargs)"
expect ps_lists_itself_with_its_parent "$pspid $psppid" \
	"$(echo "$psout" | awk -v p="$pspid" 'NR > 1 && $1 == p { print $1, $2 }')"

if host_log=$(dmesg -r 2>/dev/null) && [[ -n $host_log ]]; then
	expect dmesg_r_ends_like_the_hosts_dmesg_r "$(echo "$host_log" | tail -n1)" \
		"$(run dmesg -r | tail -n1)"
	expect dmesg_drops_the_level_prefix "$(echo "$host_log" | tail -n1 | sed 's/^<[0-9]*>//')" \
		"$(run dmesg | tail -n1)"
else
	ok "dmesg_matches_the_hosts # SKIP the host's kernel log is not readable here"
fi

expect mount_without_enough_arguments_shows_usage "2" "$(run mount /dev/x 2>/dev/null; echo $?)"
expect umount_without_arguments_shows_usage "2" "$(run umount 2>/dev/null; echo $?)"
expect sync_exits_0 "0" "$(run sync; echo $?)"

# ---- the shell ----------------------------------------------------------------------------
cd "$W" || exit 1
expect sh_pipeline_of_three "hi" "$(sh_c 'echo hi | cat | cat')"
expect sh_pipeline_of_six "hi" "$(sh_c 'echo hi | cat | cat | cat | cat | cat')"
expect sh_pipeline_status_is_the_last_commands "1 0" "$(sh_c 'true | false; echo $?; false | true; echo $?' | xargs)"
expect sh_redirections "$(printf 'one\ntwo')" "$(sh_c 'echo one > r.txt; echo two >> r.txt; cat < r.txt')"
expect sh_redirection_of_stderr "cat: nope: No such file or directory" \
	"$(sh_c 'cat nope 2> err.txt; cat err.txt')"
expect sh_2_to_1_joins_stderr_to_stdout "cat: nope: No such file or directory" \
	"$(sh_c 'cat nope 2>&1 | cat' 2>/dev/null)"
expect sh_and_runs_only_after_success "yes" "$(sh_c 'false && echo no; true && echo yes')"
expect sh_or_runs_only_after_failure "alt" "$(sh_c 'false || echo alt; true || echo no')"
expect sh_and_or_chain_left_to_right "b" "$(sh_c 'false && echo a || echo b')"
expect sh_status_after_false_is_1 "1" "$(sh_c 'false; echo $?')"
expect sh_status_after_a_missing_command_is_127 "sh: nosuch: not found 127" \
	"$(sh_c 'nosuch; echo $?' | xargs -d '\n')"
expect sh_cd_and_pwd "$W/tree/sub" "$(sh_c "cd $W/tree && cd sub && pwd")"
expect sh_cd_to_a_missing_directory_fails "sh: cd: /nonexistent: No such file or directory 1" \
	"$(sh_c 'cd /nonexistent; echo $?' | xargs -d '\n')"
expect sh_builtin_output_can_be_redirected "$W" "$(sh_c 'pwd > p.txt; cat p.txt')"
expect sh_quoting "a  b c  d e f x\"y \$HOME /home/q" \
	"$(HOME=/home/q sh_c "echo 'a  b' \"c  d\" e\\ f \"x\\\"y\" '\$HOME' \"\$HOME\"")"
expect sh_expanded_values_stay_one_word "ls: a b c: No such file or directory" \
	"$(X='a b c' sh_c 'ls $X')"
expect sh_comments_are_ignored "a" "$(sh_c 'echo a # b c')"
expect sh_semicolons_and_empty_commands "a b" "$(sh_c 'echo a; echo b;' | xargs)"
expect sh_syntax_error_skips_the_line_and_sets_2 "sh: syntax error near '|' 2" \
	"$(sh_c 'echo a | | cat; echo not run
echo $?' | xargs -d '\n')"
expect sh_unterminated_quote_is_an_error "sh: unterminated \" 2" "$(sh_c 'echo "abc
echo $?' | xargs -d '\n')"
expect sh_exit_status "3" "$(sh_c 'exit 3'; echo $?)"
expect sh_export_reaches_children "1" "$(sh_c 'export X=1; sh -c "echo \$X"')"
expect sh_death_by_signal_is_reported "Segmentation fault 139" \
	"$(sh_c 'sh -c "kill -SEGV \$\$"; echo $?' | grep -v '^qemu:' | xargs -d '\n')"
printf 'echo $0 $1 $2 $#\nfalse\necho status $?\n# comment\necho a # trailing\n' >"$W/script.sh"
expect sh_runs_a_script_with_arguments "$(printf '%s\n' "$W/script.sh x y 2" "status 1" "a")" \
	"$(run sh "$W/script.sh" x y)"
expect sh_reads_commands_from_stdin "$(printf 'one\ntwo')" "$(printf 'echo one\necho two\n' | run sh)"

out=$(PATH=$OUR_PATH "$ROOTDIR/bin/sh" -i -c 'sleep 0.3 & echo started $!; wait; echo done' \
	2>"$TMP/bg.err")
bgpid=$(echo "$out" | awk '/^started/ { print $2 }')
expect sh_background_job_prints_its_pid "[1] $bgpid" "$(head -n1 "$TMP/bg.err")"
expect sh_wait_waits_for_the_background_job "started $bgpid done" "$(echo "$out" | xargs)"
out=$(PATH=$OUR_PATH "$ROOTDIR/bin/sh" -i -c 'true & sleep 0.5; echo next' 2>&1)
expect sh_reaps_a_finished_background_job_and_says_so "yes" \
	"$(echo "$out" | grep -q '^\[1\] Done true' && echo yes)"
start=$(date +%s%N)
out=$(sh_c 'sleep 2 >/dev/null 2>&1 & echo $!')
elapsed=$((($(date +%s%N) - start) / 1000000))
expect sh_background_does_not_wait "a pid, in < 1500 ms" \
	"$([[ $out =~ ^[0-9]+$ ]] && echo "a pid")$( ((elapsed < 1500)) && echo ", in < 1500 ms")"

# ---- init -----------------------------------------------------------------------------------
printf 'echo rc ran as $0\n' >"$ROOTDIR/etc/rc"
TIMEOUT=$(command -v timeout)
printf 'echo hello from the shell\nexit 3\n' |
	PATH="$ROOTDIR/bin" "$TIMEOUT" 5 "$QEMU" -L "$ROOTDIR" \
		"$(readlink -f "$B/user/rootfs/sbin/init")" >"$TMP/init.log" 2>&1
expect_line init_prints_a_banner "$TMP/init.log" '^init: .* pid [0-9]+$'
expect_line init_runs_etc_rc "$TMP/init.log" '^rc ran as /etc/rc$'
expect_line init_starts_a_shell_on_its_input "$TMP/init.log" '^hello from the shell$'
expect_line init_restarts_the_shell_when_it_exits "$TMP/init.log" \
	'^init: the shell exited with status 3, starting another$'

finish
