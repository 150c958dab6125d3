// SPDX-License-Identifier: MIT
/*
 * kmalloc's size classes. Each class keeps a list of pages ("slabs") cut into equal
 * objects; free objects of a slab are chained through their first word. In the page's
 * struct page:
 *
 *   slab     the kmem_cache the page belongs to (PG_slab set)
 *   private  the first free object of this slab (0 if full)
 *   index    objects in use
 *   lru      link in the cache's list of slabs that have free objects
 *
 * A slab that becomes empty goes back to the page allocator. Requests above 2048 bytes
 * take a whole block of pages (PG_head, order in private).
 */
#include <mm/page_alloc.h>
#include <mm/slab.h>
#include <kernel/spinlock.h>
#include <kernel/panic.h>
#include <lib/string.h>

struct kmem_cache {
	size_t size;
	struct list_head partial;	/* slabs with at least one free object */
	spinlock_t lock;
};

#define NR_CACHES 8	/* 16 .. 2048 */
static struct kmem_cache caches[NR_CACHES];

static void kmem_init_once(void)
{
	static bool done;
	int i;

	if (done)
		return;
	for (i = 0; i < NR_CACHES; i++) {
		caches[i].size = KMALLOC_MIN_SIZE << i;
		INIT_LIST_HEAD(&caches[i].partial);
		spin_lock_init(&caches[i].lock);
	}
	done = true;
}

static struct kmem_cache *size_to_cache(size_t size)
{
	int i;

	for (i = 0; i < NR_CACHES; i++)
		if (size <= caches[i].size)
			return &caches[i];
	return NULL;
}

/* A fresh page cut into objects, all free. */
static struct page *new_slab(struct kmem_cache *c)
{
	struct page *page = alloc_page(GFP_KERNEL);
	char *base, *obj;
	size_t off;

	if (!page)
		return NULL;
	base = page_address(page);
	for (off = 0; off + c->size <= PAGE_SIZE; off += c->size) {
		obj = base + off;
		*(void **)obj = (off + 2 * c->size <= PAGE_SIZE) ? obj + c->size : NULL;
	}
	set_page_flag(page, PG_slab);
	page->slab = c;
	page->private = (unsigned long)base;
	page->index = 0;
	list_add(&page->lru, &c->partial);
	return page;
}

static unsigned int order_for(size_t size)
{
	unsigned int order = 0;

	while ((PAGE_SIZE << order) < size)
		order++;
	return order;
}

void *kmalloc(size_t size)
{
	struct kmem_cache *c;
	struct page *page;
	unsigned long flags;
	void *obj = NULL;

	kmem_init_once();
	if (size == 0)
		return NULL;
	c = size_to_cache(size);
	if (!c) {
		unsigned int order = order_for(size);

		if (order >= MAX_ORDER)
			return NULL;
		page = alloc_pages(GFP_KERNEL, order);
		if (!page)
			return NULL;
		set_page_flag(page, PG_head);
		page->private = order;
		return page_address(page);
	}

	spin_lock_irqsave(&c->lock, flags);
	if (list_empty(&c->partial) && !new_slab(c))
		goto out;
	page = list_first_entry(&c->partial, struct page, lru);
	obj = (void *)page->private;
	page->private = (unsigned long)*(void **)obj;
	page->index++;
	if (!page->private)	/* full: off the partial list */
		list_del(&page->lru);
out:
	spin_unlock_irqrestore(&c->lock, flags);
	return obj;
}

void *kzalloc(size_t size)
{
	void *p = kmalloc(size);

	if (p)
		memset(p, 0, size);
	return p;
}

void kfree(const void *ptr)
{
	struct page *page;
	struct kmem_cache *c;
	unsigned long flags;

	if (!ptr)
		return;
	page = virt_to_page(ptr);
	if (test_page_flag(page, PG_head)) {
		clear_page_flag(page, PG_head);
		__free_pages(page, page->private);
		return;
	}
	BUG_ON(!test_page_flag(page, PG_slab));
	c = page->slab;
	BUG_ON(((unsigned long)ptr - (unsigned long)page_address(page)) % c->size);

	spin_lock_irqsave(&c->lock, flags);
	if (!page->private)		/* was full: has a free object again */
		list_add(&page->lru, &c->partial);
	*(void **)ptr = (void *)page->private;
	page->private = (unsigned long)ptr;
	if (--page->index == 0) {
		list_del(&page->lru);
		clear_page_flag(page, PG_slab);
		page->slab = NULL;
		page->private = 0;
		spin_unlock_irqrestore(&c->lock, flags);
		__free_page(page);
		return;
	}
	spin_unlock_irqrestore(&c->lock, flags);
}

size_t ksize(const void *ptr)
{
	struct page *page = virt_to_page(ptr);

	if (test_page_flag(page, PG_head))
		return PAGE_SIZE << page->private;
	return ((struct kmem_cache *)page->slab)->size;
}
