/* Grant tables, version 1: letting another domain (a backend in dom0)
 * map or copy a page of ours. Drivers (netfront, blkfront) grant their ring
 * and buffer pages with these calls. Refs are small integers handed to the
 * other side, usually through xenstore. */
#ifndef GNTTAB_GNTTAB_H
#define GNTTAB_GNTTAB_H

#include <stdbool.h>
#include <stdint.h>

#include <xen/errno.h>
#include <xen/grant_table.h>

/* Maps the table (XENMAPSPACE_grant_table) and builds the free list. */
int gnttab_init(void);

/* Lets domid access the page at frame (a guest page number; our addresses
 * are identity-mapped, so frame = address >> 12). Returns the ref, or
 * -XEN_ENOSPC when every entry is in use. */
int gnttab_grant_access(domid_t domid, unsigned long frame, bool readonly);

/* Takes access back. -XEN_EBUSY while the other side still has the page
 * mapped (the entry stays granted; try again later); 0 and the ref is free. */
int gnttab_end_access(grant_ref_t ref);

/* Entries free for new grants. */
unsigned int gnttab_free_count(void);

#endif
