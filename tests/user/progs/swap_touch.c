// SPDX-License-Identifier: MIT
/*
 * swap_touch MIB: writes a pattern into MIB MiB of anonymous memory (one word per page),
 * reads it all back, and prints the vmstat swap counters. With less RAM than MIB, the pages
 * must go to swap and come back intact.
 */
#include <sys/mman.h>
#include <time.h>
#include "tap.h"
#include "mm_common.h"

int main(int argc, char **argv)
{
	unsigned long mib = argc > 1 ? strtoul(argv[1], NULL, 10) : 96;
	unsigned long pages = mib * 256, i, bad = 0;
	long out0 = vmstat("pswpout"), in0 = vmstat("pswpin");
	unsigned int *p = mmap(NULL, pages * 4096, PROT_READ | PROT_WRITE,
			       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	struct timespec t0, t1, t2;
	long out1, in1;

	tap_check(p != MAP_FAILED, "map", "%s", "mmap failed");
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (i = 0; i < pages; i++)
		p[i * 1024] = (unsigned int)(i * 2654435761u);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	out1 = vmstat("pswpout") - out0;
	in1 = vmstat("pswpin");
	for (i = 0; i < pages; i++)
		bad += p[i * 1024] != (unsigned int)(i * 2654435761u);
	clock_gettime(CLOCK_MONOTONIC, &t2);
	{
		/* Under -icount these are guest instructions: pages per guest second. */
		long long w = (t1.tv_sec - t0.tv_sec) * 1000000000LL + (t1.tv_nsec - t0.tv_nsec);
		long long r = (t2.tv_sec - t1.tv_sec) * 1000000000LL + (t2.tv_nsec - t1.tv_nsec);

		printf("# write pass: %lld ns, %ld pages out, %lld pages/s out, %lld ns per page\n", w,
		       out1, out1 * 1000000000LL / (w ? w : 1), w / (long long)pages);
		printf("# read pass: %lld ns, %ld pages in, %lld pages/s in, %lld ns per page\n", r,
		       vmstat("pswpin") - in1, (vmstat("pswpin") - in1) * 1000000000LL / (r ? r : 1),
		       r / (long long)pages);
	}
	tap_check(bad == 0, "every_page_reads_back_its_pattern", "%lu pages wrong", bad);
	printf("# pswpout %ld pswpin %ld pgscan %ld pgsteal %ld oom_kill %ld\n",
	       vmstat("pswpout") - out0, vmstat("pswpin") - in0, vmstat("pgscan"),
	       vmstat("pgsteal"), vmstat("oom_kill"));
	return tap_done();
}
