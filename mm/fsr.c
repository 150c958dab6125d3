// SPDX-License-Identifier: MIT
/* Fault status decoding: see include/mm/fsr.h for the register layout. */
#include <mm/fsr.h>
#include <lib/vsprintf.h>

struct fs_info {
	enum fault_kind kind;
	int level;
	const char *name;
};

static struct fs_info fs_lookup(unsigned int fs)
{
	switch (fs) {
	case FS_TRANS_SECTION:	return (struct fs_info){ FAULT_TRANSLATION, 1, "translation fault" };
	case FS_TRANS_PAGE:	return (struct fs_info){ FAULT_TRANSLATION, 2, "translation fault" };
	case FS_PERM_SECTION:	return (struct fs_info){ FAULT_PERMISSION, 1, "permission fault" };
	case FS_PERM_PAGE:	return (struct fs_info){ FAULT_PERMISSION, 2, "permission fault" };
	case FS_ACCESS_SECTION:	return (struct fs_info){ FAULT_ACCESS_FLAG, 1, "access flag fault" };
	case FS_ACCESS_PAGE:	return (struct fs_info){ FAULT_ACCESS_FLAG, 2, "access flag fault" };
	case FS_DOMAIN_SECTION:	return (struct fs_info){ FAULT_DOMAIN, 1, "domain fault" };
	case FS_DOMAIN_PAGE:	return (struct fs_info){ FAULT_DOMAIN, 2, "domain fault" };
	case FS_ALIGNMENT:	return (struct fs_info){ FAULT_ALIGNMENT, 0, "alignment fault" };
	case FS_EXTERNAL:	return (struct fs_info){ FAULT_EXTERNAL, 0, "synchronous external abort" };
	case FS_ASYNC_EXTERNAL:	return (struct fs_info){ FAULT_EXTERNAL, 0, "asynchronous external abort" };
	case FS_WALK_EXT_L1:	return (struct fs_info){ FAULT_EXTERNAL, 1, "external abort on table walk" };
	case FS_WALK_EXT_L2:	return (struct fs_info){ FAULT_EXTERNAL, 2, "external abort on table walk" };
	case FS_PARITY:		return (struct fs_info){ FAULT_EXTERNAL, 0, "parity error" };
	case FS_ASYNC_PARITY:	return (struct fs_info){ FAULT_EXTERNAL, 0, "asynchronous parity error" };
	case FS_WALK_PARITY_L1:	return (struct fs_info){ FAULT_EXTERNAL, 1, "parity error on table walk" };
	case FS_WALK_PARITY_L2:	return (struct fs_info){ FAULT_EXTERNAL, 2, "parity error on table walk" };
	case FS_ICACHE_MAINT:	return (struct fs_info){ FAULT_OTHER, 0, "fault on cache maintenance" };
	case FS_DEBUG:		return (struct fs_info){ FAULT_OTHER, 0, "debug event" };
	case FS_TLB_CONFLICT:	return (struct fs_info){ FAULT_OTHER, 0, "TLB conflict abort" };
	default:		return (struct fs_info){ FAULT_OTHER, 0, "unknown fault status" };
	}
}

enum fault_kind fsr_kind(u32 fsr)
{
	return fs_lookup(fsr_fs(fsr)).kind;
}

int fsr_level(u32 fsr)
{
	return fs_lookup(fsr_fs(fsr)).level;
}

const char *fsr_describe(u32 fsr, char *buf, size_t len)
{
	struct fs_info fi = fs_lookup(fsr_fs(fsr));
	const char *level = fi.level == 1 ? " (section)" : fi.level == 2 ? " (page)" : "";
	const char *access = (fsr & FSR_LNX_PF) ? "instruction fetch"
			     : (fsr & FSR_WNR) ? "write" : "read";

	snprintf(buf, len, "%s%s, %s", fi.name, level, access);
	return buf;
}
