// SPDX-License-Identifier: MIT
/*
 * poweroff: write everything back (sync), then switch the machine off (reboot(2) with
 * RB_POWER_OFF; QEMU exits).
 */
#include <sys/reboot.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(void)
{
	sync();
	reboot(RB_POWER_OFF);
	fprintf(stderr, "poweroff: %s\n", strerror(errno));
	return 1;
}
