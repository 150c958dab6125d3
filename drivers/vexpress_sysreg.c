// SPDX-License-Identifier: MIT
/*
 * Versatile Express system registers (Motherboard Express uATX TRM, section 4.3): the
 * configuration interface SYS_CFGCTRL reaches the board's power controller.
 */
#include <drivers/sysreg.h>
#include <asm/io.h>

#define SYS_CFGDATA	0xa0
#define SYS_CFGCTRL	0xa4
#define SYS_CFGSTAT	0xa8

#define CFGCTRL_START	(1u << 31)
#define CFGCTRL_WRITE	(1u << 30)
#define CFGCTRL_FUNC(f)	((u32)(f) << 20)
#define CFG_FUNC_SHUTDOWN 8

static void *sysreg;

void vexpress_sysreg_init(void *base)
{
	sysreg = base;
}

void vexpress_power_off(void)
{
	if (!sysreg)
		return;
	writel(0, sysreg + SYS_CFGDATA);
	writel(0, sysreg + SYS_CFGSTAT);
	writel(CFGCTRL_START | CFGCTRL_WRITE | CFGCTRL_FUNC(CFG_FUNC_SHUTDOWN),
	       sysreg + SYS_CFGCTRL);
}

/*
 * ARM semihosting (Semihosting for AArch32 and AArch64, v2.0): in ARM state, `svc 0x123456`
 * with the operation in r0 and a parameter block in r1 is caught by the debugger, here
 * QEMU. SYS_EXIT_EXTENDED (0x20) takes {reason, status}; reason ADP_Stopped_ApplicationExit
 * (0x20026) makes QEMU exit with that status.
 */
#define SYS_EXIT_EXTENDED		0x20
#define ADP_STOPPED_APPLICATION_EXIT	0x20026

void semihosting_exit(u32 status)
{
	u32 block[2] = { ADP_STOPPED_APPLICATION_EXIT, status };
	register u32 r0 __asm__("r0") = SYS_EXIT_EXTENDED;
	register u32 *r1 __asm__("r1") = block;

	__asm__ volatile("svc 0x123456" : "+r"(r0) : "r"(r1) : "memory");
}
