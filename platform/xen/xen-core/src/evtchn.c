/* Event channels with the 2-level ABI: one pending and one mask bit per port
 * in shared info, and a selector word per vCPU saying which words to scan. */
#include <xen/errno.h>
#include <xen-core/evtchn.h>
#include <xen-core/hypercall.h>
#include <uk/config.h>

#define BITS_PER_WORD (sizeof(xen_ulong_t) * 8)

struct handler {
	evtchn_handler_fn fn;
	void *arg;
};

static struct handler handlers[CONFIG_XEN_EVTCHN_PORTS];
static uint64_t upcalls;

void evtchn_mask(evtchn_port_t port)
{
	__atomic_or_fetch(&xen_shared_info->evtchn_mask[port / BITS_PER_WORD],
			  (xen_ulong_t)1 << (port % BITS_PER_WORD), __ATOMIC_SEQ_CST);
}

void evtchn_unmask(evtchn_port_t port)
{
	struct evtchn_unmask op = {.port = port};

	/* Xen re-raises an event that arrived while masked (EVTCHNOP_unmask). */
	xen_event_channel_op(EVTCHNOP_unmask, &op);
}

int evtchn_bind(evtchn_port_t port, evtchn_handler_fn fn, void *arg)
{
	if (port >= CONFIG_XEN_EVTCHN_PORTS)
		return -XEN_EINVAL;
	handlers[port].fn = fn;
	handlers[port].arg = arg;
	evtchn_unmask(port);
	return 0;
}

int evtchn_bind_virq(uint32_t virq, evtchn_handler_fn fn, void *arg, evtchn_port_t *port)
{
	struct evtchn_bind_virq op = {.virq = virq, .vcpu = 0};
	long rc = xen_event_channel_op(EVTCHNOP_bind_virq, &op);

	if (rc != 0)
		return (int)rc;
	*port = op.port;
	return evtchn_bind(op.port, fn, arg);
}

int evtchn_alloc_unbound(domid_t remote, evtchn_handler_fn fn, void *arg, evtchn_port_t *port)
{
	struct evtchn_alloc_unbound op = {.dom = DOMID_SELF, .remote_dom = remote};
	long rc = xen_event_channel_op(EVTCHNOP_alloc_unbound, &op);

	if (rc != 0)
		return (int)rc;
	*port = op.port;
	return evtchn_bind(op.port, fn, arg);
}

void evtchn_close(evtchn_port_t port)
{
	struct evtchn_close op = {.port = port};

	evtchn_mask(port);
	if (port < CONFIG_XEN_EVTCHN_PORTS)
		handlers[port].fn = 0;
	xen_event_channel_op(EVTCHNOP_close, &op);
}

int evtchn_notify(evtchn_port_t port)
{
	struct evtchn_send op = {.port = port};

	return (int)xen_event_channel_op(EVTCHNOP_send, &op);
}

void evtchn_dispatch(void)
{
	struct shared_info *s = xen_shared_info;
	struct vcpu_info *v = &s->vcpu_info[0];

	upcalls++;
	/* Clear first: an event that arrives during the scan sets it again. */
	while (__atomic_exchange_n(&v->evtchn_upcall_pending, 0, __ATOMIC_SEQ_CST)) {
		xen_ulong_t sel = __atomic_exchange_n(&v->evtchn_pending_sel, 0, __ATOMIC_SEQ_CST);

		while (sel) {
			unsigned int word = (unsigned int)__builtin_ctzl(sel);
			xen_ulong_t pending;

			sel &= sel - 1;
			pending = s->evtchn_pending[word] & ~s->evtchn_mask[word];
			while (pending) {
				unsigned int bit = (unsigned int)__builtin_ctzl(pending);
				evtchn_port_t port = word * BITS_PER_WORD + bit;

				pending &= pending - 1;
				__atomic_and_fetch(&s->evtchn_pending[word],
						   ~((xen_ulong_t)1 << bit), __ATOMIC_SEQ_CST);
				if (port < CONFIG_XEN_EVTCHN_PORTS && handlers[port].fn)
					handlers[port].fn(port, handlers[port].arg);
			}
		}
	}
}

uint64_t evtchn_upcalls(void)
{
	return upcalls;
}
