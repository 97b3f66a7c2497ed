/* Time on Xen: a monotonic clock, the wall clock, a one-shot timer and a
 * way to sleep until an event or a deadline without spinning. */
#ifndef UK_XEN_TIME_H
#define UK_XEN_TIME_H

#include <stdint.h>

/* Binds the timer VIRQ; after this xen_block_until can sleep. */
int xen_time_init(void);

/* Nanoseconds of Xen system time (since the guest's boot), from the vCPU's
 * time info (x86: pvclock over the TSC; arm64: the generic timer). */
uint64_t xen_monotonic_ns(void);

/* Nanoseconds since the Unix epoch (wall clock from shared info). */
uint64_t xen_wallclock_ns(void);

/* Sleeps until an event arrives or the monotonic clock reaches deadline_ns,
 * whichever is first: the vCPU is idle meanwhile (one-shot timer, hlt/wfi). */
void xen_block_until(uint64_t deadline_ns);

/* How many times xen_block_until has put the vCPU to sleep. */
uint64_t xen_block_count(void);

#endif
