// SPDX-License-Identifier: MIT
/*
 * The limits of an address space, as Linux enforces them: when no gap is left, mmap fails
 * with ENOMEM; when the process has as many VMAs as it may (Linux: vm.max_map_count, 65530
 * by default; ours: MAX_MAP_COUNT, 1024), mmap fails with ENOMEM, and so does an mprotect or
 * munmap that would split a VMA; either way the process lives on and can map again once it
 * has unmapped.
 *
 *   mmap_limits [--qemu-user] [DIR]     (DIR is not used)
 *
 * Runs on our kernel (tests/qemu/mmap.sh) and on Linux (tests/user/run-linux-oracle.sh).
 */
#define _GNU_SOURCE
#include "mmap_test.h"

#define CHUNK	   (256u << 20)
#define MAX_CHUNKS 64	  /* 16 GiB: more than any 32-bit address space */
#define MAX_MAPS   100000 /* more than Linux's default limit of 65530 */

/* At the host's limit the host refuses even that mmap, and qemu-user ignores the failure:
 * the guest's munmap returns 0 and frees nothing. */
#define QEMU_UNMAP "qemu-user unmaps with a host mmap(PROT_NONE) and ignores its failure"

static void *chunks[MAX_CHUNKS];
static void *maps[MAX_MAPS];

/* A mapping the process can still use: one page, written and read back. */
static int can_map_again(void)
{
	char *p = mmap(NULL, PAGE, RW, ANON, -1, 0);
	int ok;

	if (p == MAP_FAILED)
		return 0;
	p[0] = 'x';
	p[PAGE - 1] = 'y';
	ok = p[0] == 'x' && p[PAGE - 1] == 'y';
	munmap(p, PAGE);
	return ok;
}

static void test_address_space_full(void)
{
	int n, err = 0, i;

	/* PROT_NONE and MAP_NORESERVE: address space only, no memory */
	for (n = 0; n < MAX_CHUNKS; n++) {
		chunks[n] = mmap(NULL, CHUNK, PROT_NONE, ANON | MAP_NORESERVE, -1, 0);
		if (chunks[n] == MAP_FAILED) {
			err = errno;
			break;
		}
	}
	for (i = 0; i < n; i++)
		munmap(chunks[i], CHUNK);
	printf("# %d mappings of 256 MiB before mmap failed\n", n);
	tap_check(
	    n > 0 && n < MAX_CHUNKS && err == ENOMEM, "mmap_when_no_gap_is_left_is_enomem",
	    "expected some 256 MiB mappings, then ENOMEM (%d), seen %d mappings then errno %d",
	    ENOMEM, n, err);
	tap_check(can_map_again(), "process_maps_again_after_the_address_space_was_full",
		  "expected a usable page, seen errno %d", errno);
}

/* What the child at the map count limit saw, in memory shared with the parent. */
struct at_limit {
	int n, err;			/* mappings made, errno of the mmap that failed */
	int mprotect_ret, mprotect_err; /* an mprotect that would split a VMA */
	int munmap_ret, munmap_err;	/* a munmap that would split a VMA */
	int data_ok;			/* that VMA kept its data */
	int maps_again;			/* mmap works after unmapping everything */
};

/* Runs in a child (qemu-user itself may be left short of host mappings after this). */
static void fill_the_map_count(struct at_limit *r)
{
	char *big = mmap(NULL, 3 * PAGE, RW, ANON, -1, 0);
	int i;

	memset(big, 'B', 3 * PAGE);
	/* Alternating protections: no mapping can merge with the one before it. */
	for (r->n = 0; r->n < MAX_MAPS; r->n++) {
		maps[r->n] = mmap(NULL, PAGE, r->n & 1 ? PROT_READ : RW, ANON, -1, 0);
		if (maps[r->n] == MAP_FAILED) {
			r->err = errno;
			break;
		}
	}
	/* At the limit: splitting big in three would add two VMAs. */
	errno = 0;
	r->mprotect_ret = mprotect(big + PAGE, PAGE, PROT_READ);
	r->mprotect_err = errno;
	errno = 0;
	r->munmap_ret = qemu_user ? -1 : munmap(big + PAGE, PAGE);
	r->munmap_err = qemu_user ? ENOMEM : errno;
	r->data_ok = big[0] == 'B' && big[2 * PAGE] == 'B';
	for (i = 0; i < r->n; i++)
		munmap(maps[i], PAGE);
	r->maps_again = qemu_user || can_map_again();
}

static void test_map_count(void)
{
	struct at_limit *r = mmap(NULL, PAGE, RW, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	pid_t pid;
	int st = -1;

	memset(r, 0, sizeof(*r));
	r->n = -1;
	pid = fork();
	if (pid == 0) {
		fill_the_map_count(r);
		_exit(0);
	}
	waitpid(pid, &st, 0);
	printf("# %d one-page mappings before mmap failed\n", r->n);
	tap_check(r->n >= 0 && r->n < MAX_MAPS && r->err == ENOMEM,
		  "mmap_beyond_the_map_count_limit_is_enomem",
		  "expected ENOMEM (%d) before %d mappings, seen %d mappings then errno %d", ENOMEM,
		  MAX_MAPS, r->n, r->err);
	tap_check(r->n >= 900, "map_count_limit_allows_at_least_900_mappings",
		  "expected at least 900 (ours: 1024 minus the program's own), seen %d", r->n);
	tap_check(r->mprotect_ret == -1 && r->mprotect_err == ENOMEM,
		  "mprotect_that_would_split_a_vma_at_the_limit_is_enomem",
		  "expected -1 with errno %d, seen %d with errno %d", ENOMEM, r->mprotect_ret,
		  r->mprotect_err);
	tap_check(r->munmap_ret == -1 && r->munmap_err == ENOMEM,
		  qemu_user
		      ? "munmap_that_would_split_a_vma_at_the_limit_is_enomem # SKIP " QEMU_UNMAP
		      : "munmap_that_would_split_a_vma_at_the_limit_is_enomem",
		  "expected -1 with errno %d, seen %d with errno %d", ENOMEM, r->munmap_ret,
		  r->munmap_err);
	tap_check(r->data_ok, "vma_at_the_limit_keeps_its_data",
		  "expected 'B' in its pages, seen other bytes");
	tap_check(r->maps_again,
		  qemu_user
		      ? "process_maps_again_after_unmapping_below_the_limit # SKIP " QEMU_UNMAP
		      : "process_maps_again_after_unmapping_below_the_limit",
		  "expected a usable page after unmapping");
	if (qemu_user)
		tap_skip("process_at_the_map_count_limit_exits_normally",
			 "qemu-user itself may crash once the host refuses it mappings");
	else
		tap_check(WIFEXITED(st) && WEXITSTATUS(st) == 0,
			  "process_at_the_map_count_limit_exits_normally",
			  "expected exit 0, seen status 0x%x", st);
	munmap(r, PAGE);
}

int main(int argc, char **argv)
{
	/* Not parse_args(): only a first argument of --qemu-user counts, and DIR is not used. */
	qemu_user = argc > 1 && strcmp(argv[1], "--qemu-user") == 0;
	if (sizeof(void *) > 4) { /* the native build of the oracle */
		tap_skip("mmap_when_no_gap_is_left_is_enomem", "a 64-bit address space");
		tap_skip("process_maps_again_after_the_address_space_was_full",
			 "a 64-bit address space");
	} else {
		test_address_space_full();
	}
	test_map_count();
	return tap_done();
}
