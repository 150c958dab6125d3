// SPDX-License-Identifier: MIT
#include <kernel/reboot.h>
#include <kernel/printk.h>
#include <kernel/params.h>
#include <drivers/sysreg.h>
#include <asm/irqflags.h>
#include <lib/string.h>

void machine_halt(void)
{
	local_irq_disable();
	for (;;)
		cpu_wfi();
}

void machine_power_off(int status)
{
	char how[32] = "";

	printk(KERN_EMERG "reboot: Power down (status %d)\n", status);
	local_irq_disable();
	if (cmdline_get("poweroff", how, sizeof(how)) && !strcmp(how, "semihosting"))
		semihosting_exit((u32)status);
	vexpress_power_off();
	machine_halt();
}
