#!/bin/bash
# Swap and reclaim: 96 MiB of anonymous memory on 64 MiB of RAM comes back intact; pages
# shared after fork, nonlinear file pages and 64 MiB of shared anonymous memory (shmem)
# survive eviction, and swapoff brings shmem back; /proc/swaps; a disk that is
# not a swap area is refused; a swap read error gives SIGBUS and the message Linux prints;
# without swap the OOM killer ends the hog and the shell lives on.
. "$(dirname "$0")/lib.sh"
MKSWAP=$(command -v mkswap || echo /sbin/mkswap)

relay() {	# relay LOG: the guest program's TAP lines as ours
	local line
	while IFS= read -r line; do
		line=${line%$'\r'}
		if [[ $line =~ ^ok\ [0-9]+\ -\ (.*)$ ]]; then ok "${BASH_REMATCH[1]}"
		elif [[ $line =~ ^not\ ok\ [0-9]+\ -\ (.*)$ ]]; then not_ok "${BASH_REMATCH[1]}" "see below"
		elif [[ $line == '# '* ]]; then echo "$line"; fi
	done <"$1"
}

tools/qemu-run --timeout 120 --icount --mem 64M --swap 160M -- /test/swap_touch 96 >"$TMP/touch.log" 2>&1
expect_status swap_96_mib_on_64_mib_of_ram "$?" 0
relay "$TMP/touch.log"
expect_line swapon_at_boot_reports_the_area "$TMP/touch.log" "Adding [0-9]+k swap on /dev/vda\.  Priority:-1"

tools/qemu-run --timeout 120 --mem 48M --swap 128M -- /test/swap_more 48 >"$TMP/more.log" 2>&1
expect_status fork_and_nonlinear_under_pressure "$?" 0
relay "$TMP/more.log"

tools/qemu-run --timeout 120 --mem 48M --swap 160M -- /test/swap_shmem 64 >"$TMP/shmem.log" 2>&1
expect_status shared_anonymous_memory_through_swap "$?" 0
relay "$TMP/shmem.log"

# /proc/swaps and a disk that is not a swap area.
mkswap_file() {	# mkswap_file FILE SIZE
	truncate -s "$2" "$1" && chmod 600 "$1" && "$MKSWAP" "$1" >/dev/null 2>&1
}
mkswap_file "$TMP/second.img" 16M
truncate -s 16M "$TMP/notswap.img"
# Disks in the order given: second.img is vda, notswap.img vdb, the --swap disk vdc.
cat >"$TMP/script" <<'SCRIPT'
cat /proc/swaps
swapon /dev/vda
swapon /dev/vdb
swapon /dev/vdc
cat /proc/swaps
swapoff /dev/vda
cat /proc/swaps
SCRIPT
tools/qemu-run --timeout 60 --disk "$TMP/second.img" --disk "$TMP/notswap.img" --swap 32M \
	--add "$TMP/script:/s.sh" -- /bin/sh /s.sh >"$TMP/swaps.log" 2>&1
expect_status swapon_script_runs "$?" 0
expect_line proc_swaps_has_linux_header "$TMP/swaps.log" "^Filename[[:space:]]+Type[[:space:]]+Size[[:space:]]+Used[[:space:]]+Priority"
expect_line proc_swaps_lists_the_boot_area "$TMP/swaps.log" "^/dev/vdc[[:space:]]+partition[[:space:]]+[0-9]+"
expect_line swapon_second_area "$TMP/swaps.log" "^/dev/vda[[:space:]]+partition[[:space:]]+16380[[:space:]]"
expect_line swapon_twice_is_ebusy "$TMP/swaps.log" "swapon: /dev/vdc: Device or resource busy"
if [[ $(grep -c "^/dev/vda " "$TMP/swaps.log") == 1 ]]; then ok swapoff_removes_the_area; else
	not_ok swapoff_removes_the_area "expected /dev/vda listed once (before swapoff), seen $(grep -c "^/dev/vda " "$TMP/swaps.log")"
fi
expect_line disk_without_signature_is_refused "$TMP/swaps.log" "swap: no swap signature \(not made by mkswap\?\)"

# A read error on the swap disk: SIGBUS for the owner, and Linux's message.
mkswap_file "$TMP/bad.img" 128M
# Only slot 1 (sector 8) fails to read: the header reads fine, and the first page written
# out (slots are handed out from 1 up) cannot come back.
cat >"$TMP/rules" <<'RULES'
[inject-error]
event = "read_aio"
iotype = "read"
errno = "5"
sector = "8"
RULES
tools/qemu-run --timeout 120 --mem 48M --append swap=/dev/vda \
	--qemu-arg -drive --qemu-arg "if=none,id=sw0,format=raw,file.driver=blkdebug,file.config=$TMP/rules,file.image.filename=$TMP/bad.img" \
	--qemu-arg -device --qemu-arg virtio-blk-device,drive=sw0 \
	-- /test/swap_touch 64 >"$TMP/readerr.log" 2>&1
status=$?
expect_status swap_read_error_kills_with_sigbus "$status" $((128 + 7))
expect_line swap_read_error_is_logged "$TMP/readerr.log" "read error on swap device \(vda\) at sector [0-9]+"

# A write error: the page stays in memory, the slot is never used again, nothing is lost.
mkswap_file "$TMP/wbad.img" 128M
sed 's/iotype = "read"/iotype = "write"/; s/read_aio/write_aio/' "$TMP/rules" >"$TMP/wrules"
tools/qemu-run --timeout 120 --mem 48M --append swap=/dev/vda \
	--qemu-arg -drive --qemu-arg "if=none,id=sw0,format=raw,file.driver=blkdebug,file.config=$TMP/wrules,file.image.filename=$TMP/wbad.img" \
	--qemu-arg -device --qemu-arg virtio-blk-device,drive=sw0 \
	-- /test/swap_touch 64 >"$TMP/writeerr.log" 2>&1
expect_status swap_write_error_loses_nothing "$?" 0
expect_line swap_write_error_is_logged "$TMP/writeerr.log" "write error on swap device \(vda\) at sector 8: page kept in memory, slot marked bad"
expect_line data_intact_after_write_error "$TMP/writeerr.log" "ok 2 - every_page_reads_back_its_pattern"

# No swap: the OOM killer ends the largest process; the shell that started it lives on.
cat >"$TMP/oom" <<'SCRIPT'
/test/swap_touch 200
echo shell-survived status=$?
SCRIPT
tools/qemu-run --timeout 120 --mem 64M --add "$TMP/oom:/oom.sh" -- /bin/sh /oom.sh >"$TMP/oom.log" 2>&1
expect_status oom_script_finishes "$?" 0
expect_line oom_killer_explains_itself "$TMP/oom.log" "Out of memory: killed process [0-9]+ \(swap_touch\)"
expect_line shell_survives_the_oom_kill "$TMP/oom.log" "shell-survived status=137"

# Throughput in guest time (icount): for the closing note.
grep -a "# written\|# pswpout" "$TMP/touch.log" | sed 's/^/# /'
finish
