// SPDX-License-Identifier: MIT
/*
 * Symbol lookup for backtraces. The table is generated from the linked kernel by
 * tools/mkkallsyms (see the Makefile's two link passes): addresses ascending, with names.
 */
#include <kernel/kallsyms.h>
#include <lib/string.h>
#include <lib/vsprintf.h>

extern const u32 kallsyms_num;
extern const u32 kallsyms_addresses[];
extern const char *const kallsyms_names[];
extern char _text[], _etext[];

const char *kallsyms_lookup(unsigned long addr, unsigned long *offset, unsigned long *size)
{
	u32 lo = 0, hi = kallsyms_num;

	if (addr < (unsigned long)_text || addr >= (unsigned long)_etext || kallsyms_num == 0)
		return NULL;
	/* Binary search for the last symbol at or below addr. */
	while (hi - lo > 1) {
		u32 mid = lo + (hi - lo) / 2;

		if (kallsyms_addresses[mid] <= addr)
			lo = mid;
		else
			hi = mid;
	}
	if (kallsyms_addresses[lo] > addr)
		return NULL;
	/* Several names may share an address (aliases): any of them will do. */
	if (offset)
		*offset = addr - kallsyms_addresses[lo];
	if (size)
		*size = (lo + 1 < kallsyms_num ? kallsyms_addresses[lo + 1]
					       : (unsigned long)_etext) -
			kallsyms_addresses[lo];
	return kallsyms_names[lo];
}

void sprint_symbol(char *buf, size_t len, unsigned long addr)
{
	unsigned long off, size;
	const char *name = kallsyms_lookup(addr, &off, &size);

	if (name)
		snprintf(buf, len, "%s+0x%lx/0x%lx", name, off, size);
	else
		snprintf(buf, len, "0x%08lx", addr);
}

unsigned long kallsyms_lookup_name(const char *name)
{
	u32 i;

	for (i = 0; i < kallsyms_num; i++)
		if (!strcmp(kallsyms_names[i], name))
			return kallsyms_addresses[i];
	return 0;
}
