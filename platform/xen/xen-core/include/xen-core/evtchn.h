/* Event channels, 2-level ABI: binding ports to handlers, notifying, and
 * dispatching pending events. Handlers run in interrupt context on the
 * one vCPU: keep them short (set a flag, advance a ring index). */
#ifndef UK_XEN_EVTCHN_H
#define UK_XEN_EVTCHN_H

#include <stdint.h>

#include <xen/event_channel.h>

typedef void (*evtchn_handler_fn)(evtchn_port_t port, void *arg);

/* Gives port a handler and unmasks it. -XEN_EINVAL for a port beyond the table. */
int evtchn_bind(evtchn_port_t port, evtchn_handler_fn fn, void *arg);
/* Binds a virtual IRQ (VIRQ_TIMER, ...) of vCPU 0 to a new port with fn. */
int evtchn_bind_virq(uint32_t virq, evtchn_handler_fn fn, void *arg, evtchn_port_t *port);
/* A new port another domain can bind to (EVTCHNOP_alloc_unbound). */
int evtchn_alloc_unbound(domid_t remote, evtchn_handler_fn fn, void *arg, evtchn_port_t *port);
/* Masks port, forgets its handler and closes it. */
void evtchn_close(evtchn_port_t port);

void evtchn_mask(evtchn_port_t port);
void evtchn_unmask(evtchn_port_t port);
/* Tells the other end of port (EVTCHNOP_send). */
int evtchn_notify(evtchn_port_t port);

/* Runs the handlers of every pending, unmasked port; called by the arch's
 * upcall entry. */
void evtchn_dispatch(void);

/* Count of upcalls handled so far, for tests and statistics. */
uint64_t evtchn_upcalls(void);

#endif
