# gdb helpers for the teaching kernel, loaded by tools/gdbinit (`make gdb`).
#
#   pgwalk ADDR [TABLE]   walk the page tables for one virtual address, as the MMU does
#   ptdump [START END]    list the kernel's mappings as ranges with their permissions
#   dmesg                 print the kernel log (the printk ring buffer)
#
# They only read memory through gdb (QEMU translates our reads with the CPU's current
# page tables), so they work whenever the MMU is on; the tables are complete from
# paging_init() on (e.g. `break mem_init` or `break kernel_init`).
#
# The formats are described in include/asm/pgtable-hwdef.h (what the hardware walks),
# include/mm/pgtable.h (the "pte page": 512 software PTEs, then the hardware tables at
# +2048) and include/asm/memory.h (the virtual layout).

import gdb

PAGE_OFFSET = 0x80000000
VMALLOC_START, VMALLOC_END = 0xC0000000, 0xF0000000
IOREMAP_START, IOREMAP_END = 0xF0000000, 0xFF000000
LOWMEM_MAX_SIZE = 0x40000000
PTE_HWTABLE_OFF = 2048      # hardware entries follow the 512 software ones

# Software PTE bits (include/mm/pgtable.h), in the order they are printed.
L_PTE_BITS = [(0, "present"), (1, "young"), (3, "device"), (6, "dirty"),
              (7, "rdonly"), (8, "user"), (9, "xn")]


# ---- reading memory -------------------------------------------------------------------

def read_words(vaddr, count):
    """count little-endian u32 words at a kernel virtual address."""
    try:
        data = bytes(gdb.selected_inferior().read_memory(vaddr, 4 * count))
    except gdb.MemoryError:
        raise gdb.GdbError("cannot read 0x%08x: is the MMU on yet? (stop after paging_init, "
                           "e.g. `break mem_init`)" % vaddr)
    return [int.from_bytes(data[i:i + 4], "little") for i in range(0, len(data), 4)]


def address_of(expr):
    """The address an expression names: `0x80010000`, `start_kernel`, `&swapper_pg_dir`."""
    v = gdb.parse_and_eval(expr)
    if v.type.strip_typedefs().code in (gdb.TYPE_CODE_FUNC, gdb.TYPE_CODE_ARRAY):
        v = v.address
    return int(v) & 0xFFFFFFFF


def phys_to_virt(pa):
    """__va(): the linear map puts RAM at PAGE_OFFSET, starting from phys_base."""
    phys_base = int(gdb.parse_and_eval("phys_base"))
    if not phys_base <= pa < phys_base + LOWMEM_MAX_SIZE:
        raise gdb.GdbError("physical 0x%08x is outside the linear map" % pa)
    return PAGE_OFFSET + (pa - phys_base)


EMPTY = ("(the table does not even map the kernel image: paging_init() has not run yet; "
         "try `break mem_init`)\n")


# ---- decoding descriptor fields (ARM ARM B3.5-B3.8, SCTLR.TRE = 0, AFE = 0) -----------

def access(ap2, ap):
    """AP[2]:AP[1:0] -> (kernel, user), each "none", "ro" or "rw" (table B3-8)."""
    table = {0: ("none", "none"), 1: ("rw", "none"), 2: ("rw", "ro"), 3: ("rw", "rw"),
             5: ("ro", "none"), 6: ("ro", "ro"), 7: ("ro", "ro")}
    return table.get(ap2 << 2 | ap, ("reserved", "reserved"))


WORDS = {"none": "no access", "ro": "read-only", "rw": "read/write", "reserved": "reserved"}


def memory_type(tex, c, b):
    """TEX/C/B -> memory type in words (table B3-10)."""
    simple = {(0, 0, 0): "Strongly-ordered", (0, 0, 1): "Device (shareable)",
              (0, 1, 0): "Normal, write-through", (0, 1, 1): "Normal, write-back",
              (1, 0, 0): "Normal, non-cacheable", (1, 1, 1): "Normal, write-back write-allocate",
              (2, 0, 0): "Device (non-shareable)"}
    if tex & 4:     # TEX = 1BB: outer policy in BB, inner policy in C,B
        policy = ["non-cacheable", "WB-WA", "WT", "WB"]
        return "Normal, outer %s, inner %s" % (policy[tex & 3], policy[c << 1 | b])
    return simple.get((tex, c, b), "reserved")


def short_type(mt):
    """A column-sized memory type for ptdump."""
    return (mt.replace("Normal, ", "Normal ").replace("write-back write-allocate", "WB-WA")
            .replace(" (shareable)", "").replace("write-back", "WB").replace("write-through", "WT"))


def perm_string(kernel, user, xn):
    """("ro", "none", False) -> "r-x" for the kernel, plus the user's rights if any."""
    def rwx(p):
        return ("r" if p in ("ro", "rw") else "-") + ("w" if p == "rw" else "-")
    s = rwx(kernel) + ("-" if xn else "x")
    if user != "none":
        s += " user:" + rwx(user) + ("-" if xn else "x")
    return s


class Mapping:
    """What one descriptor (a section or a small page) says, decoded."""

    def __init__(self, kind, pa, size, ap2, ap, xn, tex, c, b, s, ng):
        self.kind, self.pa, self.size = kind, pa, size
        self.kernel, self.user = access(ap2, ap)
        self.ap = ap2 << 2 | ap
        self.xn, self.tex, self.c, self.b, self.s, self.ng = xn, tex, c, b, s, ng
        self.mtype = memory_type(tex, c, b)

    @staticmethod
    def section(d):
        # [31:20] base | 17 nG | 16 S | 15 AP2 | 14:12 TEX | 11:10 AP | 4 XN | 3 C | 2 B
        return Mapping("section", pa=d & 0xFFF00000, size=1 << 20,
                       ap2=d >> 15 & 1, ap=d >> 10 & 3, xn=d >> 4 & 1,
                       tex=d >> 12 & 7, c=d >> 3 & 1, b=d >> 2 & 1, s=d >> 16 & 1, ng=d >> 17 & 1)

    @staticmethod
    def small_page(d):
        # [31:12] base | 11 nG | 10 S | 9 AP2 | 8:6 TEX | 5:4 AP | 3 C | 2 B | 0 XN
        return Mapping("page", pa=d & 0xFFFFF000, size=1 << 12,
                       ap2=d >> 9 & 1, ap=d >> 4 & 3, xn=d & 1,
                       tex=d >> 6 & 7, c=d >> 3 & 1, b=d >> 2 & 1, s=d >> 10 & 1, ng=d >> 11 & 1)

    def attributes(self):
        """What ptdump merges on: everything but the address."""
        return (self.kind, self.kernel, self.user, self.xn, self.mtype,
                self.s and self.normal(), self.ng)

    def describe(self, indent):
        """The fields in words, for pgwalk."""
        rights = "kernel %s, user %s" % (WORDS[self.kernel], WORDS[self.user])
        gdb.write("%sAP=0b%s (%s), %s\n" % (indent, format(self.ap, "03b"), rights,
                  "XN: execute-never" if self.xn else "executable"))
        # S only matters for Normal memory: Device and Strongly-ordered say it in the type.
        share = ("shareable, " if self.s else "not shareable, ") if self.normal() else ""
        gdb.write("%sTEX=%d C=%d B=%d: %s, %s%s\n" % (
            indent, self.tex, self.c, self.b, self.mtype, share,
            "nG: this process only (ASID)" if self.ng else "global"))

    def normal(self):
        return self.mtype.startswith("Normal")

    def summary(self, va):
        perms = "read-only" if self.kernel == "ro" else "read-write"
        if self.kernel not in ("ro", "rw"):
            perms = "no kernel access"
        return "0x%08x -> physical 0x%08x: %s, %s%s, %s memory (%s)" % (
            va, self.pa + (va & (self.size - 1)), perms,
            "execute-never" if self.xn else "executable",
            "" if self.user == "none" else ", user " + WORDS[self.user],
            self.mtype.split(",")[0].split(" (")[0], self.kind)


# ---- pgwalk ---------------------------------------------------------------------------

def first_level_table(arg):
    if arg:
        return address_of(arg), arg
    return address_of("&swapper_pg_dir"), "swapper_pg_dir"


class PgWalk(gdb.Command):
    """Walk the page tables for a virtual address: pgwalk ADDR [TABLE]

ADDR is any expression (0x80010000, start_kernel, &jiffies). Prints the first-level
entry, and for a page table the software PTE and the hardware PTE, decoded.
TABLE is the virtual address of a first-level table; by default swapper_pg_dir,
which translates the kernel half (0x80000000 and up, TTBR1)."""

    def __init__(self):
        super().__init__("pgwalk", gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        argv = gdb.string_to_argv(arg)
        if len(argv) not in (1, 2):
            raise gdb.GdbError("usage: pgwalk ADDR [TABLE]")
        va = address_of(argv[0])
        if va < PAGE_OFFSET and len(argv) == 1:
            gdb.write("0x%08x is a user address: translated through TTBR0, the running "
                      "process's table.\nTTBR0 tables arrive with processes; give one as "
                      "TABLE to walk it.\n" % va)
            return
        pgd, name = first_level_table(argv[1] if len(argv) == 2 else None)
        index = va >> 20
        pmd = read_words(pgd + 4 * index, 1)[0]
        gdb.write("virtual 0x%08x: first-level index 0x%03x, second-level index 0x%02x, "
                  "offset 0x%03x\n" % (va, index, va >> 12 & 0xFF, va & 0xFFF))
        gdb.write("  first level   %s[0x%03x] = 0x%08x (at 0x%08x)\n%16s" % (
                  name, index, pmd, pgd + 4 * index, ""))
        kind = pmd & 3
        if kind == 0:
            gdb.write("fault (nothing mapped in this MiB)\n=> 0x%08x is not mapped\n" % va)
            if read_words(pgd + 4 * (PAGE_OFFSET >> 20), 1)[0] == 0:
                gdb.write(EMPTY)
        elif kind == 2 and pmd & (1 << 18):
            gdb.write("supersection (16 MiB): not used by this kernel\n")
        elif kind == 2:
            m = Mapping.section(pmd)
            gdb.write("section: 1 MiB at physical 0x%08x, domain %d\n" % (m.pa, pmd >> 5 & 15))
            m.describe(" " * 16)
            gdb.write("=> %s\n" % m.summary(va))
        elif kind == 1:
            self.walk_table(va, pmd)
        else:
            gdb.write("reserved encoding 0b11: faults on the Cortex-A9\n")

    def walk_table(self, va, pmd):
        hw_table = pmd & 0xFFFFFC00
        gdb.write("page table: hardware table at physical 0x%08x, domain %d\n"
                  % (hw_table, pmd >> 5 & 15))
        # The hardware table sits 2 or 3 KiB into a 4 KiB pte page; the page starts with
        # the 512 software PTEs for the whole 2 MiB (include/mm/pgtable.h).
        page_pa = hw_table & ~0xFFF
        page = phys_to_virt(page_pa)
        i = va >> 12 & 511
        # What the MMU reads: entry (va >> 12) & 255 of the hardware table.
        hw_entry = phys_to_virt(hw_table) + 4 * (va >> 12 & 255)
        sw, hw = read_words(page + 4 * i, 1)[0], read_words(hw_entry, 1)[0]
        gdb.write("  pte page      0x%08x (physical 0x%08x), software entry %d of 512\n"
                  % (page, page_pa, i))
        flags = [n for bit, n in L_PTE_BITS if sw >> bit & 1]
        gdb.write("  software PTE  0x%08x: %s, pfn 0x%05x\n"
                  % (sw, " ".join(flags) if flags else "none (0)", sw >> 12))
        gdb.write("  hardware PTE  0x%08x (at 0x%08x, entry %d of the table)\n%16s"
                  % (hw, hw_entry, va >> 12 & 255, ""))
        if hw & 3 == 0:
            why = ("not present" if not sw & 1 else "old: the first access faults to mark it "
                   "young" if not sw & 2 else "?")
            gdb.write("fault (%s)\n=> 0x%08x is not mapped\n" % (why, va))
        elif hw & 2:
            m = Mapping.small_page(hw)
            gdb.write("small page (4 KiB) at physical 0x%08x\n" % m.pa)
            m.describe(" " * 16)
            if sw & 1 and sw & 2 and not sw & (1 << 6) and not sw & (1 << 7):
                gdb.write(" " * 16 + "(writable but clean: read-only to the MMU until the "
                          "first write marks it dirty)\n")
            gdb.write("=> %s\n" % m.summary(va))
        else:
            gdb.write("large page (64 KiB): not used by this kernel\n")


# ---- ptdump ---------------------------------------------------------------------------

AREAS = [(0, "User space (TTBR0: not in swapper_pg_dir)"),
         (PAGE_OFFSET, "Kernel linear map (lowmem)"), (VMALLOC_START, "vmalloc() area"),
         (IOREMAP_START, "ioremap() area"), (IOREMAP_END, "Unused (guard)")]


def area_of(va):
    return max(i for i, (first, _) in enumerate(AREAS) if first <= va)


def size_string(n):
    for unit, shift in (("G", 30), ("M", 20)):
        if n % (1 << shift) == 0:
            return "%d%s" % (n >> shift, unit)
    return "%dK" % (n >> 10)


class PtDump(gdb.Command):
    """List the kernel's mappings: ptdump [START END]

Walks swapper_pg_dir from START to END (default 0x80000000 to the top) and prints
one line per run of neighbouring entries with the same attributes that map
contiguous physical memory: virtual range, size, section or page, permissions
(kernel, and the user's if any), memory type, and the physical start. Like
Linux's /sys/kernel/debug/kernel_page_tables."""

    def __init__(self):
        super().__init__("ptdump", gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        argv = gdb.string_to_argv(arg)
        if len(argv) not in (0, 2):
            raise gdb.GdbError("usage: ptdump [START END]")
        start, end = PAGE_OFFSET, 1 << 32
        if argv:
            start, end = address_of(argv[0]), address_of(argv[1]) or 1 << 32
        pgd = read_words(address_of("&swapper_pg_dir"), 4096)

        # Merge neighbours (no gap between them, virtual or physical) with the same
        # attributes into runs.
        runs = []       # [first va, end va, key, first pa, Mapping]
        for va, m in self.entries(pgd, start, end):
            key = (area_of(va),) + m.attributes()
            last = runs[-1] if runs else None
            if last and last[1] == va and last[2] == key and m.pa == last[3] + (va - last[0]):
                last[1] = va + m.size
            else:
                runs.append([va, va + m.size, key, m.pa, m])

        if not runs:
            gdb.write(EMPTY)
        area = None
        for va, va_end, key, pa, m in runs:
            if key[0] != area:
                area = key[0]
                gdb.write("---[ %s ]---\n" % AREAS[area][1])
            gdb.write("0x%08x-0x%08x %5s  %-7s  %-13s  %-13s %-7s%s -> 0x%08x\n" % (
                va, va_end & 0xFFFFFFFF, size_string(va_end - va), m.kind,
                perm_string(m.kernel, m.user, m.xn), short_type(m.mtype),
                "shared" if key[6] else "", " nG" if m.ng else "", pa))

    @staticmethod
    def entries(pgd, start, end):
        """(va, Mapping) for each section or small page mapped in [start, end)."""
        va = start & 0xFFF00000
        while va < end:
            pmd = pgd[va >> 20]
            if pmd & 3 == 2 and not pmd & (1 << 18):
                yield va, Mapping.section(pmd)
            elif pmd & 3 == 1:
                table = read_words(phys_to_virt(pmd & 0xFFFFFC00), 256)
                for i, hw in enumerate(table):
                    if hw & 2 and start <= va + (i << 12) < end:
                        yield va + (i << 12), Mapping.small_page(hw)
            va += 1 << 20


# ---- dmesg ----------------------------------------------------------------------------

class Dmesg(gdb.Command):
    """Print the kernel log: dmesg

Reads the printk ring buffer (kernel/printk.c): log_buf holds the last
sizeof(log_buf) bytes, log_end counts every byte ever logged."""

    def __init__(self):
        super().__init__("dmesg", gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        buf = gdb.parse_and_eval("log_buf")
        size = buf.type.sizeof
        try:
            end = int(gdb.parse_and_eval("log_end"))
            data = bytes(gdb.selected_inferior().read_memory(buf.address, size))
        except gdb.MemoryError:
            raise gdb.GdbError("cannot read log_buf: is the MMU on yet?")
        # Byte i of the log is log_buf[i % size]; only the last `size` bytes are kept.
        if end <= size:
            text = data[:end]
        else:
            text = data[end % size:] + data[:end % size]
        gdb.write(text.decode("utf-8", "replace"))


PgWalk()
PtDump()
Dmesg()
