// SPDX-License-Identifier: MIT
/*
 * libFuzzer target for the ext2 code (fs/ext2/): the input is a disk image.
 *
 * The image is padded with zeros to at least EXT2_FUZZ_MIN_IMAGE bytes, so the seeds can be
 * mke2fs images with their empty tail cut off and the fuzzer spends its mutations on the
 * metadata at the front. Each input is mounted read-only and walked (every directory, name,
 * inode, file and symlink), then mounted read-write, changed (create, write, truncate, link,
 * unlink, mkdir, rmdir, symlink) and walked again. The ext2 code must neither crash, nor trip
 * AddressSanitizer/UBSan, nor hang, nor misuse the block device (tests/fuzz/ext2_harness.c
 * aborts on a block taken twice, leaked, or changed without being marked dirty).
 *
 * Built and run by tests/fuzz/run-ext2-fuzz.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ext2_harness.h"

#define EXT2_FUZZ_MIN_IMAGE (256 * 1024)
#define EXT2_FUZZ_MAX_IMAGE (4 * 1024 * 1024)

static void violation(const char *what, u32 block)
{
	fprintf(stderr, "ext2_fuzz: block device misuse: %s (block %u)\n", what, block);
	abort();
}

static const struct walk_limits limits = {
	.max_depth = 8,
	.max_file_bytes = 64 * 1024,
	.max_entries = 2000,
};

static void check_released(const struct memdev *dev)
{
	if (dev->held) {
		fprintf(stderr, "ext2_fuzz: %d block(s) still held\n", dev->held);
		abort();
	}
}

int LLVMFuzzerTestOneInput(const u8 *data, size_t size)
{
	size_t image_size = EXT2_FUZZ_MIN_IMAGE;
	struct walk_stats stats;
	struct memdev dev;
	struct ext2_fs fs;
	char msg[160];
	u8 *image;

	if (size > EXT2_FUZZ_MAX_IMAGE)
		size = EXT2_FUZZ_MAX_IMAGE;
	if (size > image_size)
		image_size = (size + EXT2_BLOCK_SIZE - 1) & ~(size_t)(EXT2_BLOCK_SIZE - 1);
	image = calloc(1, image_size);
	if (!image)
		return 0;
	memcpy(image, data, size);
	memdev_init(&dev, image, image_size, violation);

	if (ext2_mount(&fs, &memdev_ops, &dev, image_size, true, msg, sizeof(msg)) == 0) {
		ext2_walk_tree(&fs, &limits, &stats);
		ext2_unmount(&fs);
	}
	check_released(&dev);
	if (ext2_mount(&fs, &memdev_ops, &dev, image_size, false, msg, sizeof(msg)) == 0) {
		ext2_mutate_tree(&fs);
		ext2_walk_tree(&fs, &limits, &stats);
		ext2_unmount(&fs);
	}
	check_released(&dev);
	free(image);
	return 0;
}
