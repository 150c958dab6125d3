#!/bin/bash
# The virtio block driver over both virtio-mmio transports (legacy = version 1, QEMU's
# default; modern = version 2), each with and without indirect descriptors. Every boot
# gets fresh disks:
#   vda  8 MiB, writable: every 512-byte sector s starts with s (u32, little-endian), byte
#        i >= 4 is (s * 7 + i) & 0xff; the write tests change sectors 8192 and up
#   vdb  1 MiB, the same pattern, attached read-only (-drive ...,readonly=on)
# runs the ktests of tests/ktest/virtio_blk.c and then checks on the host that the image
# files hold exactly what the guest wrote. Then: disk naming with four disks, and I/O
# errors injected by QEMU's blkdebug driver.
. "$(dirname "$0")/lib.sh"

TESTS=virtio_blk_capacity_matches_the_image,virtio_blk_reads_known_sectors
TESTS+=,virtio_blk_write_then_read_back,virtio_blk_multi_segment_requests
TESTS+=,virtio_blk_many_bios_in_flight,virtio_blk_more_requests_than_ring_entries
TESTS+=,virtio_blk_write_to_read_only_disk_fails_with_erofs
TESTS+=,virtio_blk_read_past_the_end_fails_with_eio
TESTS+=,virtio_blk_driver_refuses_bad_requests_itself

MODERN=(--qemu-arg -global --qemu-arg virtio-mmio.force-legacy=false)

# The pattern as Perl: image($s) and written($s) give sector $s of each pattern.
PATTERN='
	my $b = join("", map { chr($_ & 255) } 0 .. 1023);
	sub image { my $s = shift; pack("V", $s) . substr($b, (($s * 7) & 255) + 4, 508) }
	sub written {
		my $s = shift;
		pack("V", $s | 0x80000000) . substr($b, (($s * 13 + 0x55) & 255) + 4, 508);
	}'

# make_image FILE SECTORS
make_image() {
	perl -e "$PATTERN"' print image($_) for 0 .. $ARGV[0] - 1' "$2" >"$1"
}

# check_image FILE: every sector holds the image pattern, except those the write tests
# wrote (see tests/ktest/virtio_blk.c), which hold the written one. Prints the first few
# wrong sectors; exits non-zero if any.
check_image() {
	perl -e "$PATTERN"'
		my %w;
		$w{$_} = 1 for 8192 .. 8199, 8320 .. 8447;
		for my $k (0 .. 31) { $w{9216 + 16 * $k + $_} = 1 for 0 .. 7 }
		open(my $f, "<", $ARGV[0]) or die "$ARGV[0]: $!";
		binmode $f;
		my ($s, $bad, $buf) = (0, 0);
		while (read($f, $buf, 512) == 512) {
			my $want = $w{$s} ? written($s) : image($s);
			if ($buf ne $want) {
				printf "sector %d: expected the %s pattern, first word seen 0x%08x\n",
				    $s, $w{$s} ? "written" : "image", unpack("V", $buf) if $bad < 5;
				$bad++;
			}
			$s++;
		}
		print "$bad bad sectors of $s\n" if $bad;
		exit($bad ? 1 : 0);' "$1"
}

# ktest_boot MODE QEMU-RUN-OPTIONS...: one boot running the ktests; their TAP lines are
# relayed with MODE in front of each name.
ktest_boot() {
	local mode=$1 status out
	shift
	make_image "$TMP/vda.img" 16384
	make_image "$TMP/vdb.img" 2048
	cp "$TMP/vdb.img" "$TMP/vdb.orig"
	tools/qemu-run --timeout 60 --disk "$TMP/vda.img" \
		--qemu-arg -drive --qemu-arg "if=none,id=ro0,file=$TMP/vdb.img,format=raw,readonly=on" \
		--qemu-arg -device --qemu-arg virtio-blk-device,drive=ro0 \
		"$@" --append "ktest=$TESTS vdtest.sectors=16384" >"$TMP/$mode.log" 2>&1
	status=$?
	sed -E "s/^((\[[^]]*\] )?(not )?ok [0-9]+ - )/\1${mode}_/" "$TMP/$mode.log" >"$TMP/$mode.tap"
	relay_ktests "$TMP/$mode.tap"
	expect_status "${mode}_ktests_power_off_cleanly" "$status" 0
	expect_line "${mode}_probe_names_the_transport_version" "$TMP/$mode.log" \
		"virtio-blk vda: 16384 sectors \(8 MiB\), ${mode%%_*}\s*$"
	expect_line "${mode}_probe_reports_read_only" "$TMP/$mode.log" \
		"virtio-blk vdb: 2048 sectors \(1 MiB\), ${mode%%_*}, ro"
	if out=$(check_image "$TMP/vda.img"); then
		ok "${mode}_written_sectors_are_in_the_image_after_power_off"
	else
		not_ok "${mode}_written_sectors_are_in_the_image_after_power_off" "$out"
	fi
	if cmp -s "$TMP/vdb.img" "$TMP/vdb.orig"; then
		ok "${mode}_read_only_image_unchanged"
	else
		not_ok "${mode}_read_only_image_unchanged" "the read-only disk's image file changed"
	fi
}

ktest_boot legacy
ktest_boot modern "${MODERN[@]}"
ktest_boot legacy_direct --append virtio.no_indirect
ktest_boot modern_direct "${MODERN[@]}" --append virtio.no_indirect

# Naming: four disks of 1..4 MiB become vda..vdd in command-line order (QEMU puts the
# first one at the highest transport, 0x10013600, and we probe from the top).
for n in 1 2 3 4; do truncate -s ${n}M "$TMP/n$n.img"; done
tools/qemu-run --timeout 60 --disk "$TMP/n1.img" --disk "$TMP/n2.img" --disk "$TMP/n3.img" \
	--disk "$TMP/n4.img" --append "ktest=none" >"$TMP/naming.log" 2>&1
expect_status four_disks_boot "$?" 0
expect_line first_disk_is_vda "$TMP/naming.log" "virtio-blk vda: 2048 sectors \(1 MiB\)"
expect_line second_disk_is_vdb "$TMP/naming.log" "virtio-blk vdb: 4096 sectors \(2 MiB\)"
expect_line third_disk_is_vdc "$TMP/naming.log" "virtio-blk vdc: 6144 sectors \(3 MiB\)"
expect_line fourth_disk_is_vdd "$TMP/naming.log" "virtio-blk vdd: 8192 sectors \(4 MiB\)"
expect_line vda_is_the_top_transport "$TMP/naming.log" "virtio-blk vda: virtio-mmio@10013600 irq 75"
expect_line vdd_is_the_bottom_transport "$TMP/naming.log" "virtio-blk vdd: virtio-mmio@10013000 irq 72"

# I/O errors: QEMU's blkdebug fails reads covering sector 777 and writes covering sector
# 5003 with EIO; virtio-blk reports VIRTIO_BLK_S_IOERR and the bio must see -EIO.
cat >"$TMP/blkdebug.conf" <<'EOF'
[inject-error]
event = "read_aio"
errno = "5"
sector = "777"

[inject-error]
event = "write_aio"
errno = "5"
sector = "5003"
EOF
for mode in legacy modern; do
	extra=()
	[[ $mode == modern ]] && extra=("${MODERN[@]}")
	make_image "$TMP/err.img" 16384
	cp "$TMP/err.img" "$TMP/err.orig"
	tools/qemu-run --timeout 60 --qemu-arg -drive --qemu-arg \
		"if=none,id=err0,format=raw,file.driver=blkdebug,file.config=$TMP/blkdebug.conf,file.image.filename=$TMP/err.img" \
		--qemu-arg -device --qemu-arg virtio-blk-device,drive=err0 "${extra[@]}" \
		--append "ktest=virtio_blk_device_error_reaches_the_bio vdtest.bad_sector=777 vdtest.bad_write_sector=5003" \
		>"$TMP/err_$mode.log" 2>&1
	status=$?
	sed -E "s/^((\[[^]]*\] )?(not )?ok [0-9]+ - )/\1${mode}_/" "$TMP/err_$mode.log" >"$TMP/err_$mode.tap"
	relay_ktests "$TMP/err_$mode.tap"
	expect_status "${mode}_error_boot_powers_off_cleanly" "$status" 0
	expect_line "${mode}_device_error_is_logged" "$TMP/err_$mode.log" \
		"virtio-blk vda: read of 8 sectors at 776 failed \(status 1\)"
	if cmp -s "$TMP/err.img" "$TMP/err.orig"; then
		ok "${mode}_failed_write_left_the_image_unchanged"
	else
		not_ok "${mode}_failed_write_left_the_image_unchanged" "the image file changed"
	fi
done
finish
