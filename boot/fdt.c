// SPDX-License-Identifier: MIT
/*
 * Flattened device tree (FDT): the boot loader's description of the machine when QEMU is
 * given -dtb or U-Boot boots with a device tree. Devicetree Specification v0.3, chapter 5.
 *
 * The blob is big-endian throughout and has four parts, found through its header:
 *
 *   +-----------------------+ 0
 *   | header (5.2)          |   magic, totalsize, block offsets and sizes, versions
 *   +-----------------------+ off_mem_rsvmap
 *   | memory reservations   |   (not used here)
 *   +-----------------------+ off_dt_struct
 *   | structure block (5.4) |   the tree, as a stream of 32-bit tokens
 *   +-----------------------+ off_dt_strings
 *   | strings block (5.5)   |   property names, NUL-terminated, shared by offset
 *   +-----------------------+ totalsize
 *
 * The structure block walks the tree depth-first:
 *
 *   FDT_BEGIN_NODE name\0 (padded to 4)     open a node; the root's name is ""
 *   FDT_PROP len nameoff value (padded)     a property of the innermost open node
 *   FDT_END_NODE                            close it
 *   FDT_NOP                                 nothing (QEMU leaves these where it deleted)
 *   FDT_END                                 end of the block
 *
 * A node's properties all come before its children (5.4.2), so the root's #address-cells
 * and #size-cells are known by the time a memory node's reg must be decoded.
 *
 * We only need what early boot needs: RAM banks from the memory nodes, and from /chosen the
 * command line and the initrd. The blob comes from outside, so every offset is checked
 * against its block before it is read, the walk moves forward by at least one token per
 * step (so it ends), and the nesting depth is bounded.
 */
#include <boot/bootinfo.h>
#include <kernel/errno.h>
#include <lib/string.h>

/* Header field offsets in bytes (5.2, struct fdt_header). */
#define FDT_HDR_MAGIC			0
#define FDT_HDR_TOTALSIZE		4
#define FDT_HDR_OFF_DT_STRUCT		8
#define FDT_HDR_OFF_DT_STRINGS		12
#define FDT_HDR_OFF_MEM_RSVMAP		16
#define FDT_HDR_VERSION			20
#define FDT_HDR_LAST_COMP_VERSION	24
#define FDT_HDR_BOOT_CPUID_PHYS		28
#define FDT_HDR_SIZE_DT_STRINGS		32
#define FDT_HDR_SIZE_DT_STRUCT		36	/* only from version 17 on */

#define FDT_V16_HEADER_SIZE		36
#define FDT_V17_HEADER_SIZE		40

/* We read version 16 and 17 blobs; 17 is the version the specification describes (5.2). */
#define FDT_FIRST_VERSION		16
#define FDT_LAST_VERSION		17

/* Structure block tokens (5.4.1). */
#define FDT_BEGIN_NODE			0x00000001
#define FDT_END_NODE			0x00000002
#define FDT_PROP			0x00000003
#define FDT_NOP				0x00000004
#define FDT_END				0x00000009

#define FDT_TOKEN_SIZE			4

/* Defaults when the root does not say (2.3.5). */
#define FDT_DEFAULT_ADDRESS_CELLS	2
#define FDT_DEFAULT_SIZE_CELLS		1

/* The physical address space of a Cortex-A9 without LPAE ends here. */
#define PHYS_LIMIT			0x100000000ULL

/* Where the blocks of a header-checked blob are. */
struct fdt_blob {
	const u8 *base;
	u32 struct_off;
	u32 struct_size;
	u32 strings_off;
	u32 strings_size;
};

/* What the walk has seen so far. */
struct fdt_walk {
	int depth;			/* -1 outside the root, 0 in it, 1 in its children */
	bool root_done;			/* the root node has been closed */
	u32 address_cells;		/* the root's, which apply to its children's reg */
	u32 size_cells;

	/* The depth-1 node being read: is it a memory node, is it /chosen, its reg. */
	bool node_is_memory;
	bool node_is_chosen;
	const u8 *reg;
	u32 reg_len;

	bool have_initrd_start;
	bool have_initrd_end;
	u64 initrd_start;
	u64 initrd_end;
};

/* A big-endian word at any alignment: the blob may sit anywhere in memory. */
static u32 fdt_read_be32(const u8 *p)
{
	u32 v;

	memcpy(&v, p, sizeof(v));
	return be32_to_cpu(v);
}

/* Read a value made of 'cells' 32-bit cells (1 or 2), most significant cell first (2.2.4). */
static u64 fdt_read_cells(const u8 *p, u32 cells)
{
	u64 v = 0;
	u32 i;

	for (i = 0; i < cells; i++)
		v = (v << 32) | fdt_read_be32(p + i * 4);
	return v;
}

/* True if [off, off + len) lies within [0, limit), without overflowing. */
static bool fdt_range_ok(u32 off, u32 len, u32 limit)
{
	return off <= limit && len <= limit - off;
}

bool fdt_looks_valid(const void *blob)
{
	return fdt_read_be32(blob) == FDT_MAGIC;
}

/* Check the header against max_len and note where the two blocks we read are. */
static int fdt_check_header(const void *blob, u32 max_len, struct fdt_blob *fdt)
{
	const u8 *p = blob;
	u32 totalsize, version, last_comp, header_size;

	if (max_len < FDT_V16_HEADER_SIZE)
		return -EINVAL;
	if (fdt_read_be32(p + FDT_HDR_MAGIC) != FDT_MAGIC)
		return -EINVAL;

	version = fdt_read_be32(p + FDT_HDR_VERSION);
	last_comp = fdt_read_be32(p + FDT_HDR_LAST_COMP_VERSION);
	/*
	 * last_comp_version is the oldest version this blob is compatible with: a blob that
	 * needs a reader newer than 17 is one we cannot read, and before 16 the layout differed.
	 */
	if (version < FDT_FIRST_VERSION || last_comp > FDT_LAST_VERSION)
		return -EINVAL;
	header_size = version >= 17 ? FDT_V17_HEADER_SIZE : FDT_V16_HEADER_SIZE;

	totalsize = fdt_read_be32(p + FDT_HDR_TOTALSIZE);
	if (totalsize > max_len || totalsize < header_size)
		return -EINVAL;

	fdt->base = p;
	fdt->struct_off = fdt_read_be32(p + FDT_HDR_OFF_DT_STRUCT);
	fdt->strings_off = fdt_read_be32(p + FDT_HDR_OFF_DT_STRINGS);
	fdt->strings_size = fdt_read_be32(p + FDT_HDR_SIZE_DT_STRINGS);

	/* Tokens are 4-byte aligned (5.4.1), and no block may overlap the header. */
	if (fdt->struct_off < header_size || fdt->struct_off > totalsize ||
	    fdt->struct_off % FDT_TOKEN_SIZE != 0)
		return -EINVAL;
	if (version >= 17)
		fdt->struct_size = fdt_read_be32(p + FDT_HDR_SIZE_DT_STRUCT);
	else
		fdt->struct_size = totalsize - fdt->struct_off; /* v16 did not record it */
	if (!fdt_range_ok(fdt->struct_off, fdt->struct_size, totalsize))
		return -EINVAL;

	if (fdt->strings_off < header_size ||
	    !fdt_range_ok(fdt->strings_off, fdt->strings_size, totalsize))
		return -EINVAL;
	return 0;
}

/*
 * Length of the NUL-terminated string at block[off], which must end inside the block.
 * Returns -EINVAL if it runs off the end.
 */
static int fdt_string_len(const u8 *block, u32 off, u32 block_size, u32 *len)
{
	u32 i;

	for (i = off; i < block_size; i++) {
		if (block[i] == '\0') {
			*len = i - off;
			return 0;
		}
	}
	return -EINVAL;
}

/* Advance *off past 'len' bytes padded to a token boundary, if the block holds them. */
static int fdt_skip(u32 *off, u32 len, u32 block_size)
{
	u64 padded = ((u64)len + FDT_TOKEN_SIZE - 1) & ~(u64)(FDT_TOKEN_SIZE - 1);

	if (padded > block_size - *off)
		return -EINVAL;
	*off += (u32)padded;
	return 0;
}

/* Add a RAM bank, keeping only what a 32-bit physical address can reach. */
static void fdt_add_mem(struct bootinfo *bi, u64 start, u64 size)
{
	if (size == 0 || start >= PHYS_LIMIT || bi->nr_mem >= BOOTINFO_MAX_MEM)
		return;
	if (size > PHYS_LIMIT - start)
		size = PHYS_LIMIT - start;
	/* A bank reaching the very top does not fit a u32 size: drop its last page. */
	if (size > 0xffffffffULL)
		size = 0xfffff000ULL;
	bi->mem[bi->nr_mem].start = (phys_addr_t)start;
	bi->mem[bi->nr_mem].size = (u32)size;
	bi->nr_mem++;
}

/*
 * A memory node's reg is a list of (address, size) pairs, each #address-cells and
 * #size-cells of the parent (the root) long (2.3.6). We handle 1 or 2 cells of each.
 */
static int fdt_read_memory_reg(struct fdt_walk *w, struct bootinfo *bi)
{
	u32 ac = w->address_cells, sc = w->size_cells;
	u32 entry, off;

	if (ac < 1 || ac > 2 || sc < 1 || sc > 2)
		return -EINVAL;
	entry = (ac + sc) * 4;
	if (w->reg_len % entry != 0)
		return -EINVAL;
	for (off = 0; off < w->reg_len; off += entry)
		fdt_add_mem(bi, fdt_read_cells(w->reg + off, ac),
			    fdt_read_cells(w->reg + off + ac * 4, sc));
	return 0;
}

/* linux,initrd-start and -end are one or two cells, told apart by the property length. */
static int fdt_read_initrd_addr(const u8 *value, u32 len, u64 *addr)
{
	if (len != 4 && len != 8)
		return -EINVAL;
	*addr = fdt_read_cells(value, len / 4);
	return 0;
}

static void fdt_copy_bootargs(struct bootinfo *bi, const u8 *value, u32 len)
{
	u32 n = 0;

	/* The value should end in a NUL, but stop at the property's end if it does not. */
	while (n < len && n < BOOTINFO_CMDLINE_MAX - 1 && value[n] != '\0') {
		bi->cmdline[n] = (char)value[n];
		n++;
	}
	bi->cmdline[n] = '\0';
}

static void fdt_begin_node(struct fdt_walk *w, const char *name)
{
	if (w->depth != 1)
		return;
	/* Memory nodes and /chosen are children of the root (3.4, 3.6); deeper ones are not. */
	w->node_is_memory = strcmp(name, "memory") == 0 || strncmp(name, "memory@", 7) == 0;
	w->node_is_chosen = strcmp(name, "chosen") == 0;
	w->reg = NULL;
	w->reg_len = 0;
}

static int fdt_end_node(struct fdt_walk *w, struct bootinfo *bi)
{
	/* Only now is it known whether a device_type came after reg. */
	if (w->depth == 1 && w->node_is_memory && w->reg)
		return fdt_read_memory_reg(w, bi);
	return 0;
}

static int fdt_property(struct fdt_walk *w, struct bootinfo *bi, const char *name,
			const u8 *value, u32 len)
{
	if (w->depth == 0) {
		if (strcmp(name, "#address-cells") == 0 || strcmp(name, "#size-cells") == 0) {
			if (len != 4)
				return -EINVAL;
			if (name[1] == 'a')
				w->address_cells = fdt_read_be32(value);
			else
				w->size_cells = fdt_read_be32(value);
		}
		return 0;
	}
	if (w->depth != 1)
		return 0;

	if (strcmp(name, "device_type") == 0) {
		/* The value is the string "memory" with its NUL. */
		if (len == sizeof("memory") && memcmp(value, "memory", sizeof("memory")) == 0)
			w->node_is_memory = true;
	} else if (strcmp(name, "reg") == 0) {
		w->reg = value;
		w->reg_len = len;
	}

	if (!w->node_is_chosen)
		return 0;
	if (strcmp(name, "bootargs") == 0) {
		fdt_copy_bootargs(bi, value, len);
	} else if (strcmp(name, "linux,initrd-start") == 0) {
		w->have_initrd_start = true;
		return fdt_read_initrd_addr(value, len, &w->initrd_start);
	} else if (strcmp(name, "linux,initrd-end") == 0) {
		w->have_initrd_end = true;
		return fdt_read_initrd_addr(value, len, &w->initrd_end);
	}
	return 0;
}

/* The initrd is [start, end); we keep it only if both ends were given and it is reachable. */
static int fdt_finish_initrd(struct fdt_walk *w, struct bootinfo *bi)
{
	if (!w->have_initrd_start || !w->have_initrd_end)
		return 0;
	if (w->initrd_end < w->initrd_start)
		return -EINVAL;
	if (w->initrd_end > 0xffffffffULL)
		return 0;
	bi->initrd_start = (phys_addr_t)w->initrd_start;
	bi->initrd_size = (u32)(w->initrd_end - w->initrd_start);
	return 0;
}

/*
 * Walk the structure block once, token by token. Each step consumes at least one token, so
 * the walk ends within struct_size / 4 steps whatever the blob holds.
 */
static int fdt_walk_struct(const struct fdt_blob *fdt, struct fdt_walk *w, struct bootinfo *bi)
{
	const u8 *block = fdt->base + fdt->struct_off;
	const u8 *strings = fdt->base + fdt->strings_off;
	u32 size = fdt->struct_size;
	u32 off = 0;
	int err;

	while (size - off >= FDT_TOKEN_SIZE) {
		u32 token = fdt_read_be32(block + off);
		u32 len, nameoff, namelen;
		const u8 *value;

		off += FDT_TOKEN_SIZE;
		switch (token) {
		case FDT_BEGIN_NODE:
			/* One tree only: nothing may open after the root has closed. */
			if (w->root_done || w->depth >= FDT_MAX_DEPTH)
				return -EINVAL;
			err = fdt_string_len(block, off, size, &namelen);
			if (err)
				return err;
			w->depth++;
			fdt_begin_node(w, (const char *)block + off);
			err = fdt_skip(&off, namelen + 1, size);
			if (err)
				return err;
			break;
		case FDT_END_NODE:
			if (w->depth < 0)
				return -EINVAL;
			err = fdt_end_node(w, bi);
			if (err)
				return err;
			w->depth--;
			if (w->depth < 0)
				w->root_done = true;
			break;
		case FDT_PROP:
			/* struct fdt_property (5.4.1): len, nameoff, then the value. */
			if (w->depth < 0 || size - off < 2 * FDT_TOKEN_SIZE)
				return -EINVAL;
			len = fdt_read_be32(block + off);
			nameoff = fdt_read_be32(block + off + 4);
			off += 2 * FDT_TOKEN_SIZE;
			value = block + off;
			/* Step over the value first: that proves all of it lies in the block. */
			err = fdt_skip(&off, len, size);
			if (err)
				return err;
			err = fdt_string_len(strings, nameoff, fdt->strings_size, &namelen);
			if (err)
				return err;
			err = fdt_property(w, bi, (const char *)strings + nameoff, value, len);
			if (err)
				return err;
			break;
		case FDT_NOP:
			break;
		case FDT_END:
			if (!w->root_done)
				return -EINVAL;
			return fdt_finish_initrd(w, bi);
		default:
			return -EINVAL;
		}
	}
	/* Ran out of block without FDT_END. */
	return -EINVAL;
}

int fdt_parse(const void *blob, u32 max_len, struct bootinfo *bi)
{
	struct fdt_blob fdt;
	struct fdt_walk w = {
		.depth = -1,
		.address_cells = FDT_DEFAULT_ADDRESS_CELLS,
		.size_cells = FDT_DEFAULT_SIZE_CELLS,
	};
	int err;

	memset(bi, 0, sizeof(*bi));
	bi->source = "fdt";

	err = fdt_check_header(blob, max_len, &fdt);
	if (err)
		return err;
	return fdt_walk_struct(&fdt, &w, bi);
}
