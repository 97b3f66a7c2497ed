/* arp over the test bench: replies, announcements, the cache (learning,
 * merging, expiry, eviction), resolution with its queue, retries, and
 * malformed packets dropped and counted. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "harness.h"

static struct arp_stats before;
static struct udp_socket sock;

static int setup(void **state)
{
	(void)state;
	h_settle();
	if (!udp_port(&sock))
		assert_int_equal(udp_bind(&sock, IPV4_ANY, 0, NULL, NULL), 0);
	arp_stats(&before);
	return 0;
}

static struct arp_stats delta(void)
{
	struct arp_stats now, d;

	arp_stats(&now);
	h_counters_delta(&arp_counter_table, &before, &now, &d);
	return d;
}

/* The ARP packet of transmitted frame i, checked to be one. */
struct arp_view {
	const uint8_t *eth_dst, *sha, *tha;
	uint16_t op;
	uint32_t spa, tpa;
};

static struct arp_view tx_arp(size_t i)
{
	struct arp_view v;
	size_t len;
	const uint8_t *f = h_tx_frame(i, &len), *p;

	assert_non_null(f);
	assert_int_equal(len, 14 + 28);
	assert_int_equal(netdev_be16(f + 12), ETHERNET_TYPE_ARP);
	assert_null(h_frame_problem(f, len));
	p = f + 14;
	assert_int_equal(netdev_be16(p), 1);
	assert_int_equal(netdev_be16(p + 2), 0x0800);
	assert_int_equal(p[4], 6);
	assert_int_equal(p[5], 4);
	v.eth_dst = f;
	v.op = netdev_be16(p + 6);
	v.sha = p + 8;
	v.spa = netdev_be32(p + 14);
	v.tha = p + 18;
	v.tpa = netdev_be32(p + 24);
	return v;
}

static void input_arp(const uint8_t *eth_dst, uint16_t op, const uint8_t *sha, uint32_t spa,
		      const uint8_t *tha, uint32_t tpa)
{
	uint8_t f[64];
	size_t n = h_eth(f, eth_dst, sha, ETHERNET_TYPE_ARP);

	n += h_arp(f + n, op, sha, spa, tha, tpa);
	h_input(f, n);
}

static const uint8_t zero_mac[6];

static void test_announces_its_address(void **state)
{
	struct arp_view v;

	(void)state;
	assert_int_equal(ipv4_configure(h_dev, H_OUR_IP, 24, H_PEER_IP), 0);
	/* RFC 5227: an ARP request with sender and target our address */
	assert_int_equal(h_tx_count(), 1);
	v = tx_arp(0);
	assert_memory_equal(v.eth_dst, ethernet_broadcast, 6);
	assert_int_equal(v.op, 1);
	assert_memory_equal(v.sha, h_our_mac, 6);
	assert_int_equal(v.spa, H_OUR_IP);
	assert_int_equal(v.tpa, H_OUR_IP);
	assert_memory_equal(v.tha, zero_mac, 6);
	/* the second one two seconds later, then no more */
	sched_run_for(1999 * SCHED_NS_PER_MS);
	assert_int_equal(h_tx_count(), 1);
	sched_run_for(2 * SCHED_NS_PER_MS);
	assert_int_equal(h_tx_count(), 2);
	sched_run_for(60 * SCHED_NS_PER_S);
	assert_int_equal(h_tx_count(), 2);
	assert_int_equal(delta().announcements, 2);
}

static void test_replies_and_learns(void **state)
{
	struct arp_view v;
	uint8_t mac[6];

	(void)state;
	assert_int_equal(arp_lookup(h_dev, H_PEER_IP, mac), -2 /* ENOENT */);
	input_arp(ethernet_broadcast, 1, h_peer_mac, H_PEER_IP, NULL, H_OUR_IP);
	assert_int_equal(h_tx_count(), 1);
	v = tx_arp(0);
	assert_memory_equal(v.eth_dst, h_peer_mac, 6);
	assert_int_equal(v.op, 2);
	assert_memory_equal(v.sha, h_our_mac, 6);
	assert_int_equal(v.spa, H_OUR_IP);
	assert_memory_equal(v.tha, h_peer_mac, 6);
	assert_int_equal(v.tpa, H_PEER_IP);
	/* the requester is about to talk to us: it is cached */
	assert_int_equal(arp_lookup(h_dev, H_PEER_IP, mac), 0);
	assert_memory_equal(mac, h_peer_mac, 6);
	assert_int_equal(delta().rx_requests, 1);
	assert_int_equal(delta().tx_replies, 1);
	assert_int_equal(delta().resolved, 1);
	/* a probe (sender 0.0.0.0) is answered, and nothing is cached for 0 */
	h_tx_clear();
	input_arp(ethernet_broadcast, 1, h_other_mac, 0, NULL, H_OUR_IP);
	assert_int_equal(h_tx_count(), 1);
	v = tx_arp(0);
	assert_int_equal(v.op, 2);
	assert_int_equal(v.tpa, 0);
	assert_memory_equal(v.eth_dst, h_other_mac, 6);
	assert_int_equal(arp_lookup(h_dev, 0, mac), -2);
	assert_int_equal(delta().entries, 1);
}

static void test_other_hosts_and_merge(void **state)
{
	static const uint8_t new_mac[6] = {0x02, 0, 0, 0, 0, 0x99};
	uint8_t mac[6];

	(void)state;
	/* a request for someone else: ignored, sender not cached */
	input_arp(ethernet_broadcast, 1, h_other_mac, H_OTHER_IP, NULL, H_PEER_IP);
	assert_int_equal(h_tx_count(), 0);
	assert_int_equal(delta().drops[ARP_DROP_NOT_FOR_US], 1);
	assert_int_equal(arp_lookup(h_dev, H_OTHER_IP, mac), -2);
	/* but a sender we know is updated by whatever it sends (RFC 826) */
	h_learn(H_PEER_IP, h_peer_mac);
	input_arp(ethernet_broadcast, 1, new_mac, H_PEER_IP, NULL, H_OTHER_IP);
	assert_int_equal(arp_lookup(h_dev, H_PEER_IP, mac), 0);
	assert_memory_equal(mac, new_mac, 6);
	assert_int_equal(delta().resolved, 2);
	/* an unsolicited reply to us: learnt, no answer */
	input_arp(h_our_mac, 2, h_other_mac, H_OTHER_IP, h_our_mac, H_OUR_IP);
	assert_int_equal(arp_lookup(h_dev, H_OTHER_IP, mac), 0);
	assert_int_equal(h_tx_count(), 0);
	assert_int_equal(delta().rx_replies, 1);
}

static void test_malformed_dropped(void **state)
{
	static const uint8_t group[6] = {0x01, 0, 0x5e, 0, 0, 1};
	uint8_t f[64], *p = f + 14;
	size_t n;
	struct arp_stats d;

	(void)state;
	n = h_eth(f, ethernet_broadcast, h_peer_mac, ETHERNET_TYPE_ARP);
	h_arp(p, 1, h_peer_mac, H_PEER_IP, NULL, H_OUR_IP);
	h_input(f, n + 27); /* one byte short */
	p[1] = 6;	    /* hardware type 6 */
	h_input(f, n + 28);
	p[1] = 1;
	p[2] = 0x86; /* protocol type IPv6 */
	h_input(f, n + 28);
	p[2] = 0x08;
	p[4] = 8; /* hardware address length 8 */
	h_input(f, n + 28);
	p[4] = 6;
	p[5] = 16; /* protocol address length 16 */
	h_input(f, n + 28);
	p[5] = 4;
	p[7] = 3; /* RARP request */
	h_input(f, n + 28);
	p[7] = 1;
	/* a group MAC as the sender (in ARP only: ethernet stops it as a
	 * source), our own, a broadcast or multicast address */
	memcpy(p + 8, group, 6);
	h_input(f, n + 28);
	memcpy(p + 8, h_our_mac, 6);
	h_input(f, n + 28);
	input_arp(ethernet_broadcast, 1, h_peer_mac, IPV4_BROADCAST, NULL, H_OUR_IP);
	input_arp(ethernet_broadcast, 1, h_peer_mac, IPV4(224, 0, 0, 1), NULL, H_OUR_IP);
	input_arp(ethernet_broadcast, 1, h_other_mac, H_OUR_IP, NULL, H_OUR_IP);
	d = delta();
	assert_int_equal(d.drops[ARP_DROP_TOO_SHORT], 1);
	assert_int_equal(d.drops[ARP_DROP_BAD_FORMAT], 4);
	assert_int_equal(d.drops[ARP_DROP_BAD_OPCODE], 1);
	assert_int_equal(d.drops[ARP_DROP_BAD_SENDER], 4);
	assert_int_equal(d.drops[ARP_DROP_CONFLICT], 1);
	assert_int_equal(d.rx_requests, 0);
	assert_int_equal(h_tx_count(), 0);
	/* and the address still belongs to us */
	input_arp(ethernet_broadcast, 1, h_peer_mac, H_PEER_IP, NULL, H_OUR_IP);
	assert_int_equal(tx_arp(0).spa, H_OUR_IP);
}

static void test_resolution_sends_queue_in_order(void **state)
{
	struct arp_view v;
	struct h_ip_view ip;
	size_t i, len;
	char data[2] = "0";

	(void)state;
	for (i = 0; i < 3; i++) {
		data[0] = (char)('a' + i);
		assert_int_equal(udp_sendto(&sock, H_OTHER_IP, 9, data, 1), 0);
	}
	/* one request, three packets waiting */
	assert_int_equal(h_tx_count(), 1);
	v = tx_arp(0);
	assert_int_equal(v.op, 1);
	assert_memory_equal(v.eth_dst, ethernet_broadcast, 6);
	assert_int_equal(v.spa, H_OUR_IP);
	assert_int_equal(v.tpa, H_OTHER_IP);
	assert_int_equal(delta().queued, 3);
	h_tx_clear();
	input_arp(h_our_mac, 2, h_other_mac, H_OTHER_IP, h_our_mac, H_OUR_IP);
	assert_int_equal(h_tx_count(), 3);
	for (i = 0; i < 3; i++) {
		const uint8_t *f = h_tx_frame(i, &len);

		assert_true(h_parse_ip(f, len, &ip));
		assert_memory_equal(ip.eth_dst, h_other_mac, 6);
		assert_int_equal(ip.dst, H_OTHER_IP);
		assert_int_equal(ip.payload[8], 'a' + i);
		assert_null(h_frame_problem(f, len));
	}
	/* now known: the next one goes at once */
	h_tx_clear();
	assert_int_equal(udp_sendto(&sock, H_OTHER_IP, 9, "d", 1), 0);
	assert_int_equal(h_tx_count(), 1);
	assert_int_equal(delta().queued, 3);
}

static void test_retries_then_gives_up(void **state)
{
	struct arp_stats d;
	size_t i;

	(void)state;
	assert_int_equal(udp_sendto(&sock, H_OTHER_IP, 9, "x", 1), 0);
	assert_int_equal(udp_sendto(&sock, H_OTHER_IP, 9, "y", 1), 0);
	sched_run_for(10 * SCHED_NS_PER_S);
	/* CONFIG_ARP_RETRIES (3) requests, a second apart, then nothing */
	assert_int_equal(h_tx_count(), 3);
	for (i = 0; i < 3; i++)
		assert_int_equal(tx_arp(i).tpa, H_OTHER_IP);
	d = delta();
	assert_int_equal(d.tx_requests, 3);
	assert_int_equal(d.failed, 1);
	assert_int_equal(d.drops[ARP_DROP_UNRESOLVED], 2);
	assert_int_equal(d.entries, 0);
}

static void test_queue_limit(void **state)
{
	int i;

	(void)state;
	for (i = 0; i < 4; i++)
		assert_int_equal(udp_sendto(&sock, H_OTHER_IP, 9, "q", 1), 0);
	assert_int_equal(udp_sendto(&sock, H_OTHER_IP, 9, "q", 1), -105 /* ENOBUFS */);
	assert_int_equal(udp_sendto(&sock, H_OTHER_IP, 9, "q", 1), -105);
	assert_int_equal(delta().queued, 4);
	assert_int_equal(delta().drops[ARP_DROP_QUEUE_FULL], 2);
}

static void test_expiry(void **state)
{
	uint8_t mac[6];

	(void)state;
	h_learn(H_PEER_IP, h_peer_mac);
	sched_run_for(59 * SCHED_NS_PER_S);
	assert_int_equal(arp_lookup(h_dev, H_PEER_IP, mac), 0);
	/* news of the neighbour restarts its time */
	input_arp(h_our_mac, 2, h_peer_mac, H_PEER_IP, h_our_mac, H_OUR_IP);
	sched_run_for(59 * SCHED_NS_PER_S);
	assert_int_equal(arp_lookup(h_dev, H_PEER_IP, mac), 0);
	sched_run_for(2 * SCHED_NS_PER_S);
	assert_int_equal(arp_lookup(h_dev, H_PEER_IP, mac), -2);
	assert_int_equal(delta().expired, 1);
	assert_int_equal(delta().entries, 0);
}

static void test_full_cache(void **state)
{
	uint8_t mac[6] = {0x02, 0, 0, 0, 0, 0};
	uint32_t i;

	(void)state;
	/* four neighbours (CONFIG_ARP_CACHE_SIZE) learnt a second apart */
	for (i = 0; i < 4; i++) {
		mac[5] = (uint8_t)(0x10 + i);
		h_learn(IPV4(10, 0, 0, 10 + i), mac);
		sched_run_for(SCHED_NS_PER_S);
	}
	/* .10 is used again: .11 is now the least recently used */
	assert_int_equal(udp_sendto(&sock, IPV4(10, 0, 0, 10), 9, "u", 1), 0);
	assert_int_equal(udp_sendto(&sock, IPV4(10, 0, 0, 20), 9, "n", 1), 0);
	assert_int_equal(delta().evicted, 1);
	assert_int_equal(arp_lookup(h_dev, IPV4(10, 0, 0, 11), mac), -2);
	assert_int_equal(arp_lookup(h_dev, IPV4(10, 0, 0, 10), mac), 0);
	/* with every entry waiting for a reply there is no room at all */
	assert_int_equal(udp_sendto(&sock, IPV4(10, 0, 0, 21), 9, "n", 1), 0);
	assert_int_equal(udp_sendto(&sock, IPV4(10, 0, 0, 22), 9, "n", 1), 0);
	assert_int_equal(udp_sendto(&sock, IPV4(10, 0, 0, 23), 9, "n", 1), 0);
	assert_int_equal(udp_sendto(&sock, IPV4(10, 0, 0, 24), 9, "n", 1), -105);
	assert_int_equal(delta().drops[ARP_DROP_CACHE_FULL], 1);
	assert_int_equal(delta().entries, 4);
}

static void test_unknown_device(void **state)
{
	struct netdev other = {.name = "x"};

	(void)state;
	assert_int_equal(arp_set_address(&other, H_OUR_IP), -19 /* ENODEV */);
	assert_string_equal(arp_drop_names[ARP_DROP_UNRESOLVED], "unresolved");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup(test_announces_its_address, setup),
	    cmocka_unit_test_setup(test_replies_and_learns, setup),
	    cmocka_unit_test_setup(test_other_hosts_and_merge, setup),
	    cmocka_unit_test_setup(test_malformed_dropped, setup),
	    cmocka_unit_test_setup(test_resolution_sends_queue_in_order, setup),
	    cmocka_unit_test_setup(test_retries_then_gives_up, setup),
	    cmocka_unit_test_setup(test_queue_limit, setup),
	    cmocka_unit_test_setup(test_expiry, setup),
	    cmocka_unit_test_setup(test_full_cache, setup),
	    cmocka_unit_test_setup(test_unknown_device, setup),
	};

	return cmocka_run_group_tests_name("arp", tests, NULL, NULL);
}
