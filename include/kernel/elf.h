/* SPDX-License-Identifier: MIT */
/* The parts of 32-bit ELF (System V ABI, ELF for the ARM Architecture) that exec reads. */
#ifndef KERNEL_ELF_H
#define KERNEL_ELF_H

#include <types.h>

#define EI_NIDENT	16
#define ELFMAG		"\177ELF"
#define ELFCLASS32	1
#define ELFDATA2LSB	1
#define ET_EXEC		2
#define EM_ARM		40
#define PT_LOAD		1
#define PF_X		1
#define PF_W		2
#define PF_R		4

/* Auxiliary vector entries put on the new stack (Linux's values). */
#define AT_NULL		0
#define AT_PHDR		3
#define AT_PHENT	4
#define AT_PHNUM	5
#define AT_PAGESZ	6
#define AT_BASE		7
#define AT_ENTRY	9
#define AT_UID		11
#define AT_EUID		12
#define AT_GID		13
#define AT_EGID		14
#define AT_HWCAP	16
#define AT_CLKTCK	17
#define AT_RANDOM	25

struct elf32_hdr {
	u8 e_ident[EI_NIDENT];
	u16 e_type;
	u16 e_machine;
	u32 e_version;
	u32 e_entry;
	u32 e_phoff;
	u32 e_shoff;
	u32 e_flags;
	u16 e_ehsize;
	u16 e_phentsize;
	u16 e_phnum;
	u16 e_shentsize;
	u16 e_shnum;
	u16 e_shstrndx;
};

struct elf32_phdr {
	u32 p_type;
	u32 p_offset;
	u32 p_vaddr;
	u32 p_paddr;
	u32 p_filesz;
	u32 p_memsz;
	u32 p_flags;
	u32 p_align;
};

#endif
