/* The xenbus handshake of a vif (xen/io/netif.h, xen/io/xenbus.h): read
 * where the backend is, share the rings and an event channel through our
 * device directory, say Connected, and wait until the backend does too. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <xen-core/evtchn.h>
#include <xen-core/time.h>
#include <xen/io/xenbus.h>
#include <xenstore/xenstore.h>

#include "netfront.h"

static void on_event(evtchn_port_t port, void *arg)
{
	struct netfront *nf = arg;

	(void)port;
	nf->stats.events++; /* the wakeup is the point: the poller does the work */
}

/* "00:16:3e:01:02:03" */
static int parse_mac(const char *s, uint8_t mac[NETDEV_MAC_LEN])
{
	unsigned i;

	for (i = 0; i < NETDEV_MAC_LEN; i++) {
		char *end;
		unsigned long v = strtoul(s, &end, 16);

		if (end == s || v > 255 || (i < NETDEV_MAC_LEN - 1 ? *end != ':' : *end != 0))
			return -EINVAL;
		mac[i] = (uint8_t)v;
		s = end + 1;
	}
	return 0;
}

static int read_key(const char *dir, const char *key, char *buf, size_t len)
{
	char path[128];

	snprintf(path, sizeof(path), "%s/%s", dir, key);
	return xs_read(XBT_NULL, path, buf, len);
}

/* Waits (watching the backend's state) until it is at least want; returns
 * the state, or a negative errno at the deadline or if the backend closes. */
static int backend_wait(struct netfront *nf, int want, uint64_t deadline)
{
	char path[128], token[32], buf[16], changed[128];
	int state = -ETIMEDOUT, r;

	snprintf(path, sizeof(path), "%s/state", nf->backend);
	snprintf(token, sizeof(token), "netfront%u", nf->vif);
	if (xs_watch(path, token) < 0)
		return -EIO;
	for (;;) {
		if (xs_read(XBT_NULL, path, buf, sizeof(buf)) > 0) {
			state = atoi(buf);
			if (state >= want || state >= XenbusStateClosing)
				break;
		}
		r = xs_wait_watch(token, deadline, changed, sizeof(changed));
		if (r < 0) {
			state = -ETIMEDOUT;
			break;
		}
	}
	xs_unwatch(path, token);
	if (state >= XenbusStateClosing && want < XenbusStateClosing)
		return -ECONNREFUSED;
	return state;
}

/* Writes our half in one transaction (retried when another writer got in
 * the way). */
static int publish(struct netfront *nf, const char *dir)
{
	static const char *const fixed[][2] = {
	    {"request-rx-copy", "1"},	      /* the backend copies into our pages */
	    {"feature-rx-notify", "1"},	      /* and tells us when it has */
	    {"feature-no-csum-offload", "1"}, /* every checksum filled in */
	    {"feature-sg", "0"},
	    {"feature-gso-tcpv4", "0"},
	};
	char path[128], value[16];
	xs_transaction_t t;
	unsigned i;
	int r;

	do {
		if (xs_transaction_start(&t) < 0)
			return -EIO;
		r = 0;
		snprintf(path, sizeof(path), "%s/tx-ring-ref", dir);
		snprintf(value, sizeof(value), "%u", nf->tx_ring_ref);
		r |= xs_write(t, path, value);
		snprintf(path, sizeof(path), "%s/rx-ring-ref", dir);
		snprintf(value, sizeof(value), "%u", nf->rx_ring_ref);
		r |= xs_write(t, path, value);
		snprintf(path, sizeof(path), "%s/event-channel", dir);
		snprintf(value, sizeof(value), "%u", nf->port);
		r |= xs_write(t, path, value);
		for (i = 0; i < sizeof(fixed) / sizeof(fixed[0]); i++) {
			snprintf(path, sizeof(path), "%s/%s", dir, fixed[i][0]);
			r |= xs_write(t, path, fixed[i][1]);
		}
		snprintf(path, sizeof(path), "%s/state", dir);
		snprintf(value, sizeof(value), "%d", XenbusStateConnected);
		r |= xs_write(t, path, value);
		if (r) {
			xs_transaction_end(t, true);
			return -EIO;
		}
		r = xs_transaction_end(t, false);
	} while (r == -XEN_EAGAIN);
	return r < 0 ? -EIO : 0;
}

int netfront_connect(struct netfront *nf, const char **what)
{
	char dir[32], buf[64];
	uint64_t deadline =
	    xen_monotonic_ns() + (uint64_t)CONFIG_NETFRONT_CONNECT_TIMEOUT_MS * 1000000ull;
	int r;

	snprintf(dir, sizeof(dir), "device/vif/%u", nf->vif);
	*what = "no such vif in xenstore (is there a vif line in the xl config?)";
	if (read_key(dir, "backend", nf->backend, sizeof(nf->backend)) <= 0)
		return -ENODEV;
	*what = "cannot read the vif's backend-id";
	if (read_key(dir, "backend-id", buf, sizeof(buf)) <= 0)
		return -ENODEV;
	nf->backend_id = (domid_t)atoi(buf);
	*what = "cannot read the vif's mac";
	if (read_key(dir, "mac", buf, sizeof(buf)) <= 0 || parse_mac(buf, nf->dev.mac) < 0)
		return -EINVAL;
	*what = "the backend did not reach InitWait";
	r = backend_wait(nf, XenbusStateInitWait, deadline);
	if (r < 0)
		return r;
	/* every frame is copied into our pages: the backend must offer it */
	*what = "the backend does not offer feature-rx-copy";
	if (read_key(nf->backend, "feature-rx-copy", buf, sizeof(buf)) <= 0 || strcmp(buf, "1"))
		return -ENOTSUP;
	r = netfront_rings_setup(nf, what);
	if (r < 0)
		return r;
	*what = "cannot allocate an event channel";
	if (evtchn_alloc_unbound(nf->backend_id, on_event, nf, &nf->port) < 0)
		return -EIO;
	*what = "cannot write to xenstore";
	r = publish(nf, dir);
	if (r < 0)
		return r;
	*what = "the backend did not connect";
	r = backend_wait(nf, XenbusStateConnected, deadline);
	if (r < 0)
		return r;
	return 0;
}
