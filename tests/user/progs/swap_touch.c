// SPDX-License-Identifier: MIT
/*
 * swap_touch MIB: writes a pattern into MIB MiB of anonymous memory (one word per page),
 * reads it all back, and prints the vmstat swap counters. With less RAM than MIB, the pages
 * must go to swap and come back intact.
 */
#include <sys/mman.h>
#include "tap.h"
#include "mm_common.h"

int main(int argc, char **argv)
{
	unsigned long mib = argc > 1 ? strtoul(argv[1], NULL, 10) : 96;
	unsigned long pages = mib * 256, i, bad = 0;
	long out0 = vmstat("pswpout"), in0 = vmstat("pswpin");
	unsigned int *p = mmap(NULL, pages * 4096, PROT_READ | PROT_WRITE,
			       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	tap_check(p != MAP_FAILED, "map", "%s", "mmap failed");
	for (i = 0; i < pages; i++)
		p[i * 1024] = (unsigned int)(i * 2654435761u);
	printf("# written: pswpout %ld\n", vmstat("pswpout") - out0);
	for (i = 0; i < pages; i++)
		bad += p[i * 1024] != (unsigned int)(i * 2654435761u);
	tap_check(bad == 0, "every_page_reads_back_its_pattern", "%lu pages wrong", bad);
	printf("# pswpout %ld pswpin %ld pgscan %ld pgsteal %ld oom_kill %ld\n",
	       vmstat("pswpout") - out0, vmstat("pswpin") - in0, vmstat("pgscan"),
	       vmstat("pgsteal"), vmstat("oom_kill"));
	return tap_done();
}
