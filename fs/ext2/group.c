// SPDX-License-Identifier: MIT
/*
 * Block-group geometry: which blocks of a group are metadata, and whether a block number read
 * from disk may be followed as data. See the layout drawn in <fs/ext2_fs.h>.
 */
#include "ext2_int.h"

/* Is n a power of base (base^k, k >= 1)? */
static bool is_power_of(u32 n, u32 base)
{
	u64 p = base;

	while (p < n)
		p *= base;
	return p == n;
}

/*
 * With sparse_super only groups 0, 1 and the powers of 3, 5 and 7 carry a backup of the
 * superblock and descriptor table; without it every group does.
 */
bool ext2_group_has_super(const struct ext2_fs *fs, u32 g)
{
	if (g <= 1)
		return true;
	if (!(fs->feature_ro_compat & EXT2_FEATURE_RO_COMPAT_SPARSE_SUPER))
		return true;
	return is_power_of(g, 3) || is_power_of(g, 5) || is_power_of(g, 7);
}

u32 ext2_group_first_block(const struct ext2_fs *fs, u32 g)
{
	return fs->first_data_block + g * fs->blocks_per_group;
}

u32 ext2_group_nr_blocks(const struct ext2_fs *fs, u32 g)
{
	if (g + 1 == fs->group_count)
		return fs->blocks_count - ext2_group_first_block(fs, g);
	return fs->blocks_per_group;
}

u32 ext2_group_super_blocks(const struct ext2_fs *fs, u32 g)
{
	if (!ext2_group_has_super(fs, g))
		return 0;
	return 1 + fs->gdt_blocks + fs->reserved_gdt_blocks;
}

bool ext2_block_is_data(const struct ext2_fs *fs, u32 block)
{
	const struct ext2_group_desc *gd;
	u32 g, offset;

	if (block < fs->first_data_block || block >= fs->blocks_count)
		return false;
	g = (block - fs->first_data_block) / fs->blocks_per_group;
	offset = (block - fs->first_data_block) % fs->blocks_per_group;
	if (offset < ext2_group_super_blocks(fs, g))
		return false;
	gd = &fs->groups[g];
	if (block == gd->bg_block_bitmap || block == gd->bg_inode_bitmap)
		return false;
	/* Unsigned: blocks before the table wrap around to huge values. */
	if (block - gd->bg_inode_table < fs->inode_table_blocks)
		return false;
	return true;
}

u32 ext2_find_zero_bit(const u8 *map, u32 start, u32 end)
{
	u32 i = start;

	while (i < end) {
		/* Skip full bytes eight bits at a time. */
		if ((i & 7) == 0 && i + 8 <= end && map[i >> 3] == 0xff) {
			i += 8;
			continue;
		}
		if (!ext2_test_bit(map, i))
			return i;
		i++;
	}
	return end;
}
