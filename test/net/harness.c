/* The network test bench: fake platform, fake device, frame builders. */
#include "harness.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rng/rng.h>
#include <uk/glue.h>
#include <uk/plat.h>

const uint8_t h_our_mac[NETDEV_MAC_LEN] = {0x02, 0, 0, 0, 0, 0x02};
const uint8_t h_peer_mac[NETDEV_MAC_LEN] = {0x02, 0, 0, 0, 0, 0x01};
const uint8_t h_other_mac[NETDEV_MAC_LEN] = {0x02, 0, 0, 0, 0, 0x03};

/* The glue a generated glue.c would supply: one net device. */
const struct uk_device uk_devices[] = {
    {
	.name = "net0",
	.kind = UK_DEVICE_NET,
	.mac = {0x02, 0, 0, 0, 0, 0x02},
	.has_mac = 1,
	.ipv4 = {10, 0, 0, 2},
	.ipv4_prefix = 24,
	.gateway = {10, 0, 0, 1},
	.tap = "uk0",
    },
};
const size_t uk_device_count = 1;

const struct uk_device *uk_device_find(const char *name)
{
	return strcmp(name, "net0") ? NULL : &uk_devices[0];
}

/* The platform: a clock that moves only when the loop blocks. */
uint64_t h_now = 1000000000ull;

uint64_t plat_monotonic_ns(void)
{
	return h_now;
}

void plat_block_until(uint64_t deadline_ns)
{
	if (deadline_ns == SCHED_FOREVER) {
		fprintf(stderr, "harness: the loop would block forever\n");
		abort();
	}
	if (deadline_ns > h_now)
		h_now = deadline_ns;
}

/* Entropy for the rng module: the same test seed at every call, so that
 * ISNs, ports and xids are the same at every run of a test. No CPU source
 * (the rng's src/<arch>/ is not built here). */
size_t plat_entropy(void *buf, size_t len, enum plat_entropy_source *src)
{
	memset(buf, 0x42, len);
	*src = PLAT_ENTROPY_GETRANDOM;
	return len;
}

size_t rng_cpu_entropy(void *buf, size_t len, enum rng_source *src);
size_t rng_cpu_entropy(void *buf, size_t len, enum rng_source *src)
{
	(void)buf;
	(void)len;
	(void)src;
	return 0;
}

void plat_console_write(const char *buf, size_t len)
{
	fwrite(buf, 1, len, stderr);
}

/* The device: records what is transmitted. */
#define TX_MAX	  512
#define FRAME_MAX (NETDEV_MTU_DEFAULT + NETDEV_FRAME_OVERHEAD)
static uint8_t tx_frames[TX_MAX][FRAME_MAX];
static size_t tx_lens[TX_MAX], ntx;
int h_tx_error;

static int fake_transmit(struct netdev *dev, const void *frame, size_t len)
{
	(void)dev;
	if (h_tx_error)
		return h_tx_error;
	if (len > FRAME_MAX) {
		fprintf(stderr, "harness: netdev passed a frame of %zu bytes\n", len);
		abort();
	}
	/* a full record keeps the first frames: tests look at those */
	if (ntx < TX_MAX) {
		memcpy(tx_frames[ntx], frame, len);
		tx_lens[ntx++] = len;
	}
	return 0;
}

static const struct netdev_ops fake_ops = {.transmit = fake_transmit};
static struct netdev fake_dev;
struct netdev *h_dev = &fake_dev;

size_t h_tx_count(void)
{
	return ntx;
}

const uint8_t *h_tx_frame(size_t i, size_t *len)
{
	if (i >= ntx)
		return NULL;
	*len = tx_lens[i];
	return tx_frames[i];
}

void h_tx_clear(void)
{
	ntx = 0;
}

/* Every counter of the stack's modules is in its table (uk/counters.h). */
static void check_counter_tables(void)
{
	static const struct uk_counter_table *const tables[] = {
	    &sched_counter_table, &netdev_counter_table, &ethernet_counter_table,
	    &arp_counter_table,	  &ipv4_counter_table,	 &icmp_counter_table,
	    &udp_counter_table,
	};
	size_t i;

	for (i = 0; i < sizeof(tables) / sizeof(tables[0]); i++)
		if (!uk_counter_table_complete(tables[i])) {
			fprintf(stderr, "harness: %s_counter_table misses a field\n",
				tables[i]->module);
			abort();
		}
}

void h_init(void)
{
	static bool done;

	if (done)
		return;
	done = true;
	check_counter_tables();
	fake_dev.name = "net0";
	fake_dev.config = &uk_devices[0];
	memcpy(fake_dev.mac, uk_devices[0].mac, NETDEV_MAC_LEN);
	fake_dev.mtu = NETDEV_MTU_DEFAULT;
	fake_dev.link_up = true;
	fake_dev.ops = &fake_ops;
	if (netdev_register(&fake_dev) || ethernet_init() || arp_init() || ipv4_init() ||
	    icmp_init() || udp_init()) {
		fprintf(stderr, "harness: init failed\n");
		abort();
	}
	h_tx_clear();
}

void h_settle(void)
{
	h_init();
	sched_run_for(600 * SCHED_NS_PER_S);
	h_tx_clear();
	h_tx_error = 0;
}

size_t h_eth(uint8_t *p, const uint8_t dst[NETDEV_MAC_LEN], const uint8_t src[NETDEV_MAC_LEN],
	     uint16_t type)
{
	memcpy(p, dst, NETDEV_MAC_LEN);
	memcpy(p + 6, src, NETDEV_MAC_LEN);
	netdev_put_be16(p + 12, type);
	return ETHERNET_HEADER_LEN;
}

size_t h_arp(uint8_t *p, uint16_t op, const uint8_t sha[NETDEV_MAC_LEN], uint32_t spa,
	     const uint8_t tha[NETDEV_MAC_LEN], uint32_t tpa)
{
	netdev_put_be16(p, 1);
	netdev_put_be16(p + 2, ETHERNET_TYPE_IPV4);
	p[4] = 6;
	p[5] = 4;
	netdev_put_be16(p + 6, op);
	memcpy(p + 8, sha, NETDEV_MAC_LEN);
	netdev_put_be32(p + 14, spa);
	if (tha)
		memcpy(p + 18, tha, NETDEV_MAC_LEN);
	else
		memset(p + 18, 0, NETDEV_MAC_LEN);
	netdev_put_be32(p + 24, tpa);
	return 28;
}

size_t h_ip(uint8_t *p, uint32_t src, uint32_t dst, uint8_t proto, uint16_t id, uint16_t frag,
	    const void *payload, size_t len)
{
	p[0] = 0x45;
	p[1] = 0;
	netdev_put_be16(p + 2, (uint16_t)(20 + len));
	netdev_put_be16(p + 4, id);
	netdev_put_be16(p + 6, frag);
	p[8] = 64;
	p[9] = proto;
	netdev_put_be16(p + 10, 0);
	netdev_put_be32(p + 12, src);
	netdev_put_be32(p + 16, dst);
	netdev_put_be16(p + 10, ipv4_checksum(p, 20));
	if (len)
		memmove(p + 20, payload, len);
	return 20 + len;
}

size_t h_udp(uint8_t *p, uint32_t src, uint32_t dst, uint16_t sport, uint16_t dport,
	     const void *data, size_t len)
{
	uint16_t ulen = (uint16_t)(8 + len), c;

	if (len)
		memmove(p + 8, data, len);
	netdev_put_be16(p, sport);
	netdev_put_be16(p + 2, dport);
	netdev_put_be16(p + 4, ulen);
	netdev_put_be16(p + 6, 0);
	c = ipv4_sum_finish(ipv4_sum(ipv4_pseudo_sum(src, dst, IPV4_PROTO_UDP, ulen), p, ulen));
	netdev_put_be16(p + 6, c ? c : 0xffff);
	return ulen;
}

size_t h_echo(uint8_t *p, uint8_t type, uint16_t id, uint16_t seq, const void *data, size_t len)
{
	if (len)
		memmove(p + 8, data, len);
	p[0] = type;
	p[1] = 0;
	netdev_put_be16(p + 2, 0);
	netdev_put_be16(p + 4, id);
	netdev_put_be16(p + 6, seq);
	netdev_put_be16(p + 2, ipv4_checksum(p, 8 + len));
	return 8 + len;
}

void h_input(const void *frame, size_t len)
{
	h_init();
	netdev_input(h_dev, frame, len);
}

void h_input_ip(const void *packet, size_t len)
{
	static uint8_t f[ETHERNET_HEADER_LEN + IPV4_MAX_PACKET];
	size_t n = h_eth(f, h_our_mac, h_peer_mac, ETHERNET_TYPE_IPV4);

	memcpy(f + n, packet, len);
	h_input(f, n + len);
}

void h_send_ip(uint32_t src, uint32_t dst, uint8_t proto, uint16_t id, uint16_t frag,
	       const void *payload, size_t len)
{
	static uint8_t p[IPV4_MAX_PACKET + 100];

	h_input_ip(p, h_ip(p, src, dst, proto, id, frag, payload, len));
}

void h_send_icmp_error(uint8_t type, uint8_t code, const uint8_t *f)
{
	uint8_t m[8 + 28];

	memset(m, 0, sizeof(m));
	m[0] = type;
	m[1] = code;
	memcpy(m + 8, f + NETDEV_HEADER_LEN, 28);
	netdev_put_be16(m + 2, ipv4_checksum(m, sizeof(m)));
	h_send_ip(H_PEER_IP, H_OUR_IP, IPV4_PROTO_ICMP, 1, 0, m, sizeof(m));
}

void h_send_udp(uint32_t src, uint16_t sport, uint16_t dport, const void *data, size_t len)
{
	static uint8_t u[IPV4_MAX_PACKET];

	h_send_ip(src, H_OUR_IP, IPV4_PROTO_UDP, 1, 0, u,
		  h_udp(u, src, H_OUR_IP, sport, dport, data, len));
}

void h_learn(uint32_t ip, const uint8_t mac[NETDEV_MAC_LEN])
{
	uint8_t f[64];
	size_t n = h_eth(f, ethernet_broadcast, mac, ETHERNET_TYPE_ARP);

	n += h_arp(f + n, 1, mac, ip, NULL, H_OUR_IP);
	h_input(f, n);
	h_tx_clear();
}

bool h_parse_ip(const uint8_t *f, size_t len, struct h_ip_view *v)
{
	const uint8_t *ip = f + ETHERNET_HEADER_LEN;
	size_t ihl, total;

	if (len < ETHERNET_HEADER_LEN + 20 || netdev_be16(f + 12) != ETHERNET_TYPE_IPV4)
		return false;
	ihl = (size_t)(ip[0] & 15) * 4;
	total = netdev_be16(ip + 2);
	if (ihl < 20 || total < ihl || total > len - ETHERNET_HEADER_LEN)
		return false;
	v->eth_dst = f;
	v->src = netdev_be32(ip + 12);
	v->dst = netdev_be32(ip + 16);
	v->proto = ip[9];
	v->ttl = ip[8];
	v->id = netdev_be16(ip + 4);
	v->frag = netdev_be16(ip + 6);
	v->payload = ip + ihl;
	v->len = total - ihl;
	return true;
}

const char *h_frame_problem(const uint8_t *f, size_t len)
{
	struct h_ip_view v;
	uint16_t type;

	if (len < ETHERNET_HEADER_LEN || len > FRAME_MAX)
		return "frame length";
	if (memcmp(f + 6, h_our_mac, NETDEV_MAC_LEN))
		return "source MAC is not ours";
	type = netdev_be16(f + 12);
	if (type == ETHERNET_TYPE_ARP)
		return len == ETHERNET_HEADER_LEN + 28 ? NULL : "ARP length";
	if (type != ETHERNET_TYPE_IPV4)
		return "EtherType";
	if (!h_parse_ip(f, len, &v))
		return "IPv4 header lengths";
	if (f[ETHERNET_HEADER_LEN] != 0x45)
		return "IPv4 version/IHL";
	if (ipv4_checksum(f + ETHERNET_HEADER_LEN, 20))
		return "IPv4 header checksum";
	if (v.len + 20 > NETDEV_MTU_DEFAULT)
		return "over the MTU";
	if (v.frag & 0x3fff)
		return NULL; /* a fragment: the transport checksum spans several */
	if (v.proto == IPV4_PROTO_UDP) {
		if (v.len < 8 || netdev_be16(v.payload + 4) != v.len)
			return "UDP length";
		if (ipv4_sum_finish(
			ipv4_sum(ipv4_pseudo_sum(v.src, v.dst, IPV4_PROTO_UDP, (uint16_t)v.len),
				 v.payload, v.len)))
			return "UDP checksum";
	}
	if (v.proto == IPV4_PROTO_ICMP && (v.len < 8 || ipv4_checksum(v.payload, v.len)))
		return "ICMP length or checksum";
	return NULL;
}

void h_counters_delta(const struct uk_counter_table *t, const void *before, const void *now,
		      void *out)
{
	const struct uk_counter_desc *d;
	size_t i;

	memcpy(out, now, t->size);
	for (d = t->descs; d < t->descs + t->n; d++)
		for (i = 0; i < d->count && !d->gauge; i++)
			uk_counter_set(d, out, i,
				       uk_counter_get(d, now, i) - uk_counter_get(d, before, i));
}
