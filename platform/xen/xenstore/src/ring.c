/* The xenstore ring: requests go into req[], answers and watch events come
 * out of rsp[]; xs_exchange matches answers to requests by req_id. */
#include <xen-core/evtchn.h>
#include <xen-core/hypercall.h>
#include <xen-core/time.h>
#include <xen/hvm/params.h>

#include "xs.h"

static struct xenstore_domain_interface *ring;
static evtchn_port_t port;
static uint32_t next_req_id = 1;
static int domid = -1;

/* How long one answer may take before the call fails with -XEN_ETIMEDOUT. */
#define XS_TIMEOUT_NS 10000000000ull

static void xs_event(evtchn_port_t p, void *arg)
{
	(void)p;
	(void)arg;
	/* Waiters look at the ring again after every event. */
}

size_t xs_strlen(const char *s)
{
	size_t n = 0;

	while (s[n])
		n++;
	return n;
}

void xs_copy(void *to, const void *from, size_t n)
{
	char *t = to;
	const char *f = from;

	while (n--)
		*t++ = *f++;
}

int xs_streq(const char *a, const char *b)
{
	while (*a && *a == *b)
		a++, b++;
	return *a == *b;
}

/* Finds the ring and reads the domain id; -XEN_ENODEV without Xen. */
static int xs_connect(void)
{
	uint64_t pfn, evtchn;
	char buf[16];
	int i, v = 0;

	if (ring)
		return 0;
	if (!xen_present() || xen_hvm_get_param(HVM_PARAM_STORE_PFN, &pfn) != 0 || !pfn ||
	    xen_hvm_get_param(HVM_PARAM_STORE_EVTCHN, &evtchn) != 0)
		return -XEN_ENODEV;
	ring = (struct xenstore_domain_interface *)(uintptr_t)(pfn << 12);
	port = (evtchn_port_t)evtchn;
	evtchn_bind(port, xs_event, 0);
	if (xs_read(XBT_NULL, "domid", buf, sizeof(buf)) > 0) {
		for (i = 0; buf[i] >= '0' && buf[i] <= '9'; i++)
			v = v * 10 + buf[i] - '0';
		domid = v;
	}
	return 0;
}

int xs_init(void)
{
	int rc = xs_connect();

	/* Without Xen (the serial fallback) there is no xenstore: not an error
	 * for the image, only for the calls that need one. */
	return rc == -XEN_ENODEV && !xen_present() ? 0 : rc;
}

int xs_domid(void)
{
	return domid;
}

/* Waits for ring activity until deadline; false when it passed. */
static bool wait(uint64_t deadline)
{
	uint64_t now = xen_monotonic_ns();

	if (now >= deadline)
		return false;
	xen_block_until(deadline);
	return true;
}

static int put(const void *data, size_t len, uint64_t deadline)
{
	const char *p = data;

	while (len) {
		XENSTORE_RING_IDX cons = __atomic_load_n(&ring->req_cons, __ATOMIC_ACQUIRE);
		XENSTORE_RING_IDX prod = ring->req_prod;
		size_t room = XENSTORE_RING_SIZE - (prod - cons);

		if (!room) {
			evtchn_notify(port);
			if (!wait(deadline))
				return -XEN_ETIMEDOUT;
			continue;
		}
		while (room-- && len) {
			ring->req[MASK_XENSTORE_IDX(prod)] = *p++;
			prod++;
			len--;
		}
		__atomic_store_n(&ring->req_prod, prod, __ATOMIC_RELEASE);
		evtchn_notify(port);
	}
	return 0;
}

/* Reads len bytes of answer; to == NULL skips them. */
static int get(void *to, size_t len, uint64_t deadline)
{
	char *p = to;

	while (len) {
		XENSTORE_RING_IDX prod = __atomic_load_n(&ring->rsp_prod, __ATOMIC_ACQUIRE);
		XENSTORE_RING_IDX cons = ring->rsp_cons;

		if (prod == cons) {
			if (!wait(deadline))
				return -XEN_ETIMEDOUT;
			continue;
		}
		while (cons != prod && len) {
			char c = ring->rsp[MASK_XENSTORE_IDX(cons)];

			if (p)
				*p++ = c;
			cons++;
			len--;
		}
		__atomic_store_n(&ring->rsp_cons, cons, __ATOMIC_RELEASE);
		evtchn_notify(port);
	}
	return 0;
}

static const struct {
	const char *name;
	int err;
} errors[] = {
    {"EINVAL", XEN_EINVAL}, {"EACCES", XEN_EACCES},   {"EEXIST", XEN_EEXIST},
    {"EISDIR", XEN_EISDIR}, {"ENOENT", XEN_ENOENT},   {"ENOMEM", XEN_ENOMEM},
    {"ENOSPC", XEN_ENOSPC}, {"EIO", XEN_EIO},	      {"ENOTEMPTY", XEN_ENOTEMPTY},
    {"ENOSYS", XEN_ENOSYS}, {"EROFS", XEN_EROFS},     {"EBUSY", XEN_EBUSY},
    {"EAGAIN", XEN_EAGAIN}, {"EISCONN", XEN_EISCONN}, {"E2BIG", XEN_E2BIG},
    {"EPERM", XEN_EPERM},
};

static int error_of(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(errors) / sizeof(errors[0]); i++)
		if (xs_streq(errors[i].name, name))
			return -errors[i].err;
	return -XEN_EIO;
}

int xs_exchange(uint32_t type, xs_transaction_t t, const struct xs_part *parts, int nparts,
		char *reply, size_t reply_len)
{
	struct xsd_sockmsg msg = {.type = type, .req_id = next_req_id++, .tx_id = t};
	uint64_t deadline;
	char event[XENSTORE_PAYLOAD_MAX + 1];
	int i, rc;

	if (!ring && (rc = xs_connect()) != 0)
		return rc;
	for (i = 0; i < nparts; i++)
		msg.len += (uint32_t)parts[i].len;
	if (msg.len > XENSTORE_PAYLOAD_MAX)
		return -XEN_E2BIG;
	deadline = xen_monotonic_ns() + XS_TIMEOUT_NS;
	if ((rc = put(&msg, sizeof(msg), deadline)) != 0)
		return rc;
	for (i = 0; i < nparts; i++)
		if ((rc = put(parts[i].data, parts[i].len, deadline)) != 0)
			return rc;
	for (;;) {
		struct xsd_sockmsg answer;

		if ((rc = get(&answer, sizeof(answer), deadline)) != 0)
			return rc;
		if (answer.len > XENSTORE_PAYLOAD_MAX)
			return -XEN_EIO;
		if (answer.type == XS_WATCH_EVENT) {
			if ((rc = get(event, answer.len, deadline)) != 0)
				return rc;
			event[answer.len] = 0;
			xs_watch_queue(event, answer.len);
			continue;
		}
		if (answer.req_id != msg.req_id) {
			/* An answer to a request we gave up on: drop it. */
			if ((rc = get(0, answer.len, deadline)) != 0)
				return rc;
			continue;
		}
		if (answer.type == XS_ERROR) {
			if ((rc = get(event, answer.len, deadline)) != 0)
				return rc;
			event[answer.len] = 0;
			return error_of(event);
		}
		if (answer.len + 1 > reply_len) {
			get(0, answer.len, deadline);
			return -XEN_E2BIG;
		}
		if ((rc = get(reply, answer.len, deadline)) != 0)
			return rc;
		reply[answer.len] = 0;
		return (int)answer.len;
	}
}
