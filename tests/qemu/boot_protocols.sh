#!/bin/bash
# Both boot protocols: QEMU's default ATAGS and a device tree (our boot/vexpress-a9.dts).
# Each boot must find the RAM size given to QEMU, the initrd and the command line, so the
# same kernel runs with any -m and either protocol: nothing about memory is hard-coded.
. "$(dirname "$0")/lib.sh"

head -c 300000 /dev/urandom >"$TMP/initrd"	# 300000 bytes = 292 KiB

boot() {	# boot NAME MEM [runner options...]
	local name=$1 mem=$2
	shift 2
	tools/qemu-run --timeout 30 --mem "$mem" --initrd "$TMP/initrd" "$@" \
		--append "marker=$name ktest=kernel_sections_have_their_permissions" \
		>"$TMP/$name.log" 2>&1
	echo $?
}

for proto in atags fdt; do
	for mem in 128 512; do
		name=${proto}_${mem}m
		if [[ $proto == fdt ]]; then
			status=$(boot "$name" "${mem}M" --dtb "$B/vexpress-a9.dtb")
		else
			status=$(boot "$name" "${mem}M")
		fi
		log="$TMP/$name.log"
		expect_status "${name}_boots_and_powers_off" "$status" 0
		expect_line "${name}_reads_boot_info_from_$proto" "$log" "Boot information from $proto: 1 RAM bank"
		expect_line "${name}_finds_${mem}_mib_of_ram" "$log" "Memory: $((mem * 1024)) KiB RAM at 60000000-"
		expect_line "${name}_finds_the_initrd" "$log" "initrd: 292 KiB at 6"
		expect_line "${name}_reads_the_command_line" "$log" "Kernel command line: .*marker=$name"
	done
done
finish
