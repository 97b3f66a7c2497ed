/* Grant table v1: an array of grant_entry_v1 shared with Xen, mapped over
 * pages of ours; free refs are kept in a list threaded through an array. */
#include <gnttab/gnttab.h>
#include <xen-core/hypercall.h>
#include <uk/config.h>
#include <xen/memory.h>

#define ENTRIES_PER_FRAME (4096 / sizeof(struct grant_entry_v1))
#define NR_ENTRIES	  (CONFIG_GNTTAB_FRAMES * ENTRIES_PER_FRAME)

/* Xen maps the table's frames over these pages. */
static char frames[CONFIG_GNTTAB_FRAMES][4096] __attribute__((aligned(4096)));
static struct grant_entry_v1 *table;
static grant_ref_t next_free[NR_ENTRIES];
static grant_ref_t free_head;
static unsigned int free_count;

#define END_OF_LIST ((grant_ref_t)0)

int gnttab_init(void)
{
	struct gnttab_query_size q = {.dom = DOMID_SELF};
	unsigned int i, n = CONFIG_GNTTAB_FRAMES;

	if (table || !xen_present())
		return 0;
	if (xen_grant_table_op(GNTTABOP_query_size, &q, 1) == 0 && q.status == GNTST_okay &&
	    q.max_nr_frames < n)
		n = q.max_nr_frames;
	for (i = 0; i < n; i++) {
		struct xen_add_to_physmap xatp = {
		    .domid = DOMID_SELF,
		    .space = XENMAPSPACE_grant_table,
		    .idx = i,
		    .gpfn = (uintptr_t)frames[i] >> 12,
		};
		long rc = xen_memory_op(XENMEM_add_to_physmap, &xatp);

		if (rc != 0)
			return (int)rc;
	}
	table = (struct grant_entry_v1 *)frames;
	/* Refs below GNTTAB_NR_RESERVED_ENTRIES belong to the toolstack (console,
	 * xenstore); ref 0 doubles as the end of the free list. */
	free_head = END_OF_LIST;
	for (i = n * ENTRIES_PER_FRAME; i-- > GNTTAB_NR_RESERVED_ENTRIES;) {
		next_free[i] = free_head;
		free_head = (grant_ref_t)i;
		free_count++;
	}
	return 0;
}

int gnttab_grant_access(domid_t domid, unsigned long frame, bool readonly)
{
	grant_ref_t ref = free_head;

	if (ref == END_OF_LIST)
		return -XEN_ENOSPC;
	free_head = next_free[ref];
	free_count--;
	table[ref].frame = (uint32_t)frame;
	table[ref].domid = domid;
	/* Frame and domid must be visible before the entry becomes valid. */
	__atomic_store_n(&table[ref].flags,
			 (uint16_t)(GTF_permit_access | (readonly ? GTF_readonly : 0)),
			 __ATOMIC_RELEASE);
	return (int)ref;
}

int gnttab_end_access(grant_ref_t ref)
{
	uint16_t flags = __atomic_load_n(&table[ref].flags, __ATOMIC_ACQUIRE);

	/* Clear the entry only if the other side is not using it right now:
	 * Xen sets GTF_reading/GTF_writing while it is mapped. */
	do {
		if (flags & (GTF_reading | GTF_writing))
			return -XEN_EBUSY;
	} while (!__atomic_compare_exchange_n(&table[ref].flags, &flags, 0, false, __ATOMIC_ACQ_REL,
					      __ATOMIC_ACQUIRE));
	next_free[ref] = free_head;
	free_head = ref;
	free_count++;
	return 0;
}

unsigned int gnttab_free_count(void)
{
	return free_count;
}
