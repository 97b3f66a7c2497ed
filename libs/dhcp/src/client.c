/* The client's state machine (RFC 2131 4.4), one per device: DISCOVER,
 * OFFER, REQUEST, ACK; renewal at T1, rebinding at T2, expiry. */
#include <errno.h>
#include <string.h>

#include <ipv4/ipv4.h>
#include <rng/rng.h>
#include <sched/sched.h>
#include <udp/udp.h>
#include <uk/glue.h>

#include "dhcp.h"

#define MS 1000000ull
#define S  1000000000ull

struct client {
	struct netdev *dev;
	enum dhcp_state state;
	uint32_t xid;
	uint64_t acquire_ns; /* this acquisition began (the secs field) */
	uint64_t request_ns; /* the first REQUEST of this exchange went out */
	uint64_t retry_ms;   /* the next retransmission's base delay */
	unsigned tries;	     /* REQUESTs sent for the offer */
	uint32_t offer_addr, offer_server;
	bool has_lease;
	struct dhcp_lease lease;
	uint64_t t1_ns, t2_ns, expiry_ns;
	struct sched_timer tx, t1, t2, expiry;
};

static struct client clients[CONFIG_NETDEV_MAX_DEVICES];
static struct udp_socket sock;
static dhcp_event_fn handler;
static void *handler_arg;
static bool changed; /* a lease was obtained: dhcp_wait_bound looks again */

static void put32(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)(v >> 24);
	p[1] = (uint8_t)(v >> 16);
	p[2] = (uint8_t)(v >> 8);
	p[3] = (uint8_t)v;
}

static struct client *client_of(const struct netdev *dev)
{
	if (!dev || dev->index >= CONFIG_NETDEV_MAX_DEVICES || netdev_get(dev->index) != dev)
		return NULL;
	return &clients[dev->index];
}

static bool unicast(uint32_t a)
{
	return a && a < 0xe0000000u && (a >> 24) != 127 && (a >> 24) != 0;
}

static void notify(struct client *c, enum dhcp_event ev)
{
	if (handler)
		handler(c->dev, ev, &c->lease, handler_arg);
}

/* Builds and sends a DISCOVER or REQUEST; dst is the server or broadcast. */
static void send_msg(struct client *c, uint8_t type, uint32_t dst)
{
	static const uint8_t params[] = {DHCP_OPT_SUBNET_MASK, DHCP_OPT_ROUTER, DHCP_OPT_DNS,
					 DHCP_OPT_LEASE_TIME,  DHCP_OPT_T1,	DHCP_OPT_T2};
	uint8_t m[DHCP_MIN_LEN + 64];
	uint64_t secs = (sched_now_ns() - c->acquire_ns) / S;
	bool selecting = c->state == DHCP_SELECTING || c->state == DHCP_REQUESTING;
	size_t n = DHCP_OFF_OPTIONS;

	memset(m, 0, sizeof(m));
	m[DHCP_OFF_OP] = DHCP_BOOTREQUEST;
	m[DHCP_OFF_HTYPE] = 1;
	m[DHCP_OFF_HLEN] = NETDEV_MAC_LEN;
	put32(m + DHCP_OFF_XID, c->xid);
	netdev_put_be16(m + DHCP_OFF_SECS, (uint16_t)(secs > 0xffff ? 0xffff : secs));
	/* without an address, replies can only reach us broadcast */
	netdev_put_be16(m + DHCP_OFF_FLAGS, selecting ? DHCP_FLAG_BROADCAST : 0);
	if (!selecting)
		put32(m + DHCP_OFF_CIADDR, c->lease.addr);
	memcpy(m + DHCP_OFF_CHADDR, c->dev->mac, NETDEV_MAC_LEN);
	put32(m + DHCP_OFF_MAGIC, DHCP_MAGIC);
	m[n++] = DHCP_OPT_MSG_TYPE;
	m[n++] = 1;
	m[n++] = type;
	m[n++] = DHCP_OPT_CLIENT_ID;
	m[n++] = 1 + NETDEV_MAC_LEN;
	m[n++] = 1; /* Ethernet */
	memcpy(m + n, c->dev->mac, NETDEV_MAC_LEN);
	n += NETDEV_MAC_LEN;
	if (type == DHCP_REQUEST && c->state == DHCP_REQUESTING) {
		m[n++] = DHCP_OPT_REQUESTED_IP;
		m[n++] = 4;
		put32(m + n, c->offer_addr);
		n += 4;
		m[n++] = DHCP_OPT_SERVER_ID;
		m[n++] = 4;
		put32(m + n, c->offer_server);
		n += 4;
	}
	m[n++] = DHCP_OPT_PARAMS;
	m[n++] = sizeof(params);
	memcpy(m + n, params, sizeof(params));
	n += sizeof(params);
	m[n++] = DHCP_OPT_END;
	if (n < DHCP_MIN_LEN)
		n = DHCP_MIN_LEN;
	if (type == DHCP_DISCOVER)
		dhcp_counters.tx_discovers++;
	else
		dhcp_counters.tx_requests++;
	if (udp_sendto_dev(&sock, c->dev, dst, DHCP_SERVER_PORT, m, n) < 0)
		dhcp_counters.tx_errors++;
}

/* The delay before the next retransmission: the base, randomised by up to
 * a second (or a quarter of it) either way; then the base doubles. */
static uint64_t backoff_ns(struct client *c)
{
	uint64_t base = c->retry_ms, j = base / 4 < 1000 ? base / 4 : 1000;
	uint64_t d = base - j + (j ? rng_uniform((uint32_t)(2 * j + 1)) : 0);

	c->retry_ms = base * 2 > CONFIG_DHCP_RETRY_MAX_MS ? CONFIG_DHCP_RETRY_MAX_MS : base * 2;
	return d * MS;
}

static void on_tx(void *arg);

static void stop_timers(struct client *c)
{
	sched_timer_stop(&c->tx);
	sched_timer_stop(&c->t1);
	sched_timer_stop(&c->t2);
	sched_timer_stop(&c->expiry);
}

/* INIT: a new xid and a DISCOVER. */
static void restart(struct client *c)
{
	stop_timers(c);
	c->state = DHCP_SELECTING;
	c->xid = rng_u32();
	c->acquire_ns = sched_now_ns();
	c->retry_ms = CONFIG_DHCP_RETRY_MS;
	send_msg(c, DHCP_DISCOVER, IPV4_BROADCAST);
	sched_timer_start(&c->tx, sched_now_ns() + backoff_ns(c), on_tx, c);
}

/* Gives up the lease: the device has no address any more. */
static void lose(struct client *c)
{
	if (c->has_lease) {
		ipv4_configure(c->dev, 0, 0, 0);
		c->has_lease = false;
		notify(c, DHCP_EVENT_LOST);
	}
	dhcp_counters.restarts++;
	restart(c);
}

/* While renewing or rebinding: the next REQUEST after half the time left
 * until the next stage, 60 s at least (RFC 2131 4.4.5); none past it. */
static void arm_lease_retry(struct client *c, uint64_t until_ns)
{
	uint64_t now = sched_now_ns(), d = until_ns > now ? (until_ns - now) / 2 : 0;

	if (d < 60 * S)
		d = 60 * S;
	if (now + d < until_ns)
		sched_timer_start(&c->tx, now + d, on_tx, c);
}

static void on_tx(void *arg)
{
	struct client *c = arg;

	switch (c->state) {
	case DHCP_SELECTING:
		dhcp_counters.retransmissions++;
		send_msg(c, DHCP_DISCOVER, IPV4_BROADCAST);
		sched_timer_start(&c->tx, sched_now_ns() + backoff_ns(c), on_tx, c);
		break;
	case DHCP_REQUESTING:
		if (c->tries >= CONFIG_DHCP_REQUEST_TRIES) {
			dhcp_counters.restarts++;
			restart(c);
			break;
		}
		c->tries++;
		dhcp_counters.retransmissions++;
		send_msg(c, DHCP_REQUEST, IPV4_BROADCAST);
		sched_timer_start(&c->tx, sched_now_ns() + backoff_ns(c), on_tx, c);
		break;
	case DHCP_RENEWING:
		dhcp_counters.retransmissions++;
		send_msg(c, DHCP_REQUEST, c->lease.server);
		arm_lease_retry(c, c->t2_ns);
		break;
	case DHCP_REBINDING:
		dhcp_counters.retransmissions++;
		send_msg(c, DHCP_REQUEST, IPV4_BROADCAST);
		arm_lease_retry(c, c->expiry_ns);
		break;
	default:
		break;
	}
}

static void on_t1(void *arg)
{
	struct client *c = arg;

	c->state = DHCP_RENEWING;
	c->xid = rng_u32();
	c->acquire_ns = c->request_ns = sched_now_ns();
	send_msg(c, DHCP_REQUEST, c->lease.server);
	arm_lease_retry(c, c->t2_ns);
}

static void on_t2(void *arg)
{
	struct client *c = arg;

	sched_timer_stop(&c->tx);
	c->state = DHCP_REBINDING;
	c->xid = rng_u32();
	c->acquire_ns = c->request_ns = sched_now_ns();
	send_msg(c, DHCP_REQUEST, IPV4_BROADCAST);
	arm_lease_retry(c, c->expiry_ns);
}

static void on_expiry(void *arg)
{
	struct client *c = arg;

	dhcp_counters.expired++;
	lose(c);
}

static void on_offer(struct client *c, const struct dhcp_msg *m)
{
	if (c->state != DHCP_SELECTING) {
		dhcp_counters.drops[DHCP_DROP_UNEXPECTED]++;
		return;
	}
	if (!unicast(m->yiaddr) || !m->has_server) {
		dhcp_counters.drops[DHCP_DROP_BAD_LEASE]++;
		return;
	}
	dhcp_counters.rx_offers++;
	c->offer_addr = m->yiaddr;
	c->offer_server = m->server;
	c->state = DHCP_REQUESTING;
	c->tries = 1;
	c->retry_ms = CONFIG_DHCP_RETRY_MS;
	c->request_ns = sched_now_ns();
	sched_timer_stop(&c->tx);
	send_msg(c, DHCP_REQUEST, IPV4_BROADCAST);
	sched_timer_start(&c->tx, sched_now_ns() + backoff_ns(c), on_tx, c);
}

/* The mask of an address's class, for a server that sends none. */
static uint32_t class_mask(uint32_t a)
{
	if (a < 0x80000000u)
		return 0xff000000u;
	if (a < 0xc0000000u)
		return 0xffff0000u;
	return 0xffffff00u;
}

static void on_ack(struct client *c, const struct dhcp_msg *m)
{
	enum dhcp_state was = c->state;
	struct dhcp_lease l;
	struct ipv4_config cur;
	uint64_t lease_ns;
	int prefix;

	if (was != DHCP_REQUESTING && was != DHCP_RENEWING && was != DHCP_REBINDING) {
		dhcp_counters.drops[DHCP_DROP_UNEXPECTED]++;
		return;
	}
	if (was == DHCP_REQUESTING && m->has_server && m->server != c->offer_server) {
		dhcp_counters.drops[DHCP_DROP_WRONG_SERVER]++;
		return;
	}
	memset(&l, 0, sizeof(l));
	l.addr = m->yiaddr;
	l.mask = m->has_mask ? m->mask : class_mask(m->yiaddr);
	prefix = dhcp_mask_prefix(l.mask);
	l.server = m->has_server	    ? m->server
		   : was == DHCP_REQUESTING ? c->offer_server
					    : c->lease.server;
	/* /31 and /32 have no network or broadcast address (RFC 3021) */
	if (!unicast(l.addr) || !m->has_lease || prefix < 0 || !unicast(l.server) ||
	    (prefix < 31 && ((l.addr | l.mask) == 0xffffffffu || (l.addr & ~l.mask) == 0))) {
		dhcp_counters.drops[DHCP_DROP_BAD_LEASE]++;
		return;
	}
	l.prefix = (unsigned)prefix;
	if (m->has_router && unicast(m->router) && m->router != l.addr &&
	    (m->router & l.mask) == (l.addr & l.mask))
		l.router = m->router;
	memcpy(l.dns, m->dns, sizeof(l.dns));
	l.dns_count = m->dns_count;
	l.lease_time = m->lease;
	l.t1 = m->has_t1 ? m->t1 : m->lease / 2;
	l.t2 = m->has_t2 ? m->t2 : (uint32_t)((uint64_t)m->lease * 7 / 8);
	if (l.t2 > l.lease_time || l.t1 > l.t2) {
		l.t1 = m->lease / 2;
		l.t2 = (uint32_t)((uint64_t)m->lease * 7 / 8);
	}
	l.start_ns = c->request_ns;
	/* reconfigure only on a change: an unchanged renewal is not announced */
	ipv4_get_config(c->dev, &cur);
	if (cur.addr != l.addr || cur.prefix != l.prefix || cur.gateway != l.router) {
		if (ipv4_configure(c->dev, l.addr, l.prefix, l.router) < 0) {
			dhcp_counters.drops[DHCP_DROP_BAD_LEASE]++;
			return;
		}
	}
	dhcp_counters.rx_acks++;
	if (was == DHCP_REQUESTING)
		dhcp_counters.bound++;
	else if (was == DHCP_RENEWING)
		dhcp_counters.renewed++;
	else
		dhcp_counters.rebound++;
	stop_timers(c);
	c->lease = l;
	c->has_lease = true;
	c->state = DHCP_BOUND;
	c->xid = rng_u32(); /* late copies of this ACK no longer match */
	if (l.lease_time != DHCP_INFINITE) {
		lease_ns = l.start_ns;
		c->t1_ns = lease_ns + (uint64_t)l.t1 * S;
		c->t2_ns = lease_ns + (uint64_t)l.t2 * S;
		c->expiry_ns = lease_ns + (uint64_t)l.lease_time * S;
		sched_timer_start(&c->t1, c->t1_ns, on_t1, c);
		sched_timer_start(&c->t2, c->t2_ns, on_t2, c);
		sched_timer_start(&c->expiry, c->expiry_ns, on_expiry, c);
	}
	changed = true;
	notify(c, was == DHCP_REQUESTING ? DHCP_EVENT_BOUND : DHCP_EVENT_RENEWED);
}

static void on_nak(struct client *c, const struct dhcp_msg *m)
{
	uint32_t server = c->state == DHCP_REQUESTING ? c->offer_server : c->lease.server;

	if (c->state != DHCP_REQUESTING && c->state != DHCP_RENEWING &&
	    c->state != DHCP_REBINDING) {
		dhcp_counters.drops[DHCP_DROP_UNEXPECTED]++;
		return;
	}
	/* while rebinding any server may answer */
	if (c->state != DHCP_REBINDING && m->has_server && m->server != server) {
		dhcp_counters.drops[DHCP_DROP_WRONG_SERVER]++;
		return;
	}
	dhcp_counters.rx_naks++;
	lose(c);
}

static void on_datagram(struct udp_socket *s, const struct udp_datagram *d, void *arg)
{
	struct client *c = client_of(d->dev);
	enum dhcp_drop why;
	struct dhcp_msg m;

	(void)s;
	(void)arg;
	if (!dhcp_parse(d->data, d->len, DHCP_BOOTREPLY, &m, &why)) {
		dhcp_counters.drops[why]++;
		return;
	}
	if (!c || c->state == DHCP_STOPPED) {
		dhcp_counters.drops[DHCP_DROP_NO_CLIENT]++;
		return;
	}
	if (c->state == DHCP_BOUND || m.xid != c->xid) {
		dhcp_counters.drops[DHCP_DROP_BAD_XID]++;
		return;
	}
	if (memcmp(m.chaddr, c->dev->mac, NETDEV_MAC_LEN) != 0) {
		dhcp_counters.drops[DHCP_DROP_BAD_CHADDR]++;
		return;
	}
	switch (m.type) {
	case DHCP_OFFER:
		on_offer(c, &m);
		break;
	case DHCP_ACK:
		on_ack(c, &m);
		break;
	case DHCP_NAK:
		on_nak(c, &m);
		break;
	default:
		dhcp_counters.drops[DHCP_DROP_UNEXPECTED]++;
		break;
	}
}

static bool any_running(void)
{
	unsigned i;

	for (i = 0; i < CONFIG_NETDEV_MAX_DEVICES; i++)
		if (clients[i].state != DHCP_STOPPED)
			return true;
	return false;
}

int dhcp_start(struct netdev *dev)
{
	struct client *c = client_of(dev);
	int r;

	if (!c)
		return -ENODEV;
	if (c->state != DHCP_STOPPED)
		return -EALREADY;
	if (!udp_port(&sock)) {
		r = udp_bind(&sock, IPV4_ANY, DHCP_CLIENT_PORT, on_datagram, NULL);
		if (r < 0)
			return r;
	}
	memset(c, 0, sizeof(*c));
	c->dev = dev;
	ipv4_configure(dev, 0, 0, 0);
	restart(c);
	return 0;
}

void dhcp_stop(struct netdev *dev)
{
	struct client *c = client_of(dev);

	if (!c || c->state == DHCP_STOPPED)
		return;
	stop_timers(c);
	c->state = DHCP_STOPPED;
	c->has_lease = false;
	if (!any_running())
		udp_close(&sock);
}

enum dhcp_state dhcp_get_state(const struct netdev *dev)
{
	struct client *c = client_of(dev);

	return c ? c->state : DHCP_STOPPED;
}

int dhcp_get_lease(const struct netdev *dev, struct dhcp_lease *out)
{
	struct client *c = client_of(dev);

	if (!c)
		return -ENODEV;
	if (c->state == DHCP_STOPPED || !c->has_lease)
		return -EAGAIN;
	*out = c->lease;
	return 0;
}

/* dev has a lease; NULL: every running client has one. */
static bool leased(const struct netdev *dev)
{
	unsigned i;
	bool any = false;

	if (dev) {
		struct client *c = client_of(dev);

		return c && c->state != DHCP_STOPPED && c->has_lease;
	}
	for (i = 0; i < CONFIG_NETDEV_MAX_DEVICES; i++) {
		if (clients[i].state == DHCP_STOPPED)
			continue;
		if (!clients[i].has_lease)
			return false;
		any = true;
	}
	return any;
}

int dhcp_wait_bound(struct netdev *dev, uint64_t deadline_ns)
{
	if (!dev && !any_running())
		return -ENODEV;
	for (;;) {
		if (leased(dev))
			return 0;
		changed = false;
		if (!sched_run(&changed, deadline_ns))
			return leased(dev) ? 0 : -ETIMEDOUT;
	}
}

uint32_t dhcp_xid(const struct netdev *dev)
{
	struct client *c = client_of(dev);

	return c ? c->xid : 0;
}

void dhcp_set_handler(dhcp_event_fn fn, void *arg)
{
	handler = fn;
	handler_arg = arg;
}

int dhcp_init(void)
{
	unsigned i;
	int r;

	for (i = 0; i < netdev_count() && i < CONFIG_NETDEV_MAX_DEVICES; i++) {
		struct netdev *dev = netdev_get(i);
		const struct uk_device *d = dev->config;

		if (!d || !d->dhcp)
			continue;
		r = dhcp_start(dev);
		if (r < 0)
			return r;
	}
	return 0;
}
