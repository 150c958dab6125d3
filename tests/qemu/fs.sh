#!/bin/bash
# ext2 through the VFS and the page cache, on the ramdisk and on a virtio disk:
#  1. every file of an image made by mke2fs -d reads back with the host's size and checksum
#  2. writes on a virtio disk (create, overwrite, append, truncate, mkdir, rmdir, unlink,
#     rename, link, symlink, chmod)
#     survive unmount: e2fsck -fn finds nothing wrong and debugfs reads the same bytes
#  3. a 16 MiB sequential read merges into few requests, and the second read hits the cache
. "$(dirname "$0")/lib.sh"
MKE2FS=$(command -v mke2fs || echo /sbin/mke2fs)
E2FSCK=$(command -v e2fsck || echo /sbin/e2fsck)
DEBUGFS=$(command -v debugfs || echo /sbin/debugfs)

run() {	# run LOG ARGS...: boot, keep the log, return the runner's status
	local log=$1
	shift
	tools/qemu-run --timeout 60 "$@" >"$log" 2>&1
}

# ---- 1. read every file -----------------------------------------------------------------
st=$TMP/stage
mkdir -p "$st/deep"
: >"$st/empty"
printf x >"$st/one"
head -c 4095 /dev/urandom >"$st/f4095"
head -c 4096 /dev/urandom >"$st/f4096"
head -c 4097 /dev/urandom >"$st/f4097"
head -c $((6 * 1024 * 1024 + 123)) /dev/urandom >"$st/double_indirect"
truncate -s 50M "$st/sparse50m"
printf 'end of sparse' | dd of="$st/sparse50m" bs=1 seek=$((50 * 1024 * 1024 - 13)) conv=notrunc 2>/dev/null
d=$st/deep
for i in $(seq 1 12); do d=$d/level$i; done
mkdir -p "$d"
echo bottom >"$d/bottom.txt"
long=$(printf 'n%.0s' $(seq 1 255))
echo "long name" >"$st/$long"
ln -s one "$st/fast_link"
ln -s "$(printf 'target/%.0s' $(seq 1 20))end" "$st/slow_link"	# > 60 bytes: a data block
"$MKE2FS" -q -t ext2 -b 4096 -d "$st" "$TMP/root.img" 80M >/dev/null

# The host's view, in the kernel's format: "file PATH SIZE FNV1A32" and "link PATH TARGET".
(cd "$st" && find . -mindepth 1 | sort | while read -r p; do
	q=${p#.}
	if [[ -L $p ]]; then
		echo "link $q $(readlink "$p")"
	elif [[ -f $p ]]; then
		perl -e 'local $/; open F, "<", $ARGV[0]; binmode F; my $d = <F>; my $h = 2166136261;
			for my $c (unpack("C*", $d)) { $h = (($h ^ $c) * 16777619) % 4294967296 }
			printf "file %s %d %08x\n", $ARGV[1], length($d), $h' "$p" "$q"
	fi
done) | sort >"$TMP/host.txt"

run "$TMP/read.log" --mem 256M --initrd "$TMP/root.img" --append "ktest=rootfs_files_read_back_as_on_the_host"
status=$?
relay_ktests "$TMP/read.log"
expect_status read_every_file_boots_and_powers_off "$status" 0
sed -n 's/^\[[^]]*\] fsck: \(file\|link\) /\1 /p' "$TMP/read.log" | tr -d '\r' | sort >"$TMP/kernel.txt"
if diff -u "$TMP/host.txt" "$TMP/kernel.txt" >"$TMP/diff.txt"; then
	ok "every_file_has_the_hosts_size_and_checksum"
else
	not_ok "every_file_has_the_hosts_size_and_checksum" "host (-) and kernel (+) differ:"
	sed 's/^/#   /' "$TMP/diff.txt" | head -20
fi

# ---- 1b. a corrupt root image is refused with a message, and the kernel carries on -------
cp "$TMP/root.img" "$TMP/bad.img"
printf '\x34\x12' | dd of="$TMP/bad.img" bs=1 seek=$((1024 + 56)) conv=notrunc 2>/dev/null
run "$TMP/bad.log" --mem 256M --initrd "$TMP/bad.img" --append "ktest=kernel_sections_have_their_permissions"
status=$?
expect_status corrupt_root_image_does_not_stop_the_kernel "$status" 0
expect_line corrupt_root_image_is_refused_with_the_reason "$TMP/bad.log" "ext2: bad magic 0x1234"
expect_line corrupt_root_image_is_not_mounted "$TMP/bad.log" "VFS: cannot mount root"

# ---- 2. writes on a virtio disk ------------------------------------------------------------
"$MKE2FS" -q -t ext2 -b 4096 "$TMP/disk.img" 64M >/dev/null
run "$TMP/write.log" --disk "$TMP/disk.img" --append "ktest=ext2_writes_survive_unmount"
status=$?
relay_ktests "$TMP/write.log"
expect_status write_workload_powers_off "$status" 0
if "$E2FSCK" -fn "$TMP/disk.img" >"$TMP/fsck.txt" 2>&1; then
	ok "e2fsck_finds_nothing_wrong_after_kernel_writes"
else
	not_ok "e2fsck_finds_nothing_wrong_after_kernel_writes" "e2fsck -fn said:"
	sed 's/^/#   /' "$TMP/fsck.txt" | head -30
fi
cat_file() { "$DEBUGFS" -R "cat $1" "$TMP/disk.img" 2>/dev/null; }
expect_same() {	# expect_same NAME GUESTPATH EXPECTED_FILE
	if cmp -s <(cat_file "$2") "$3"; then ok "$1"; else
		not_ok "$1" "debugfs cat $2 differs from the expected bytes ($(cat_file "$2" | wc -c) bytes seen, $(wc -c <"$3") expected)"
	fi
}
printf 'hello WORLD\n' >"$TMP/exp_small"
perl -e 'my $b = join("", map { chr(97 + $_ % 26) } 0 .. 65535);
	print substr($b, 0, 61440); print $b for 1 .. 16' >"$TMP/exp_big"
perl -e 'my $b = join("", map { chr(97 + $_ % 26) } 0 .. 65535); print substr($b, 0, 5000)' >"$TMP/exp_cut"
printf 'deep\n' >"$TMP/exp_deep"
expect_same overwrite_in_the_middle_lands "/small.txt" "$TMP/exp_small"
expect_same appends_across_indirect_blocks_land "/big.bin" "$TMP/exp_big"
expect_same truncate_keeps_the_head "/cut.bin" "$TMP/exp_cut"
expect_same directory_renamed_over_an_empty_one "/empty/deep.txt" "$TMP/exp_deep"
printf 'renamed\n' >"$TMP/exp_renamed"
expect_same file_renamed_into_a_subdirectory "/a/b/after.txt" "$TMP/exp_renamed"
expect_same file_renamed_over_another "/replaced.txt" "$TMP/exp_small"
expect_same hard_link_reads_the_same_bytes "/small.txt" "$TMP/exp_small"
links=$("$DEBUGFS" -R "stat /small.txt" "$TMP/disk.img" 2>/dev/null | sed -n 's/.*Links: \([0-9]*\).*/\1/p')
[[ $links == 2 ]] && ok "hard_link_counts_two_links" ||
	not_ok "hard_link_counts_two_links" "expected Links: 2 for /small.txt, seen '$links'"
target=$("$DEBUGFS" -R "stat /sym" "$TMP/disk.img" 2>/dev/null | sed -n 's/^Fast link dest: "\(.*\)"/\1/p')
[[ $target == a/b/after.txt ]] && ok "symlink_target_on_disk" ||
	not_ok "symlink_target_on_disk" "expected a/b/after.txt, debugfs says '$target'"
mode=$("$DEBUGFS" -R "stat /cut.bin" "$TMP/disk.img" 2>/dev/null | sed -n 's/.*Mode: *\([0-7]*\).*/\1/p')
[[ $mode == 0604 ]] && ok "chmod_reaches_the_disk" ||
	not_ok "chmod_reaches_the_disk" "expected Mode: 0604 for /cut.bin, debugfs says '$mode'"
if "$DEBUGFS" -R "stat /a/b/c" "$TMP/disk.img" 2>&1 | grep -q "File not found"; then
	ok "renamed_directory_left_its_old_parent"
else
	not_ok "renamed_directory_left_its_old_parent" "debugfs still finds /a/b/c"
fi
if "$DEBUGFS" -R "stat /victim.txt" "$TMP/disk.img" 2>&1 | grep -q "File not found"; then
	ok "unlinked_file_is_gone"
else
	not_ok "unlinked_file_is_gone" "debugfs still finds /victim.txt"
fi
n=$("$DEBUGFS" -R "ls /many" "$TMP/disk.img" 2>/dev/null | grep -o 'file-with-a-longish-name-[0-9]*' | sort -u | wc -l)
[[ $n == 200 ]] && ok "two_hundred_files_in_one_directory" ||
	not_ok "two_hundred_files_in_one_directory" "expected 200 entries in /many, seen $n"

# ---- 3. 16 MiB sequential reads ---------------------------------------------------------
head -c $((16 * 1024 * 1024)) /dev/urandom >"$TMP/big16"
mkdir -p "$TMP/st16" && cp "$TMP/big16" "$TMP/st16/big16"
"$MKE2FS" -q -t ext2 -b 4096 -d "$TMP/st16" "$TMP/big.img" 40M >/dev/null
run "$TMP/vd16.log" --mem 256M --icount --disk "$TMP/big.img" \
	--append "ktest=read_16mib_from_virtio_merges_then_hits_cache"
status=$?
relay_ktests "$TMP/vd16.log"
expect_status virtio_16mib_read_powers_off "$status" 0
run "$TMP/rd16.log" --mem 256M --icount --initrd "$TMP/big.img" \
	--append "ktest=read_16mib_from_ramdisk_merges_then_hits_cache"
status=$?
relay_ktests "$TMP/rd16.log"
expect_status ramdisk_16mib_read_powers_off "$status" 0
grep -h "bench:" "$TMP/vd16.log" "$TMP/rd16.log" | sed 's/^\[[^]]*\] /# /'
finish
