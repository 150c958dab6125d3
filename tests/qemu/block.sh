#!/bin/bash
# The block layer over /dev/ram0: boots with an initrd whose sectors each start with their
# own number and runs the block ktests on it.
. "$(dirname "$0")/lib.sh"

# 4 MiB, every 512-byte sector starting with its sector number (u32, little-endian).
perl -e 'for my $s (0 .. 8191) { print pack("V", $s), "\0" x 508 }' >"$TMP/disk"

tools/qemu-run --timeout 30 --initrd "$TMP/disk" \
	--append "ktest=ramdisk_reads_the_initrd_through_bios,bio_past_the_end_fails_with_eio,plugged_sequential_bios_merge" \
	>"$TMP/log" 2>&1
status=$?
relay_ktests "$TMP/log"
expect_status block_ktests_power_off_cleanly "$status" 0
finish
