/* The PV console ring: the guest produces into out[], xenconsoled consumes;
 * xenconsoled produces into in[]. Indexes run freely and wrap by masking. */
#include <xen/errno.h>
#include <xen-core/console.h>
#include <xen-core/evtchn.h>
#include <xen-core/hypercall.h>
#include <xen-core/time.h>
#include <xen/hvm/params.h>
#include <xen/io/console.h>

static struct xencons_interface *ring;
static evtchn_port_t port;

static void xencons_event(evtchn_port_t p, void *arg)
{
	(void)p;
	(void)arg;
	/* Nothing to do here: waiters re-check the ring after every event. */
}

int xencons_init(void)
{
	uint64_t pfn, evtchn;

	if (xen_hvm_get_param(HVM_PARAM_CONSOLE_PFN, &pfn) != 0 || pfn == 0 ||
	    xen_hvm_get_param(HVM_PARAM_CONSOLE_EVTCHN, &evtchn) != 0)
		return -XEN_ENODEV;
	ring = (struct xencons_interface *)(uintptr_t)(pfn << 12);
	port = (evtchn_port_t)evtchn;
	return evtchn_bind(port, xencons_event, 0);
}

int xencons_ready(void)
{
	return ring != 0;
}

void xencons_write(const char *buf, size_t len)
{
	while (len) {
		XENCONS_RING_IDX cons = __atomic_load_n(&ring->out_cons, __ATOMIC_ACQUIRE);
		XENCONS_RING_IDX prod = ring->out_prod;
		size_t room = sizeof(ring->out) - (prod - cons);

		if (room == 0) {
			/* Full: let xenconsoled drain it, sleeping until it says so. */
			evtchn_notify(port);
			xen_block_until(xen_monotonic_ns() + 10000000ull);
			continue;
		}
		while (room && len) {
			ring->out[MASK_XENCONS_IDX(prod, ring->out)] = *buf++;
			prod++;
			room--;
			len--;
		}
		__atomic_store_n(&ring->out_prod, prod, __ATOMIC_RELEASE);
		evtchn_notify(port);
	}
}

void xencons_flush(unsigned long long timeout_ns)
{
	uint64_t deadline = xen_monotonic_ns() + timeout_ns;

	while (__atomic_load_n(&ring->out_cons, __ATOMIC_ACQUIRE) != ring->out_prod &&
	       xen_monotonic_ns() < deadline) {
		evtchn_notify(port);
		xen_block_until(xen_monotonic_ns() + 1000000ull);
	}
}

size_t xencons_read(char *buf, size_t len)
{
	XENCONS_RING_IDX prod = __atomic_load_n(&ring->in_prod, __ATOMIC_ACQUIRE);
	XENCONS_RING_IDX cons = ring->in_cons;
	size_t n = 0;

	while (cons != prod && n < len)
		buf[n++] = ring->in[MASK_XENCONS_IDX(cons++, ring->in)];
	__atomic_store_n(&ring->in_cons, cons, __ATOMIC_RELEASE);
	if (n)
		evtchn_notify(port);
	return n;
}
