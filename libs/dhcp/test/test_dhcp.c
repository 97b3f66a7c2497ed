/* dhcp over the test bench: the exchange (DISCOVER, OFFER, REQUEST, ACK)
 * and the configuration it makes, the messages' contents, retransmissions
 * and their backoff, NAKs, renewal at T1, rebinding at T2 and expiry on the
 * virtual clock, and every drop reason. The harness's net0 is static; each
 * test starts a client on it (which unconfigures it) and offers 10.0.0.2,
 * the address the harness's peers know. */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "dhcp.h"
#include "harness.h"

#define SERVER	 H_PEER_IP
#define ROUTER	 H_PEER_IP
#define LEASED	 H_OUR_IP
#define OTHER_SV H_OTHER_IP
#define S	 SCHED_NS_PER_S
#define MS	 SCHED_NS_PER_MS

static struct dhcp_stats before;
static int events[3];
static struct dhcp_lease event_lease;

static void on_event(struct netdev *dev, enum dhcp_event ev, const struct dhcp_lease *l, void *arg)
{
	(void)arg;
	assert_ptr_equal(dev, h_dev);
	events[ev]++;
	event_lease = *l;
}

static int setup(void **state)
{
	(void)state;
	h_init();
	dhcp_stop(h_dev);
	h_settle();
	dhcp_set_handler(on_event, NULL);
	memset(events, 0, sizeof(events));
	dhcp_stats(&before);
	return 0;
}

static struct dhcp_stats delta(void)
{
	struct dhcp_stats now, d;

	dhcp_stats(&now);
	h_counters_delta(&dhcp_counter_table, &before, &now, &d);
	return d;
}

static uint64_t dropped(enum dhcp_drop why)
{
	return delta().drops[why];
}

/* A DHCP message the client sent (copied). */
struct sent {
	uint8_t eth_dst[6];
	uint32_t src, dst;
	uint8_t msg[1500];
	size_t len;
	uint8_t type;
	uint32_t xid, ciaddr;
	uint16_t flags, secs;
	uint64_t at; /* h_now when it was found */
};

/* An option of a sent message (NULL if absent). */
static const uint8_t *find_opt(const struct sent *s, uint8_t code, size_t *olen)
{
	size_t i = DHCP_OFF_OPTIONS;

	while (i < s->len) {
		if (s->msg[i] == DHCP_OPT_PAD) {
			i++;
			continue;
		}
		if (s->msg[i] == DHCP_OPT_END)
			break;
		assert_true(i + 2 <= s->len && i + 2 + s->msg[i + 1] <= s->len);
		if (s->msg[i] == code) {
			*olen = s->msg[i + 1];
			return s->msg + i + 2;
		}
		i += 2 + (size_t)s->msg[i + 1];
	}
	return NULL;
}

/* Moves the DHCP messages of the tx record into out (checked as a server
 * would), ignores the rest (ARP), clears the record; returns how many. */
static size_t take(struct sent *out, size_t max)
{
	size_t i, n = 0, len;

	for (i = 0; i < h_tx_count(); i++) {
		const uint8_t *f = h_tx_frame(i, &len);
		struct h_ip_view v;
		struct dhcp_msg m;
		enum dhcp_drop why;

		assert_null(h_frame_problem(f, len));
		if (!h_parse_ip(f, len, &v) || v.proto != IPV4_PROTO_UDP)
			continue;
		assert_int_equal(netdev_be16(v.payload), DHCP_CLIENT_PORT);
		assert_int_equal(netdev_be16(v.payload + 2), DHCP_SERVER_PORT);
		assert_true(n < max);
		assert_true(v.len - 8 <= sizeof(out[n].msg));
		memcpy(out[n].eth_dst, v.eth_dst, 6);
		out[n].src = v.src;
		out[n].dst = v.dst;
		out[n].len = v.len - 8;
		memcpy(out[n].msg, v.payload + 8, out[n].len);
		assert_true(dhcp_parse(out[n].msg, out[n].len, DHCP_BOOTREQUEST, &m, &why));
		assert_true(out[n].len >= DHCP_MIN_LEN);
		assert_memory_equal(m.chaddr, h_our_mac, 6);
		out[n].type = m.type;
		out[n].xid = m.xid;
		out[n].ciaddr = m.ciaddr;
		out[n].flags = netdev_be16(out[n].msg + DHCP_OFF_FLAGS);
		out[n].secs = netdev_be16(out[n].msg + DHCP_OFF_SECS);
		out[n].at = h_now;
		n++;
	}
	h_tx_clear();
	return n;
}

static struct sent sent_buf[16];

static size_t count_sent(void)
{
	return take(sent_buf, 16);
}

/* Exactly one DHCP message is in the record, of this type. */
static struct sent *one(uint8_t type)
{
	assert_int_equal(take(sent_buf, 16), 1);
	assert_int_equal(sent_buf[0].type, type);
	return &sent_buf[0];
}

/* Runs the loop in 10 ms steps until a DHCP message goes out, for at most
 * limit ns; returns it (NULL if none came). */
static struct sent *next(uint64_t limit)
{
	uint64_t end = h_now + limit;

	while (h_now < end) {
		sched_run_for(10 * MS);
		if (take(sent_buf, 16)) {
			sent_buf[0].at = h_now;
			return &sent_buf[0];
		}
	}
	return NULL;
}

/* Server replies. */
struct reply {
	uint8_t op, type, htype, hlen;
	uint32_t xid, yiaddr, server, lease, mask, router, t1, t2;
	uint32_t dns[3];
	unsigned ndns;
	const uint8_t *mac;
	const uint8_t *extra; /* raw options appended before the end */
	size_t extra_len;
	bool no_end;
};

static struct reply base(uint8_t type, uint32_t xid)
{
	struct reply r = {.op = DHCP_BOOTREPLY,
			  .type = type,
			  .htype = 1,
			  .hlen = 6,
			  .xid = xid,
			  .yiaddr = LEASED,
			  .server = SERVER,
			  .lease = 120,
			  .mask = 0xffffff00u,
			  .router = ROUTER,
			  .mac = h_our_mac};

	r.dns[0] = ROUTER;
	r.dns[1] = IPV4(10, 0, 0, 9);
	r.ndns = 2;
	if (type == DHCP_NAK)
		r.yiaddr = r.lease = r.mask = r.router = r.ndns = 0;
	return r;
}

static void put32(uint8_t *p, uint32_t v)
{
	netdev_put_be32(p, v);
}

static size_t opt32(uint8_t *p, uint8_t code, uint32_t v)
{
	p[0] = code;
	p[1] = 4;
	put32(p + 2, v);
	return 6;
}

static size_t build(uint8_t *m, const struct reply *r)
{
	size_t n = DHCP_OFF_OPTIONS;
	unsigned i;

	memset(m, 0, 576);
	m[DHCP_OFF_OP] = r->op;
	m[DHCP_OFF_HTYPE] = r->htype;
	m[DHCP_OFF_HLEN] = r->hlen;
	put32(m + DHCP_OFF_XID, r->xid);
	put32(m + DHCP_OFF_YIADDR, r->yiaddr);
	memcpy(m + DHCP_OFF_CHADDR, r->mac, 6);
	put32(m + DHCP_OFF_MAGIC, DHCP_MAGIC);
	if (r->type) {
		m[n++] = DHCP_OPT_MSG_TYPE;
		m[n++] = 1;
		m[n++] = r->type;
	}
	if (r->server)
		n += opt32(m + n, DHCP_OPT_SERVER_ID, r->server);
	if (r->lease)
		n += opt32(m + n, DHCP_OPT_LEASE_TIME, r->lease);
	if (r->mask)
		n += opt32(m + n, DHCP_OPT_SUBNET_MASK, r->mask);
	if (r->router)
		n += opt32(m + n, DHCP_OPT_ROUTER, r->router);
	if (r->t1)
		n += opt32(m + n, DHCP_OPT_T1, r->t1);
	if (r->t2)
		n += opt32(m + n, DHCP_OPT_T2, r->t2);
	m[n++] = DHCP_OPT_PAD;
	if (r->ndns) {
		m[n++] = DHCP_OPT_DNS;
		m[n++] = (uint8_t)(4 * r->ndns);
		for (i = 0; i < r->ndns; i++, n += 4)
			put32(m + n, r->dns[i]);
	}
	if (r->extra_len) {
		memcpy(m + n, r->extra, r->extra_len);
		n += r->extra_len;
	}
	if (!r->no_end)
		m[n++] = DHCP_OPT_END;
	return n < DHCP_MIN_LEN ? DHCP_MIN_LEN : n;
}

/* Feeds raw bytes as a DHCP reply from the server to dst:68. */
static void feed_raw(const void *msg, size_t len, uint32_t dst)
{
	static uint8_t u[2000];

	h_send_ip(SERVER, dst, IPV4_PROTO_UDP, 1, 0, u,
		  h_udp(u, SERVER, dst, DHCP_SERVER_PORT, DHCP_CLIENT_PORT, msg, len));
}

static void feed(const struct reply *r, uint32_t dst)
{
	uint8_t m[576];

	feed_raw(m, build(m, r), dst);
}

/* Starts the client and runs the exchange to BOUND with a lease of
 * lease_s (T1, T2: 0 for the defaults); returns when the REQUEST went out
 * (the lease's start). */
static uint64_t acquire(uint32_t lease_s, uint32_t t1, uint32_t t2)
{
	struct reply r;
	struct sent *s;
	uint64_t start;

	assert_int_equal(dhcp_start(h_dev), 0);
	s = one(DHCP_DISCOVER);
	r = base(DHCP_OFFER, s->xid);
	r.lease = lease_s;
	feed(&r, IPV4_BROADCAST);
	s = one(DHCP_REQUEST);
	start = h_now;
	r = base(DHCP_ACK, s->xid);
	r.lease = lease_s;
	r.t1 = t1;
	r.t2 = t2;
	feed(&r, IPV4_BROADCAST);
	assert_int_equal(dhcp_get_state(h_dev), DHCP_BOUND);
	h_tx_clear();
	return start;
}

static void test_exchange(void **state)
{
	struct ipv4_config cfg;
	struct dhcp_lease l;
	struct reply r;
	struct sent *s;
	const uint8_t *o;
	size_t olen, i, len;
	uint32_t xid;
	bool announced = false;

	(void)state;
	assert_int_equal(dhcp_get_state(h_dev), DHCP_STOPPED);
	assert_int_equal(dhcp_start(h_dev), 0);
	assert_int_equal(dhcp_start(h_dev), -EALREADY);
	/* the static address is gone until the lease comes */
	assert_int_equal(ipv4_get_config(h_dev, &cfg), 0);
	assert_int_equal(cfg.addr, 0);
	assert_int_equal(dhcp_get_lease(h_dev, &l), -EAGAIN);
	assert_int_equal(dhcp_get_state(h_dev), DHCP_SELECTING);

	/* DISCOVER: broadcast from 0.0.0.0, broadcast flag, our options */
	s = one(DHCP_DISCOVER);
	assert_memory_equal(s->eth_dst, ethernet_broadcast, 6);
	assert_int_equal(s->src, 0);
	assert_int_equal(s->dst, IPV4_BROADCAST);
	assert_int_equal(s->flags, DHCP_FLAG_BROADCAST);
	assert_int_equal(s->ciaddr, 0);
	assert_int_equal(s->msg[DHCP_OFF_OP], DHCP_BOOTREQUEST);
	o = find_opt(s, DHCP_OPT_CLIENT_ID, &olen);
	assert_non_null(o);
	assert_int_equal(olen, 7);
	assert_int_equal(o[0], 1);
	assert_memory_equal(o + 1, h_our_mac, 6);
	o = find_opt(s, DHCP_OPT_PARAMS, &olen);
	assert_non_null(o);
	assert_non_null(memchr(o, DHCP_OPT_SUBNET_MASK, olen));
	assert_non_null(memchr(o, DHCP_OPT_ROUTER, olen));
	assert_non_null(memchr(o, DHCP_OPT_DNS, olen));
	assert_non_null(memchr(o, DHCP_OPT_LEASE_TIME, olen));
	assert_null(find_opt(s, DHCP_OPT_REQUESTED_IP, &olen));
	xid = s->xid;
	assert_int_equal(dhcp_xid(h_dev), xid);

	/* OFFER, broadcast: REQUEST for it, same xid, still from 0.0.0.0 */
	r = base(DHCP_OFFER, xid);
	feed(&r, IPV4_BROADCAST);
	assert_int_equal(dhcp_get_state(h_dev), DHCP_REQUESTING);
	s = one(DHCP_REQUEST);
	assert_int_equal(s->xid, xid);
	assert_int_equal(s->src, 0);
	assert_int_equal(s->dst, IPV4_BROADCAST);
	assert_int_equal(s->flags, DHCP_FLAG_BROADCAST);
	assert_int_equal(s->ciaddr, 0);
	o = find_opt(s, DHCP_OPT_REQUESTED_IP, &olen);
	assert_non_null(o);
	assert_int_equal(olen, 4);
	assert_int_equal(netdev_be32(o), LEASED);
	o = find_opt(s, DHCP_OPT_SERVER_ID, &olen);
	assert_non_null(o);
	assert_int_equal(netdev_be32(o), SERVER);
	/* a second offer (another server's) is not wanted any more */
	r.server = OTHER_SV;
	feed(&r, IPV4_BROADCAST);
	assert_int_equal(dropped(DHCP_DROP_UNEXPECTED), 1);
	assert_int_equal(take(sent_buf, 16), 0);

	/* ACK: configured, announced, the lease as sent */
	r = base(DHCP_ACK, xid);
	r.ndns = 3;
	r.dns[2] = IPV4(10, 0, 0, 10);
	feed(&r, IPV4_BROADCAST);
	assert_int_equal(dhcp_get_state(h_dev), DHCP_BOUND);
	assert_int_equal(ipv4_get_config(h_dev, &cfg), 0);
	assert_int_equal(cfg.addr, LEASED);
	assert_int_equal(cfg.prefix, 24);
	assert_int_equal(cfg.gateway, ROUTER);
	for (i = 0; i < h_tx_count(); i++) {
		const uint8_t *f = h_tx_frame(i, &len);

		if (netdev_be16(f + 12) == ETHERNET_TYPE_ARP &&
		    netdev_be32(f + ETHERNET_HEADER_LEN + 14) == LEASED)
			announced = true;
	}
	assert_true(announced);
	assert_int_equal(dhcp_get_lease(h_dev, &l), 0);
	assert_int_equal(l.addr, LEASED);
	assert_int_equal(l.mask, 0xffffff00u);
	assert_int_equal(l.prefix, 24);
	assert_int_equal(l.router, ROUTER);
	assert_int_equal(l.server, SERVER);
	assert_int_equal(l.dns_count, 3);
	assert_int_equal(l.dns[0], ROUTER);
	assert_int_equal(l.dns[1], IPV4(10, 0, 0, 9));
	assert_int_equal(l.dns[2], IPV4(10, 0, 0, 10));
	assert_int_equal(l.lease_time, 120);
	assert_int_equal(l.t1, 60);
	assert_int_equal(l.t2, 105);
	assert_int_equal(events[DHCP_EVENT_BOUND], 1);
	assert_int_equal(event_lease.addr, LEASED);
	assert_int_equal(delta().bound, 1);
	assert_int_equal(delta().rx_offers, 1);
	assert_int_equal(delta().rx_acks, 1);
	assert_int_equal(delta().tx_discovers, 1);
	assert_int_equal(delta().tx_requests, 1);
	assert_int_equal(dhcp_wait_bound(h_dev, h_now), 0);
	assert_int_equal(dhcp_wait_bound(NULL, h_now), 0);
	/* a late copy of the ACK: its xid is over */
	feed(&r, IPV4_BROADCAST);
	assert_int_equal(dropped(DHCP_DROP_BAD_XID), 1);
	/* the device works: UDP to it is answered (port unreachable) */
	h_tx_clear();
	h_learn(H_PEER_IP, h_peer_mac);
	h_send_udp(H_PEER_IP, 40000, 9, "x", 1);
	assert_int_equal(h_tx_count(), 1);
	dhcp_stop(h_dev);
	assert_int_equal(dhcp_get_state(h_dev), DHCP_STOPPED);
	assert_int_equal(dhcp_wait_bound(NULL, h_now), -ENODEV);
}

/* An offer unicast to the offered address, before configuration. */
static void test_unicast_offer(void **state)
{
	struct reply r;
	struct sent *s;

	(void)state;
	assert_int_equal(dhcp_start(h_dev), 0);
	s = one(DHCP_DISCOVER);
	r = base(DHCP_OFFER, s->xid);
	r.yiaddr = IPV4(10, 0, 0, 55);
	feed(&r, IPV4(10, 0, 0, 55));
	s = one(DHCP_REQUEST);
	/* unicast UDP to a closed port meanwhile: taken by ipv4 (no address
	 * yet), dropped by udp, and no port unreachable about it */
	{
		static uint8_t u[64];
		struct udp_stats u0, u1;

		udp_stats(&u0);
		h_send_ip(SERVER, IPV4(10, 0, 0, 55), IPV4_PROTO_UDP, 1, 0, u,
			  h_udp(u, SERVER, IPV4(10, 0, 0, 55), 40000, 9, "x", 1));
		udp_stats(&u1);
		assert_int_equal(u1.drops[UDP_DROP_NO_PORT] - u0.drops[UDP_DROP_NO_PORT], 1);
		assert_int_equal(h_tx_count(), 0);
	}
	r = base(DHCP_ACK, s->xid);
	r.yiaddr = IPV4(10, 0, 0, 55);
	feed(&r, IPV4(10, 0, 0, 55));
	assert_int_equal(dhcp_get_state(h_dev), DHCP_BOUND);
	dhcp_stop(h_dev);
}

/* A /32 lease (as some clouds give): taken, its off-subnet router left out. */
static void test_host_route_lease(void **state)
{
	struct ipv4_config cfg;
	struct dhcp_lease l;
	struct reply r;
	struct sent *s;

	(void)state;
	assert_int_equal(dhcp_start(h_dev), 0);
	s = one(DHCP_DISCOVER);
	r = base(DHCP_OFFER, s->xid);
	feed(&r, IPV4_BROADCAST);
	s = one(DHCP_REQUEST);
	r = base(DHCP_ACK, s->xid);
	r.mask = 0xffffffffu;
	feed(&r, IPV4_BROADCAST);
	assert_int_equal(dhcp_get_state(h_dev), DHCP_BOUND);
	assert_int_equal(dhcp_get_lease(h_dev, &l), 0);
	assert_int_equal(l.prefix, 32);
	assert_int_equal(l.router, 0);
	assert_int_equal(ipv4_get_config(h_dev, &cfg), 0);
	assert_int_equal(cfg.addr, LEASED);
	assert_int_equal(cfg.prefix, 32);
	dhcp_stop(h_dev);
}

/* DISCOVERs: 4 s, 8 s, 16 s, 32 s, 64 s, 64 s apart, each +-1 s; one xid;
 * secs counts up. */
static void test_retransmit(void **state)
{
	static const unsigned gaps[] = {4, 8, 16, 32, 64, 64};
	struct sent *s;
	uint64_t last, t0;
	uint32_t xid;
	unsigned i;

	(void)state;
	assert_int_equal(dhcp_start(h_dev), 0);
	t0 = h_now;
	s = one(DHCP_DISCOVER);
	assert_int_equal(s->secs, 0);
	xid = s->xid;
	last = h_now;
	for (i = 0; i < sizeof(gaps) / sizeof(gaps[0]); i++) {
		s = next(70 * S);
		assert_non_null(s);
		assert_int_equal(s->type, DHCP_DISCOVER);
		assert_int_equal(s->xid, xid);
		assert_true(s->at - last >= (gaps[i] - 1) * S);
		assert_true(s->at - last <= (gaps[i] + 1) * S + 10 * MS);
		/* sent within the 10 ms before s->at */
		assert_true(s->secs <= (s->at - t0) / S);
		assert_true(s->secs >= (s->at - t0 - 10 * MS) / S);
		last = s->at;
	}
	assert_int_equal(delta().retransmissions, 6);
	assert_true(s->secs >= 180);

	/* an offer, then REQUESTs unanswered: 4 in all, then a new DISCOVER */
	{
		struct reply r = base(DHCP_OFFER, xid);

		feed(&r, IPV4_BROADCAST);
	}
	one(DHCP_REQUEST);
	for (i = 0; i < 3; i++) {
		s = next(20 * S);
		assert_non_null(s);
		assert_int_equal(s->type, DHCP_REQUEST);
		assert_int_equal(s->xid, xid);
	}
	s = next(40 * S);
	assert_non_null(s);
	assert_int_equal(s->type, DHCP_DISCOVER);
	assert_int_not_equal(s->xid, xid);
	assert_int_equal(delta().restarts, 1);
	assert_int_equal(dhcp_get_state(h_dev), DHCP_SELECTING);
	/* dhcp_wait_bound gives up at its deadline */
	assert_int_equal(dhcp_wait_bound(h_dev, h_now + 3 * S), -ETIMEDOUT);
	dhcp_stop(h_dev);
}

/* Renewal at T1 on the virtual clock: a unicast REQUEST to the server at
 * exactly T1 (not before), an ACK that extends the lease, the next T1
 * counted from the renewal. */
static void test_renew(void **state)
{
	struct ipv4_config cfg;
	struct dhcp_lease l;
	struct reply r;
	struct sent *s;
	uint64_t start, renew_at;
	size_t olen;

	(void)state;
	start = acquire(120, 0, 0);
	/* nothing until T1 = 60 s (re-learn the server's MAC just before) */
	sched_run(NULL, start + 59 * S);
	assert_int_equal(take(sent_buf, 16), 0);
	h_learn(SERVER, h_peer_mac);
	sched_run(NULL, start + 60 * S - 1);
	assert_int_equal(take(sent_buf, 16), 0);
	assert_int_equal(dhcp_get_state(h_dev), DHCP_BOUND);
	sched_run(NULL, start + 60 * S);
	s = one(DHCP_REQUEST);
	renew_at = h_now;
	assert_int_equal(renew_at, start + 60 * S);
	assert_int_equal(dhcp_get_state(h_dev), DHCP_RENEWING);
	assert_memory_equal(s->eth_dst, h_peer_mac, 6);
	assert_int_equal(s->src, LEASED);
	assert_int_equal(s->dst, SERVER);
	assert_int_equal(s->ciaddr, LEASED);
	assert_int_equal(s->flags, 0);
	assert_null(find_opt(s, DHCP_OPT_REQUESTED_IP, &olen));
	assert_null(find_opt(s, DHCP_OPT_SERVER_ID, &olen));
	/* still configured while renewing */
	assert_int_equal(dhcp_get_lease(h_dev, &l), 0);
	/* the ACK, unicast: extended, not reconfigured (no announcement) */
	sched_run(NULL, h_now + 500 * MS);
	r = base(DHCP_ACK, s->xid);
	feed(&r, LEASED);
	assert_int_equal(dhcp_get_state(h_dev), DHCP_BOUND);
	assert_int_equal(h_tx_count(), 0);
	assert_int_equal(delta().renewed, 1);
	assert_int_equal(events[DHCP_EVENT_RENEWED], 1);
	assert_int_equal(dhcp_get_lease(h_dev, &l), 0);
	assert_int_equal(l.start_ns, renew_at);
	assert_int_equal(ipv4_get_config(h_dev, &cfg), 0);
	assert_int_equal(cfg.addr, LEASED);
	/* the next renewal: 60 s after the REQUEST that renewed */
	sched_run(NULL, renew_at + 59 * S);
	assert_int_equal(take(sent_buf, 16), 0);
	h_learn(SERVER, h_peer_mac);
	sched_run(NULL, renew_at + 60 * S);
	s = one(DHCP_REQUEST);
	assert_int_equal(s->dst, SERVER);
	dhcp_stop(h_dev);
}

/* The server's T1 and T2 win over the defaults; with no answer: renewing
 * REQUESTs (retransmitted after half the time to T2, 60 s at least),
 * rebinding broadcasts at T2, expiry at the lease's end: unconfigured, a
 * DISCOVER from 0.0.0.0. */
static void test_rebind_expire(void **state)
{
	struct ipv4_config cfg;
	struct sent *s;
	uint64_t start;

	(void)state;
	start = acquire(1000, 200, 700);
	sched_run(NULL, start + 199 * S);
	assert_int_equal(take(sent_buf, 16), 0);
	h_learn(SERVER, h_peer_mac);
	sched_run(NULL, start + 200 * S);
	s = one(DHCP_REQUEST);
	assert_int_equal(s->dst, SERVER);
	/* T1: renewing; retransmitted after 250 s (half of the 500 s to T2),
	 * then 125 s, 62.5 s, 60 s; the server stays silent */
	sched_run(NULL, start + 449 * S);
	h_learn(SERVER, h_peer_mac);
	sched_run(NULL, start + 450 * S - 1);
	assert_int_equal(take(sent_buf, 16), 0);
	sched_run(NULL, start + 450 * S);
	s = one(DHCP_REQUEST);
	assert_int_equal(s->dst, SERVER);
	assert_int_equal(dhcp_get_state(h_dev), DHCP_RENEWING);
	sched_run(NULL, start + 574 * S);
	h_learn(SERVER, h_peer_mac);
	sched_run(NULL, start + 575 * S);
	one(DHCP_REQUEST);
	sched_run(NULL, start + 637 * S);
	h_learn(SERVER, h_peer_mac);
	sched_run(NULL, start + 637 * S + 500 * MS);
	one(DHCP_REQUEST);
	sched_run(NULL, start + 697 * S);
	h_learn(SERVER, h_peer_mac);
	sched_run(NULL, start + 697 * S + 500 * MS);
	one(DHCP_REQUEST);
	sched_run(NULL, start + 700 * S - 1);
	assert_int_equal(take(sent_buf, 16), 0);
	assert_int_equal(dhcp_get_state(h_dev), DHCP_RENEWING);
	/* T2: a broadcast REQUEST from our address */
	sched_run(NULL, start + 700 * S);
	s = one(DHCP_REQUEST);
	assert_int_equal(dhcp_get_state(h_dev), DHCP_REBINDING);
	assert_memory_equal(s->eth_dst, ethernet_broadcast, 6);
	assert_int_equal(s->src, LEASED);
	assert_int_equal(s->dst, IPV4_BROADCAST);
	assert_int_equal(s->ciaddr, LEASED);
	/* retransmitted after 150 s (half of 300), 75 s, 60 s; none past
	 * the expiry */
	s = next(151 * S);
	assert_non_null(s);
	assert_true(s->at - start >= 850 * S && s->at - start <= 850 * S + 10 * MS);
	assert_int_equal(s->dst, IPV4_BROADCAST);
	sched_run(NULL, start + 1000 * S - 1);
	assert_int_equal(count_sent(), 2);
	assert_int_equal(ipv4_get_config(h_dev, &cfg), 0);
	assert_int_equal(cfg.addr, LEASED);
	/* expiry */
	sched_run(NULL, start + 1000 * S);
	assert_int_equal(ipv4_get_config(h_dev, &cfg), 0);
	assert_int_equal(cfg.addr, 0);
	assert_int_equal(cfg.gateway, 0);
	s = one(DHCP_DISCOVER);
	assert_int_equal(s->src, 0);
	assert_int_equal(dhcp_get_state(h_dev), DHCP_SELECTING);
	assert_int_equal(delta().expired, 1);
	assert_int_equal(events[DHCP_EVENT_LOST], 1);
	assert_int_equal(dhcp_get_lease(h_dev, &(struct dhcp_lease){0}), -EAGAIN);
	dhcp_stop(h_dev);
}

/* Rebinding answered by another server: it becomes the lease's server. */
static void test_rebind_ack(void **state)
{
	struct dhcp_lease l;
	struct reply r;
	struct sent *s;
	uint64_t start;

	(void)state;
	start = acquire(120, 0, 0);
	sched_run(NULL, start + 105 * S);
	s = NULL;
	while (take(sent_buf, 16))
		s = &sent_buf[0];
	assert_int_equal(dhcp_get_state(h_dev), DHCP_REBINDING);
	r = base(DHCP_ACK, dhcp_xid(h_dev));
	r.server = OTHER_SV;
	r.lease = 300;
	feed(&r, LEASED);
	assert_int_equal(dhcp_get_state(h_dev), DHCP_BOUND);
	assert_int_equal(delta().rebound, 1);
	assert_int_equal(dhcp_get_lease(h_dev, &l), 0);
	assert_int_equal(l.server, OTHER_SV);
	assert_int_equal(l.lease_time, 300);
	assert_int_equal(l.start_ns, start + 105 * S);
	(void)s;
	dhcp_stop(h_dev);
}

/* NAKs: while requesting, a new DISCOVER; while renewing, the address goes
 * too. A NAK from another server than the one asked is ignored. */
static void test_nak(void **state)
{
	struct ipv4_config cfg;
	struct reply r;
	struct sent *s;
	uint64_t start;
	uint32_t xid;

	(void)state;
	assert_int_equal(dhcp_start(h_dev), 0);
	s = one(DHCP_DISCOVER);
	r = base(DHCP_OFFER, s->xid);
	feed(&r, IPV4_BROADCAST);
	s = one(DHCP_REQUEST);
	xid = s->xid;
	r = base(DHCP_NAK, xid);
	r.server = OTHER_SV;
	feed(&r, IPV4_BROADCAST);
	assert_int_equal(dropped(DHCP_DROP_WRONG_SERVER), 1);
	assert_int_equal(dhcp_get_state(h_dev), DHCP_REQUESTING);
	r.server = SERVER;
	feed(&r, IPV4_BROADCAST);
	s = one(DHCP_DISCOVER);
	assert_int_not_equal(s->xid, xid);
	assert_int_equal(delta().rx_naks, 1);
	assert_int_equal(events[DHCP_EVENT_LOST], 0);
	dhcp_stop(h_dev);

	start = acquire(120, 0, 0);
	sched_run(NULL, start + 59 * S);
	h_learn(SERVER, h_peer_mac);
	sched_run(NULL, start + 60 * S);
	s = one(DHCP_REQUEST);
	r = base(DHCP_NAK, s->xid);
	feed(&r, LEASED);
	assert_int_equal(ipv4_get_config(h_dev, &cfg), 0);
	assert_int_equal(cfg.addr, 0);
	s = one(DHCP_DISCOVER);
	assert_int_equal(s->src, 0);
	assert_int_equal(events[DHCP_EVENT_LOST], 1);
	assert_int_equal(delta().rx_naks, 2);
	dhcp_stop(h_dev);
}

/* Every drop reason, once each, while selecting; nothing is sent and the
 * state stays. Every counter has its name (uk/counters.h). */
static void test_drops(void **state)
{
	static const uint8_t past_end[] = {DHCP_OPT_ROUTER, 200, 10, 0};
	static const uint8_t short_mask[] = {DHCP_OPT_SUBNET_MASK, 3, 255, 255, 255};
	static const uint8_t odd_dns[] = {DHCP_OPT_DNS, 5, 1, 2, 3, 4, 5};
	static const uint8_t other_mac[6] = {2, 9, 9, 9, 9, 9};
	uint8_t m[576] = {0};
	struct reply r;
	struct sent *s;
	uint32_t xid;
	size_t n;
	unsigned i;

	(void)state;
	assert_true(uk_counter_table_complete(&dhcp_counter_table));
	assert_int_equal(dhcp_start(h_dev), 0);
	s = one(DHCP_DISCOVER);
	xid = s->xid;

	r = base(DHCP_OFFER, xid);
	feed_raw(m, 239, IPV4_BROADCAST); /* truncated, whatever it holds */
	r.op = DHCP_BOOTREQUEST;
	feed(&r, IPV4_BROADCAST);
	r = base(DHCP_OFFER, xid);
	r.hlen = 16;
	feed(&r, IPV4_BROADCAST);
	r = base(DHCP_OFFER, xid);
	n = build(m, &r);
	m[DHCP_OFF_MAGIC + 3] ^= 1;
	feed_raw(m, n, IPV4_BROADCAST);
	r = base(DHCP_OFFER, xid + 1);
	feed(&r, IPV4_BROADCAST);
	r = base(DHCP_OFFER, xid);
	r.mac = other_mac;
	feed(&r, IPV4_BROADCAST);
	r = base(DHCP_OFFER, xid);
	r.extra = past_end;
	r.extra_len = sizeof(past_end);
	r.no_end = true;
	n = build(m, &r);
	feed_raw(m, n, IPV4_BROADCAST); /* 200 bytes of router claimed */
	r.extra = short_mask;
	r.extra_len = sizeof(short_mask);
	r.no_end = false;
	feed(&r, IPV4_BROADCAST);
	r.extra = odd_dns;
	r.extra_len = sizeof(odd_dns);
	feed(&r, IPV4_BROADCAST);
	r = base(0, xid);
	feed(&r, IPV4_BROADCAST);
	r = base(DHCP_ACK, xid); /* an ACK before any REQUEST */
	feed(&r, IPV4_BROADCAST);
	r = base(DHCP_OFFER, xid);
	r.yiaddr = 0;
	feed(&r, IPV4_BROADCAST);
	r = base(DHCP_OFFER, xid);
	r.server = 0;
	feed(&r, IPV4_BROADCAST);

	assert_int_equal(dropped(DHCP_DROP_TRUNCATED), 1);
	assert_int_equal(dropped(DHCP_DROP_BAD_OP), 1);
	assert_int_equal(dropped(DHCP_DROP_BAD_HTYPE), 1);
	assert_int_equal(dropped(DHCP_DROP_BAD_MAGIC), 1);
	assert_int_equal(dropped(DHCP_DROP_BAD_XID), 1);
	assert_int_equal(dropped(DHCP_DROP_BAD_CHADDR), 1);
	assert_int_equal(dropped(DHCP_DROP_BAD_OPTIONS), 3);
	assert_int_equal(dropped(DHCP_DROP_NO_TYPE), 1);
	assert_int_equal(dropped(DHCP_DROP_UNEXPECTED), 1);
	assert_int_equal(dropped(DHCP_DROP_BAD_LEASE), 2);
	assert_int_equal(take(sent_buf, 16), 0);
	assert_int_equal(dhcp_get_state(h_dev), DHCP_SELECTING);

	/* ACK checks, while requesting: no lease time, a mask with holes, a
	 * broadcast address, another server's ACK */
	r = base(DHCP_OFFER, xid);
	feed(&r, IPV4_BROADCAST);
	one(DHCP_REQUEST);
	r = base(DHCP_ACK, xid);
	r.lease = 0;
	feed(&r, IPV4_BROADCAST);
	r = base(DHCP_ACK, xid);
	r.mask = 0xff00ff00u;
	feed(&r, IPV4_BROADCAST);
	r = base(DHCP_ACK, xid);
	r.yiaddr = IPV4(10, 0, 0, 255);
	feed(&r, IPV4_BROADCAST);
	r = base(DHCP_ACK, xid);
	r.server = OTHER_SV;
	feed(&r, IPV4_BROADCAST);
	assert_int_equal(dropped(DHCP_DROP_BAD_LEASE), 5);
	assert_int_equal(dropped(DHCP_DROP_WRONG_SERVER), 1);
	assert_int_equal(dhcp_get_state(h_dev), DHCP_REQUESTING);
	/* a router off the subnet is left out, the lease is taken */
	r = base(DHCP_ACK, xid);
	r.router = IPV4(192, 0, 2, 1);
	feed(&r, IPV4_BROADCAST);
	assert_int_equal(dhcp_get_state(h_dev), DHCP_BOUND);
	{
		struct dhcp_lease l;

		assert_int_equal(dhcp_get_lease(h_dev, &l), 0);
		assert_int_equal(l.router, 0);
	}
	dhcp_stop(h_dev);
	for (i = 0; i < DHCP_DROP_COUNT; i++)
		assert_non_null(dhcp_drop_names[i]);
}

/* The option parser alone: pad, end, the end of the buffer, lengths. */
static void test_parse(void **state)
{
	uint8_t m[600];
	struct dhcp_msg msg;
	enum dhcp_drop why;
	struct reply r = base(DHCP_ACK, 7);
	size_t n;

	(void)state;
	n = build(m, &r);
	assert_true(dhcp_parse(m, n, DHCP_BOOTREPLY, &msg, &why));
	assert_int_equal(msg.type, DHCP_ACK);
	assert_int_equal(msg.dns_count, 2);
	/* stops at the end option: garbage after it is ignored */
	memset(m + n, 0xee, 20);
	assert_true(dhcp_parse(m, n + 20, DHCP_BOOTREPLY, &msg, &why));
	/* an option whose length byte is the last byte */
	n = DHCP_OFF_OPTIONS;
	m[n++] = DHCP_OPT_MSG_TYPE;
	m[n++] = 1;
	m[n++] = DHCP_ACK;
	m[n++] = DHCP_OPT_ROUTER;
	assert_false(dhcp_parse(m, n, DHCP_BOOTREPLY, &msg, &why));
	assert_int_equal(why, DHCP_DROP_BAD_OPTIONS);
	m[n++] = 0;
	assert_false(dhcp_parse(m, n, DHCP_BOOTREPLY, &msg, &why));
	assert_int_equal(why, DHCP_DROP_BAD_OPTIONS);
	/* no end option at all: the buffer's end ends them */
	n = DHCP_OFF_OPTIONS + 3;
	assert_true(dhcp_parse(m, n, DHCP_BOOTREPLY, &msg, &why));
	/* more DNS servers than kept */
	n = DHCP_OFF_OPTIONS + 3;
	m[n++] = DHCP_OPT_DNS;
	m[n++] = 16;
	memset(m + n, 1, 16);
	n += 16;
	assert_true(dhcp_parse(m, n, DHCP_BOOTREPLY, &msg, &why));
	assert_int_equal(msg.dns_count, DHCP_MAX_DNS);
	assert_int_equal(dhcp_mask_prefix(0xffffff00u), 24);
	assert_int_equal(dhcp_mask_prefix(0), 0);
	assert_int_equal(dhcp_mask_prefix(0xffffffffu), 32);
	assert_int_equal(dhcp_mask_prefix(0xfffeff00u), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup(test_exchange, setup),
	    cmocka_unit_test_setup(test_unicast_offer, setup),
	    cmocka_unit_test_setup(test_host_route_lease, setup),
	    cmocka_unit_test_setup(test_retransmit, setup),
	    cmocka_unit_test_setup(test_renew, setup),
	    cmocka_unit_test_setup(test_rebind_expire, setup),
	    cmocka_unit_test_setup(test_rebind_ack, setup),
	    cmocka_unit_test_setup(test_nak, setup),
	    cmocka_unit_test_setup(test_drops, setup),
	    cmocka_unit_test_setup(test_parse, setup),
	};

	return cmocka_run_group_tests_name("dhcp", tests, NULL, NULL);
}
