#!/bin/bash
# remap_file_pages on an ext2 file of a virtio disk: the remap_file_pages01 checks, errors,
# a random model, fork and truncation (/test/fremap prints TAP), then on the host: the
# writes made through the nonlinear mapping sit at the remapped offsets of the file.
. "$(dirname "$0")/lib.sh"
MKE2FS=$(command -v mke2fs || echo /sbin/mke2fs)
DEBUGFS=$(command -v debugfs || echo /sbin/debugfs)

"$MKE2FS" -q -t ext2 -b 4096 "$TMP/disk.img" 16M >/dev/null
cat >"$TMP/script" <<'SCRIPT'
mount /dev/vda /mnt
/test/fremap /mnt/fremap.dat
umount /mnt
SCRIPT
tools/qemu-run --timeout 60 --disk "$TMP/disk.img" --add "$TMP/script:/fremap.sh" \
	-- /bin/sh /fremap.sh >"$TMP/log" 2>&1
status=$?
tr -d '\r' <"$TMP/log" | grep -E '^(not )?ok [0-9]+ - |^# ' >"$TMP/tap"
while IFS= read -r line; do
	if [[ $line =~ ^ok\ [0-9]+\ -\ (.*)$ ]]; then ok "${BASH_REMATCH[1]}";
	elif [[ $line =~ ^not\ ok\ [0-9]+\ -\ (.*)$ ]]; then not_ok "${BASH_REMATCH[1]}" "see below";
	else echo "$line"; fi
done <"$TMP/tap"
expect_status fremap_script_powers_off "$status" 0
"$DEBUGFS" -R "dump /fremap.dat $TMP/out.dat" "$TMP/disk.img" >/dev/null 2>&1
byte() { dd if="$TMP/out.dat" bs=1 skip="$1" count=1 2>/dev/null; }
[[ $(byte $((5 * 4096 + 100))) == w ]] && ok host_sees_write_at_remapped_offset_5 ||
	not_ok host_sees_write_at_remapped_offset_5 "byte is '$(byte $((5 * 4096 + 100)))'"
[[ $(byte $((9 * 4096 + 200))) == x ]] && ok host_sees_write_at_remapped_offset_9 ||
	not_ok host_sees_write_at_remapped_offset_9 "byte is '$(byte $((9 * 4096 + 200)))'"
[[ $(byte 100) == A ]] && ok host_sees_offset_0_unchanged ||
	not_ok host_sees_offset_0_unchanged "byte is '$(byte 100)'"
finish
