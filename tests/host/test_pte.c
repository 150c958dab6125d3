// SPDX-License-Identifier: MIT
/*
 * Host tests for the descriptor encoders (include/mm/pgtable.h, mm/pte.c).
 *
 * The expectations are written against the ARM ARM short-descriptor formats (B3.5.1), with
 * the bit positions spelled out here rather than taken from include/asm/pgtable-hwdef.h, so a
 * wrong constant in that header is caught too:
 *
 *   small page (second level):
 *    31                 12  11   10   9    8..6   5..4   3   2   1   0
 *   +---------------------+----+---+-----+------+------+---+---+---+----+
 *   |  base address       | nG | S | AP2 | TEX  | AP   | C | B | 1 | XN |
 *   +---------------------+----+---+-----+------+------+---+---+---+----+
 *
 *   section (first level):
 *    31        20 19  18  17   16   15   14..12  11..10  9   8..5     4    3   2   1..0
 *   +------------+----+---+----+---+-----+------+-------+---+--------+----+---+---+------+
 *   | base       | NS | 0 | nG | S | AP2 | TEX  | AP    | - | domain | XN | C | B | 0b10 |
 *   +------------+----+---+----+---+-----+------+-------+---+--------+----+---+---+------+
 *
 *   page table (first level): [31:10] base of a 1 KiB table | 8:5 domain | 1:0 = 0b01
 *
 * Memory types with TEX remap off (table B3-10): normal write-back write-allocate is
 * TEX=001 C=1 B=1, shareable device is TEX=000 C=0 B=1. Access permissions (table B3-8):
 * AP2:AP = 0:01 kernel RW, 0:11 user RW, 1:01 kernel RO, 1:11 user RO.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>

#include <mm/pgtable.h>

/* Fails with "<what>: expected E, seen S". Macros, so that cmocka reports the caller's line. */
#define expect_ul(seen, expected, ...)                                                          \
	do {                                                                                    \
		unsigned long seen_ = (seen), expected_ = (expected);                           \
		if (seen_ != expected_) {                                                       \
			char what_[256];                                                        \
			snprintf(what_, sizeof(what_), __VA_ARGS__);                            \
			fail_msg("%s: expected %lu (%#lx), seen %lu (%#lx)", what_, expected_,  \
				 expected_, seen_, seen_);                                      \
		}                                                                               \
	} while (0)

static unsigned int bits(u32 v, unsigned int hi, unsigned int lo)
{
	return (v >> lo) & ((1u << (hi - lo + 1)) - 1);
}

/* ---- second level: software PTE -> hardware small page ------------------------------- */

/* Every field of a small-page descriptor; together they cover all 32 bits. */
struct small_page {
	unsigned int xn, small, b, c, ap, tex, ap2, s, ng;
	u32 base;
};

static struct small_page decode_small_page(u32 hw)
{
	return (struct small_page){
		.xn = bits(hw, 0, 0),
		.small = bits(hw, 1, 1),
		.b = bits(hw, 2, 2),
		.c = bits(hw, 3, 3),
		.ap = bits(hw, 5, 4),
		.tex = bits(hw, 8, 6),
		.ap2 = bits(hw, 9, 9),
		.s = bits(hw, 10, 10),
		.ng = bits(hw, 11, 11),
		.base = hw & 0xfffff000u,
	};
}

#define expect_small_page_field(name, field, seen, expected)                                     \
	expect_ul((seen).field, (expected).field, "%s: hardware PTE %#x field " #field, name,   \
		  hw)

static void expect_small_page(const char *name, u32 hw, struct small_page expected)
{
	struct small_page seen = decode_small_page(hw);

	expect_small_page_field(name, small, seen, expected);
	expect_small_page_field(name, xn, seen, expected);
	expect_small_page_field(name, ap2, seen, expected);
	expect_small_page_field(name, ap, seen, expected);
	expect_small_page_field(name, tex, seen, expected);
	expect_small_page_field(name, c, seen, expected);
	expect_small_page_field(name, b, seen, expected);
	expect_small_page_field(name, s, seen, expected);
	expect_small_page_field(name, ng, seen, expected);
	expect_small_page_field(name, base, seen, expected);
}

/* Access permissions, table B3-8. */
#define AP_KERNEL_ONLY	1u	/* AP[1:0] = 01 */
#define AP_USER		3u	/* AP[1:0] = 11 */

#define PFN		0x60123ul
#define PFN_BASE	0x60123000u

/* Normal memory, TEX=001 C=1 B=1, shareable. */
#define NORMAL		.tex = 1, .c = 1, .b = 1, .s = 1
/* Device memory, TEX=000 C=0 B=1 (shareable device regardless of S). */
#define DEVICE		.tex = 0, .c = 0, .b = 1, .s = 0

struct pte_case {
	const char *name;
	u32 prot;
	struct small_page hw;
};

static const struct pte_case pte_cases[] = {
	{ "PAGE_KERNEL", PAGE_KERNEL,
	  { .small = 1, .xn = 1, .ap2 = 0, .ap = AP_KERNEL_ONLY, NORMAL, .ng = 0,
	    .base = PFN_BASE } },
	{ "PAGE_KERNEL_RO", PAGE_KERNEL_RO,
	  { .small = 1, .xn = 1, .ap2 = 1, .ap = AP_KERNEL_ONLY, NORMAL, .ng = 0,
	    .base = PFN_BASE } },
	{ "PAGE_KERNEL_EXEC", PAGE_KERNEL_EXEC,
	  { .small = 1, .xn = 0, .ap2 = 0, .ap = AP_KERNEL_ONLY, NORMAL, .ng = 0,
	    .base = PFN_BASE } },
	{ "PAGE_KERNEL_ROX", PAGE_KERNEL_ROX,
	  { .small = 1, .xn = 0, .ap2 = 1, .ap = AP_KERNEL_ONLY, NORMAL, .ng = 0,
	    .base = PFN_BASE } },
	{ "PAGE_KERNEL_DEVICE", PAGE_KERNEL_DEVICE,
	  { .small = 1, .xn = 1, .ap2 = 0, .ap = AP_KERNEL_ONLY, DEVICE, .ng = 0,
	    .base = PFN_BASE } },
	{ "kernel RW page, clean (write must fault to dirty it)",
	  L_PTE_PRESENT | L_PTE_YOUNG | L_PTE_XN,
	  { .small = 1, .xn = 1, .ap2 = 1, .ap = AP_KERNEL_ONLY, NORMAL, .ng = 0,
	    .base = PFN_BASE } },
	{ "user RW page, dirty", L_PTE_PRESENT | L_PTE_YOUNG | L_PTE_USER | L_PTE_DIRTY | L_PTE_XN,
	  { .small = 1, .xn = 1, .ap2 = 0, .ap = AP_USER, NORMAL, .ng = 1, .base = PFN_BASE } },
	{ "user RW page, clean (write must fault to dirty it)",
	  L_PTE_PRESENT | L_PTE_YOUNG | L_PTE_USER | L_PTE_XN,
	  { .small = 1, .xn = 1, .ap2 = 1, .ap = AP_USER, NORMAL, .ng = 1, .base = PFN_BASE } },
	{ "user RDONLY page, dirty",
	  L_PTE_PRESENT | L_PTE_YOUNG | L_PTE_USER | L_PTE_DIRTY | L_PTE_RDONLY | L_PTE_XN,
	  { .small = 1, .xn = 1, .ap2 = 1, .ap = AP_USER, NORMAL, .ng = 1, .base = PFN_BASE } },
	{ "user RDONLY page, clean",
	  L_PTE_PRESENT | L_PTE_YOUNG | L_PTE_USER | L_PTE_RDONLY | L_PTE_XN,
	  { .small = 1, .xn = 1, .ap2 = 1, .ap = AP_USER, NORMAL, .ng = 1, .base = PFN_BASE } },
	{ "user executable text (RDONLY, no XN)",
	  L_PTE_PRESENT | L_PTE_YOUNG | L_PTE_USER | L_PTE_RDONLY,
	  { .small = 1, .xn = 0, .ap2 = 1, .ap = AP_USER, NORMAL, .ng = 1, .base = PFN_BASE } },
	{ "user device page, dirty",
	  L_PTE_PRESENT | L_PTE_YOUNG | L_PTE_USER | L_PTE_DIRTY | L_PTE_DEVICE | L_PTE_XN,
	  { .small = 1, .xn = 1, .ap2 = 0, .ap = AP_USER, DEVICE, .ng = 1, .base = PFN_BASE } },
};

static void present_young_ptes_encode_to_the_arm_small_page_format(void **state)
{
	for (size_t i = 0; i < ARRAY_SIZE(pte_cases); i++) {
		const struct pte_case *t = &pte_cases[i];

		expect_small_page(t->name, pte_to_hw(pfn_pte(PFN, t->prot)), t->hw);
	}
}

static void not_present_pte_gives_a_fault_entry(void **state)
{
	/* Every software bit except PRESENT, and a frame: still no hardware mapping. */
	const u32 all_but_present = L_PTE_YOUNG | L_PTE_DEVICE | L_PTE_DIRTY | L_PTE_RDONLY |
				    L_PTE_USER | L_PTE_XN;

	expect_ul(pte_to_hw(0), 0, "pte_to_hw(0)");
	expect_ul(pte_to_hw(pfn_pte(PFN, 0)), 0, "pte_to_hw(pfn_pte(%#lx, 0))", PFN);
	expect_ul(pte_to_hw(pfn_pte(PFN, all_but_present)), 0,
		  "pte_to_hw of a pte with every bit but L_PTE_PRESENT");
	expect_ul(pte_to_hw(pfn_pte(PFN, L_PTE_YOUNG | L_PTE_DIRTY)), 0,
		  "pte_to_hw of young dirty but not present");
}

static void old_pte_gives_a_fault_entry_so_the_access_flag_is_emulated(void **state)
{
	static const u32 prots[] = {
		PAGE_KERNEL, PAGE_KERNEL_RO, PAGE_KERNEL_EXEC, PAGE_KERNEL_ROX,
		PAGE_KERNEL_DEVICE, L_PTE_PRESENT | L_PTE_YOUNG | L_PTE_USER | L_PTE_DIRTY,
	};

	for (size_t i = 0; i < ARRAY_SIZE(prots); i++) {
		pte_t old = pte_mkold(pfn_pte(PFN, prots[i]));

		expect_ul(pte_to_hw(old), 0, "pte_to_hw of old pte %#x (prot %#x without YOUNG)",
			  old, prots[i]);
	}
}

static void hardware_pte_carries_the_frame_address(void **state)
{
	static const unsigned long pfns[] = { 0, 1, 0x60000, 0x7ffff, 0x80000, 0xfffff };

	for (size_t i = 0; i < ARRAY_SIZE(pfns); i++) {
		u32 hw = pte_to_hw(pfn_pte(pfns[i], PAGE_KERNEL));

		expect_ul(hw & 0xfffff000u, pfns[i] << 12, "base of hardware PTE for pfn %#lx",
			  pfns[i]);
		expect_ul(bits(hw, 1, 1), 1, "small-page bit of hardware PTE for pfn %#lx",
			  pfns[i]);
	}
}

/* ---- software PTE helpers ------------------------------------------------------------- */

static void pfn_pte_and_pte_pfn_round_trip(void **state)
{
	static const unsigned long pfns[] = { 0, 1, 0x60000, 0x80000, 0xfffff };

	for (size_t i = 0; i < ARRAY_SIZE(pfns); i++) {
		pte_t pte = pfn_pte(pfns[i], PAGE_KERNEL);

		expect_ul(pte_pfn(pte), pfns[i], "pte_pfn(pfn_pte(%#lx, PAGE_KERNEL))", pfns[i]);
		expect_ul(pte & 0xfffu, PAGE_KERNEL, "prot bits of pfn_pte(%#lx, PAGE_KERNEL)",
			  pfns[i]);
		expect_ul(pte & ~0xfffu, pfns[i] << 12, "frame bits of pfn_pte(%#lx, ...)",
			  pfns[i]);
	}
}

static void pfn_pte_masks_prot_bits_above_0xfff(void **state)
{
	pte_t pte = pfn_pte(0x60000, 0xfffff000u | PAGE_KERNEL);

	expect_ul(pte_pfn(pte), 0x60000, "pte_pfn(pfn_pte(0x60000, 0xfffff000 | PAGE_KERNEL))");
	expect_ul(pte, 0x60000000u | PAGE_KERNEL,
		  "pfn_pte(0x60000, 0xfffff000 | PAGE_KERNEL): high prot bits must not reach "
		  "the frame");
	expect_ul(pfn_pte(0, 0xffffffffu), 0xfffu, "pfn_pte(0, 0xffffffff)");
}

static void pte_none_is_true_only_for_zero(void **state)
{
	expect_ul(pte_none(0), true, "pte_none(0)");
	expect_ul(pte_none(pfn_pte(0, L_PTE_YOUNG)), false, "pte_none(young, not present)");
	expect_ul(pte_none(pfn_pte(1, 0)), false, "pte_none(pfn 1, no prot)");
}

struct pte_bit_case {
	const char *flag;
	u32 bit;
	bool (*test)(pte_t);
	bool when_set;	/* what the predicate answers when the bit is set */
	pte_t (*set)(pte_t);	/* helper that sets the bit */
	pte_t (*clear)(pte_t);	/* helper that clears it */
};

static const struct pte_bit_case pte_bit_cases[] = {
	{ "L_PTE_PRESENT", L_PTE_PRESENT, pte_present, true, NULL, NULL },
	{ "L_PTE_YOUNG", L_PTE_YOUNG, pte_young, true, pte_mkyoung, pte_mkold },
	{ "L_PTE_DIRTY", L_PTE_DIRTY, pte_dirty, true, pte_mkdirty, pte_mkclean },
	{ "L_PTE_RDONLY", L_PTE_RDONLY, pte_write, false, pte_wrprotect, pte_mkwrite },
	{ "L_PTE_XN", L_PTE_XN, pte_exec, false, NULL, NULL },
	{ "L_PTE_USER", L_PTE_USER, pte_user, true, NULL, NULL },
};

static void pte_predicates_read_their_own_bit(void **state)
{
	const pte_t base = pfn_pte(PFN, 0);
	const u32 all = L_PTE_PRESENT | L_PTE_YOUNG | L_PTE_DEVICE | L_PTE_DIRTY |
			L_PTE_RDONLY | L_PTE_USER | L_PTE_XN;

	for (size_t i = 0; i < ARRAY_SIZE(pte_bit_cases); i++) {
		const struct pte_bit_case *t = &pte_bit_cases[i];

		/* Only this bit set, then every bit but this one: no other bit may matter. */
		expect_ul(t->test(base | t->bit), t->when_set, "predicate for %s, only %s set",
			  t->flag, t->flag);
		expect_ul(t->test(base | (all & ~t->bit)), !t->when_set,
			  "predicate for %s, every other bit set", t->flag);
	}
}

static void pte_modifiers_change_only_their_own_bit(void **state)
{
	static const u32 starts[] = { 0, L_PTE_PRESENT | L_PTE_YOUNG | L_PTE_DEVICE | L_PTE_DIRTY |
					      L_PTE_RDONLY | L_PTE_USER | L_PTE_XN };

	for (size_t i = 0; i < ARRAY_SIZE(pte_bit_cases); i++) {
		const struct pte_bit_case *t = &pte_bit_cases[i];

		if (!t->set)
			continue;
		for (size_t j = 0; j < ARRAY_SIZE(starts); j++) {
			pte_t pte = pfn_pte(PFN, starts[j]);

			expect_ul(t->set(pte), pte | t->bit, "setting %s on pte %#x", t->flag, pte);
			expect_ul(t->clear(pte), pte & ~t->bit, "clearing %s on pte %#x", t->flag,
				  pte);
			expect_ul(t->test(t->set(pte)), t->when_set,
				  "predicate after setting %s on pte %#x", t->flag, pte);
			expect_ul(t->test(t->clear(pte)), !t->when_set,
				  "predicate after clearing %s on pte %#x", t->flag, pte);
		}
	}
}

static void mkyoung_and_mkdirty_make_a_user_page_writable_to_the_mmu(void **state)
{
	/* The path the fault handler takes: old clean page, read fault, then write fault. */
	pte_t pte = pfn_pte(PFN, L_PTE_PRESENT | L_PTE_USER | L_PTE_XN);

	expect_ul(pte_to_hw(pte), 0, "hardware PTE of an old user page");
	pte = pte_mkyoung(pte);
	expect_ul(bits(pte_to_hw(pte), 9, 9), 1, "AP2 of a young clean user page (read-only)");
	pte = pte_mkdirty(pte);
	expect_ul(bits(pte_to_hw(pte), 9, 9), 0, "AP2 of a young dirty user page (writable)");
	pte = pte_wrprotect(pte);
	expect_ul(bits(pte_to_hw(pte), 9, 9), 1, "AP2 after pte_wrprotect (read-only)");
}

/* ---- first level: sections and page-table pointers ------------------------------------ */

struct section {
	unsigned int type, b, c, xn, domain, imp, ap, tex, ap2, s, ng, bit18, ns;
	u32 base;
};

static struct section decode_section(u32 d)
{
	return (struct section){
		.type = bits(d, 1, 0),
		.b = bits(d, 2, 2),
		.c = bits(d, 3, 3),
		.xn = bits(d, 4, 4),
		.domain = bits(d, 8, 5),
		.imp = bits(d, 9, 9),
		.ap = bits(d, 11, 10),
		.tex = bits(d, 14, 12),
		.ap2 = bits(d, 15, 15),
		.s = bits(d, 16, 16),
		.ng = bits(d, 17, 17),
		.bit18 = bits(d, 18, 18),
		.ns = bits(d, 19, 19),
		.base = d & 0xfff00000u,
	};
}

#define expect_section_field(t, field, seen)                                                     \
	expect_ul((seen).field, (t)->expected.field,                                            \
		  "mk_pmd_section(%#x, device=%d, readonly=%d, exec=%d) = %#x: field " #field,  \
		  (t)->phys, (t)->device, (t)->readonly, (t)->exec, d)

struct section_case {
	u32 phys;
	bool device, readonly, exec;
	struct section expected;	/* type 0b10, domain 0, nG/NS/bit 18 zero unless set */
};

#define SECT .type = 2, .domain = 0, .imp = 0, .ng = 0, .bit18 = 0, .ns = 0

static const struct section_case section_cases[] = {
	/* Kernel text: normal, read-only, executable. */
	{ 0x60000000u, false, true, true,
	  { SECT, NORMAL, .ap2 = 1, .ap = AP_KERNEL_ONLY, .xn = 0, .base = 0x60000000u } },
	/* Kernel data: normal, read/write, never executed. */
	{ 0x60100000u, false, false, false,
	  { SECT, NORMAL, .ap2 = 0, .ap = AP_KERNEL_ONLY, .xn = 1, .base = 0x60100000u } },
	/* Normal, RW, executable. */
	{ 0x7ff00000u, false, false, true,
	  { SECT, NORMAL, .ap2 = 0, .ap = AP_KERNEL_ONLY, .xn = 0, .base = 0x7ff00000u } },
	/* Normal, RO, never executed (rodata). */
	{ 0x60200000u, false, true, false,
	  { SECT, NORMAL, .ap2 = 1, .ap = AP_KERNEL_ONLY, .xn = 1, .base = 0x60200000u } },
	/* Device registers: device memory, RW, XN. */
	{ 0x10000000u, true, false, false,
	  { SECT, DEVICE, .ap2 = 0, .ap = AP_KERNEL_ONLY, .xn = 1, .base = 0x10000000u } },
	{ 0x1e000000u, true, true, false,
	  { SECT, DEVICE, .ap2 = 1, .ap = AP_KERNEL_ONLY, .xn = 1, .base = 0x1e000000u } },
	/* Low bits of the address below 1 MiB must not leak into the attributes. */
	{ 0x600fffffu, false, false, false,
	  { SECT, NORMAL, .ap2 = 0, .ap = AP_KERNEL_ONLY, .xn = 1, .base = 0x60000000u } },
	{ 0xfffabcdeu, true, false, false,
	  { SECT, DEVICE, .ap2 = 0, .ap = AP_KERNEL_ONLY, .xn = 1, .base = 0xfff00000u } },
	{ 0x00000000u, false, false, false,
	  { SECT, NORMAL, .ap2 = 0, .ap = AP_KERNEL_ONLY, .xn = 1, .base = 0 } },
};

static void mk_pmd_section_encodes_the_arm_section_format(void **state)
{
	for (size_t i = 0; i < ARRAY_SIZE(section_cases); i++) {
		const struct section_case *t = &section_cases[i];
		u32 d = mk_pmd_section(t->phys, t->device, t->readonly, t->exec);
		struct section seen = decode_section(d);

		expect_section_field(t, type, seen);
		expect_section_field(t, base, seen);
		expect_section_field(t, xn, seen);
		expect_section_field(t, ap2, seen);
		expect_section_field(t, ap, seen);
		expect_section_field(t, tex, seen);
		expect_section_field(t, c, seen);
		expect_section_field(t, b, seen);
		expect_section_field(t, s, seen);
		expect_section_field(t, ng, seen);
		expect_section_field(t, domain, seen);
		expect_section_field(t, imp, seen);
		expect_section_field(t, bit18, seen);
		expect_section_field(t, ns, seen);
	}
}

static void mk_pmd_table_points_to_a_1k_aligned_table(void **state)
{
	static const struct {
		u32 phys, expected;
	} cases[] = {
		/* type 0b01, domain 0 (bits 8:5), bits 9 and 4:2 zero (SBZ / PXN, NS off) */
		{ 0x60004000u, 0x60004001u },
		{ 0x60004400u, 0x60004401u },
		{ 0x60004c00u, 0x60004c01u },
		{ 0x600047ffu, 0x60004401u },	/* low 10 bits dropped */
		{ 0xfffffc00u, 0xfffffc01u },
		{ 0x00000000u, 0x00000001u },
	};

	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		u32 d = mk_pmd_table(cases[i].phys);

		expect_ul(d, cases[i].expected, "mk_pmd_table(%#x)", cases[i].phys);
		expect_ul(bits(d, 1, 0), 1, "type bits of mk_pmd_table(%#x)", cases[i].phys);
		expect_ul(bits(d, 8, 5), 0, "domain of mk_pmd_table(%#x)", cases[i].phys);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(present_young_ptes_encode_to_the_arm_small_page_format),
		cmocka_unit_test(not_present_pte_gives_a_fault_entry),
		cmocka_unit_test(old_pte_gives_a_fault_entry_so_the_access_flag_is_emulated),
		cmocka_unit_test(hardware_pte_carries_the_frame_address),
		cmocka_unit_test(pfn_pte_and_pte_pfn_round_trip),
		cmocka_unit_test(pfn_pte_masks_prot_bits_above_0xfff),
		cmocka_unit_test(pte_none_is_true_only_for_zero),
		cmocka_unit_test(pte_predicates_read_their_own_bit),
		cmocka_unit_test(pte_modifiers_change_only_their_own_bit),
		cmocka_unit_test(mkyoung_and_mkdirty_make_a_user_page_writable_to_the_mmu),
		cmocka_unit_test(mk_pmd_section_encodes_the_arm_section_format),
		cmocka_unit_test(mk_pmd_table_points_to_a_1k_aligned_table),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
