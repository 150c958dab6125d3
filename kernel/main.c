// SPDX-License-Identifier: MIT
/*
 * start_kernel: the order in which the kernel comes up, called by boot/head.S with the MMU
 * on, on the boot thread's stack, interrupts masked.
 */
#include <boot/bootinfo.h>
#include <kernel/printk.h>
#include <kernel/panic.h>
#include <kernel/params.h>
#include <kernel/sched.h>
#include <kernel/timer.h>
#include <kernel/ktest.h>
#include <kernel/reboot.h>
#include <kernel/errno.h>
#include <mm/mmu.h>
#include <mm/page_alloc.h>
#include <drivers/board.h>
#include <drivers/console.h>
#include <drivers/gic.h>
#include <drivers/timer.h>
#include <drivers/sysreg.h>
#include <drivers/pl310.h>
#include <drivers/ramdisk.h>
#include <drivers/virtio.h>
#include <asm/cacheflush.h>
#include <asm/memory.h>
#include <asm/io.h>
#include <lib/string.h>
#include <fs/fs.h>
#include <mm/swap.h>
#include <kernel/files.h>
#include <kernel/syscalls.h>
#include <block/blkdev.h>
#include <asm/irqflags.h>

void console_register(void);
void printk_clock_ready(void);
void time_init_clock(u32 rate);
void time_set_realtime_base(u32 seconds);
void page_wait_table_init(void);
void ext2_init(void);
void memory_init(void);
void proc_init(void);

struct bootinfo boot_info;

extern char _text[], _etext[], _erodata[], _data[], __bss_start[], _end[];

static void parse_boot_blob(phys_addr_t blob)
{
	const void *p = __va(blob);
	int err = -EINVAL;

	if (blob < phys_base || blob - phys_base >= LOWMEM_MAX_SIZE - SECTION_SIZE)
		panic("boot: r2 = %08x is not in RAM: no ATAGS or device tree", blob);
	/* The blob is mapped through the end of the next MiB (paging_init). */
	if (fdt_looks_valid(p))
		err = fdt_parse(p, 2 * SECTION_SIZE - (blob & (SECTION_SIZE - 1)), &boot_info);
	else
		err = atags_parse(p, 2 * SECTION_SIZE - (blob & (SECTION_SIZE - 1)), &boot_info);
	if (err)
		panic("boot: cannot parse the boot information at %08x (%d): neither a device tree "
		      "nor an ATAGS list", blob, err);
	if (boot_info.nr_mem == 0)
		panic("boot: the %s at %08x describes no RAM", boot_info.source, blob);
}

static void devices_init(void)
{
	void *mpcore = ioremap(A9_MPCORE_PRIV, 0x2000);
	void *l2 = ioremap(VEXPRESS_PL310, 0x1000);
	u32 rate = A9_GTIMER_DEFAULT_HZ;

	if (!mpcore || !l2)
		panic("ioremap of the MPCore private region failed");
	pl310_init(l2);
	gic_init(mpcore + A9_GICD_OFFSET, mpcore + A9_GICC_OFFSET);
	a9_gtimer_init(mpcore + A9_GTIMER_OFFSET, rate);
	time_init_clock(rate);
	printk_clock_ready();
	{
		/* PL031 RTC (PrimeCell RTC TRM 3.3): RTCDR at 0 counts seconds since 1970. */
		void *rtc = ioremap(VEXPRESS_RTC, 0x1000);

		if (rtc)
			time_set_realtime_base(readl(rtc));
	}
	sp804_tick_init(ioremap(VEXPRESS_TIMER01, 0x1000), IRQ_TIMER01, SP804_CLOCK_HZ, HZ);
	pl011_enable_rx_irq(IRQ_UART0);
	if (boot_info.initrd_size)
		ramdisk_init(boot_info.initrd_start, boot_info.initrd_size);
	virtio_mmio_probe_all();
}

static void print_banner(void)
{
	unsigned long free = nr_free_pages();

	printk(KERN_INFO "Booting the teaching kernel on a Cortex-A9 (vexpress-a9)\n");
	printk(KERN_INFO "Boot information from %s: %d RAM bank(s)\n", boot_info.source,
	       boot_info.nr_mem);
	printk(KERN_INFO "Memory: %lu KiB RAM at %08x-%08x, %lu KiB free, mem_map at %08x\n",
	       (unsigned long)(mem_layout.ram_end - mem_layout.ram_start) / 1024,
	       mem_layout.ram_start, mem_layout.ram_end, free * (PAGE_SIZE / 1024),
	       mem_layout.mem_map_start);
	printk(KERN_INFO "Virtual kernel memory layout:\n");
	printk(KERN_INFO "    lowmem  : 0x%08lx - 0x%08lx (%4lu MiB)\n", PAGE_OFFSET,
	       (unsigned long)__va(mem_layout.ram_end),
	       (unsigned long)(mem_layout.ram_end - mem_layout.ram_start) >> 20);
	printk(KERN_INFO "    vmalloc : 0x%08lx - 0x%08lx\n", VMALLOC_START, VMALLOC_END);
	printk(KERN_INFO "    ioremap : 0x%08lx - 0x%08lx\n", IOREMAP_START, IOREMAP_END);
	printk(KERN_INFO "      .text : 0x%p - 0x%p (%4u KiB) r-x\n", _text, _etext,
	       (unsigned int)(_etext - _text) / 1024);
	printk(KERN_INFO "    .rodata : 0x%p - 0x%p (%4u KiB) r--\n", _etext, _erodata,
	       (unsigned int)(_erodata - _etext) / 1024);
	printk(KERN_INFO "      .data : 0x%p - 0x%p (%4u KiB) rw-\n", _data, __bss_start,
	       (unsigned int)(__bss_start - _data) / 1024);
	printk(KERN_INFO "       .bss : 0x%p - 0x%p (%4u KiB) rw-\n", __bss_start, _end,
	       (unsigned int)(_end - __bss_start) / 1024);
	if (boot_info.initrd_size)
		printk(KERN_INFO "initrd: %u KiB at %08x\n", boot_info.initrd_size / 1024,
		       boot_info.initrd_start);
	else
		printk(KERN_INFO "initrd: none\n");
	printk(KERN_INFO "Free pages: %lu of %lu\n", free, totalram_pages());
	printk(KERN_INFO "Kernel command line: %s\n", saved_command_line());
}

/* Mounts the root filesystem: root=DEV (default /dev/ram0, the initrd) as ext2. */
static void prepare_namespace(void)
{
	char dev[32] = "/dev/ram0";

	cmdline_get("root", dev, sizeof(dev));
	if (!lookup_bdev(dev)) {
		printk(KERN_WARNING "VFS: no root device %s: running without a filesystem\n", dev);
		return;
	}
	if (mount_root(dev, "ext2") == 0 && do_mount("proc", "/proc", "proc", true))
		printk(KERN_WARNING "VFS: cannot mount /proc (no /proc directory?)\n");
	/* swap=/dev/vdX: start swapping there at once (tools/qemu-run --swap SIZE sets it). */
	if (cmdline_get("swap", dev, sizeof(dev))) {
		int err = swapon_path(dev, -1);

		if (err)
			printk(KERN_ERR "swap: cannot use %s as swap (error %d)\n", dev, err);
	}
}

#define INIT_MAX_ARGS 32

/* Gives the first process the console as descriptors 0, 1 and 2, and / as its directory. */
static int init_process_context(void)
{
	struct file *con = console_open();
	int i;

	current->files = files_alloc();
	if (!con || !current->files)
		return -ENOMEM;
	for (i = 0; i < 3; i++) {
		fget(con);
		fd_install_lowest(con, 0);
	}
	fput(con);
	current->cwd = root_inode;
	ihold(root_inode);
	strlcpy(current->cwd_path, "/", sizeof(current->cwd_path));
	current->umask = 0022;		/* as Linux starts init: group and others may not write */
	return 0;
}

/*
 * Runs the first program as pid 1: init=PATH from the command line (with the words after
 * "--" as its arguments), else /sbin/init. When an init= program ends, the machine powers
 * off with its status (kernel/exit.c); that is how tests run programs.
 */
static void run_init_process(void)
{
	static char path[128] = "/sbin/init", args[512];
	static const char *argv[INIT_MAX_ARGS + 2], *envp[] = { "HOME=/", "PATH=/bin:/sbin",
								  "TERM=vt100", NULL };
	const char *dashes = strstr(saved_command_line(), " -- ");
	bool asked = cmdline_get("init", path, sizeof(path));
	int argc = 0, err;
	char *p;

	argv[argc++] = path;
	if (dashes) {
		strlcpy(args, dashes + 4, sizeof(args));
		for (p = args; *p && argc < INIT_MAX_ARGS;) {
			while (*p == ' ')
				*p++ = '\0';
			if (!*p)
				break;
			argv[argc++] = p;
			while (*p && *p != ' ')
				p++;
		}
	}
	argv[argc] = NULL;
	if (!root_inode || init_process_context()) {
		printk(KERN_ERR "init: no root filesystem: nothing to run\n");
		return;
	}
	strlcpy(current->comm, "init", sizeof(current->comm));
	err = do_execve(path, argv, envp);
	if (err) {
		printk(KERN_ERR "init: cannot run %s: error %d\n", path, err);
		if (asked)
			machine_power_off(127);	/* as a shell says "command not found" */
		return;
	}
	start_user(current_pt_regs());
}

/* The first kernel thread: mounts the root and becomes the first process. */
static int kernel_init(void *unused)
{
	prepare_namespace();
	if (ktest_requested())
		machine_power_off(ktest_run_selected());
	run_init_process();
	printk(KERN_INFO "Nothing to run: idling (interrupts on, CPU in wfi)\n");
	return 0;
}

void start_kernel(phys_addr_t boot_blob, u32 machine_type)
{
	char level[4];

	cache_init();
	paging_init(boot_blob);

	/* The console first, so that anything going wrong from here on is reported. */
	vexpress_sysreg_init(ioremap(VEXPRESS_SYSREGS, 0x1000));
	pl011_init(ioremap(VEXPRESS_UART0, 0x1000));
	console_register();

	parse_boot_blob(boot_blob);
	params_init(boot_info.cmdline);
	if (cmdline_get("loglevel", level, sizeof(level)))
		console_loglevel = (int)simple_strtoul(level, NULL, 10);
	{
		extern bool trace_faults;

		trace_faults = cmdline_list_has("trace", "faults");
	}
	map_lowmem(&boot_info);
	mem_init(&boot_info);

	sched_init();
	page_wait_table_init();
	memory_init();
	ext2_init();
	proc_init();
	devices_init();
	print_banner();
	printk(KERN_INFO "machine type 0x%x\n", machine_type);

	local_irq_enable();
	if (!kthread_run(kernel_init, NULL, "init"))
		panic("cannot create the init thread");
	kswapd_init();
	cpu_idle();
}
