/* ipv4 over the test bench: checksums and addresses, configuration and
 * routing, every input check, fragmentation on output, reassembly and its
 * limits (duplicates, overlaps, sizes, counts, timeouts, eviction). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "harness.h"

static struct ipv4_stats before;
static struct udp_socket sink, sender;
static uint8_t got[70000];
static size_t got_len, got_count;

static void collect(struct udp_socket *s, const struct udp_datagram *d, void *arg)
{
	(void)s;
	(void)arg;
	memcpy(got, d->data, d->len);
	got_len = d->len;
	got_count++;
}

static int setup(void **state)
{
	(void)state;
	h_settle();
	if (!udp_port(&sink)) {
		assert_int_equal(udp_bind(&sink, IPV4_ANY, 5555, collect, NULL), 0);
		assert_int_equal(udp_bind(&sender, IPV4_ANY, 0, NULL, NULL), 0);
	}
	got_len = got_count = 0;
	h_learn(H_PEER_IP, h_peer_mac);
	ipv4_stats(&before);
	return 0;
}

static uint64_t dropped(enum ipv4_drop why)
{
	struct ipv4_stats now;

	ipv4_stats(&now);
	return now.drops[why] - before.drops[why];
}

static uint64_t total_drops(void)
{
	struct ipv4_stats now;
	uint64_t n = 0;
	size_t i;

	ipv4_stats(&now);
	for (i = 0; i < IPV4_DROP_COUNT; i++)
		n += now.drops[i] - before.drops[i];
	return n;
}

static void test_checksum_and_addresses(void **state)
{
	/* RFC 1071's example words sum to ddf2 (before the complement) */
	static const uint8_t words[] = {0x00, 0x01, 0xf2, 0x03, 0xf4, 0xf5, 0xf6, 0xf7};
	/* a header from a real capture, checksum b1e6 */
	static const uint8_t hdr[] = {0x45, 0x00, 0x00, 0x73, 0x00, 0x00, 0x40, 0x00, 0x40, 0x11,
				      0xb8, 0x61, 0xc0, 0xa8, 0x00, 0x01, 0xc0, 0xa8, 0x00, 0xc7};
	char buf[IPV4_STRLEN];
	uint32_t a = 7;

	(void)state;
	assert_int_equal(ipv4_sum(0, words, sizeof(words)), 0xddf2);
	assert_int_equal(ipv4_sum_finish(0xddf2), 0x220d);
	assert_int_equal(ipv4_checksum(hdr, sizeof(hdr)), 0);
	/* an odd length pads with a zero byte */
	assert_int_equal(ipv4_sum(0, "\x01", 1), 0x0100);
	assert_string_equal(ipv4_format(IPV4(10, 0, 0, 2), buf), "10.0.0.2");
	assert_string_equal(ipv4_format(IPV4(255, 255, 255, 255), buf), "255.255.255.255");
	assert_string_equal(ipv4_format(0, buf), "0.0.0.0");
	assert_int_equal(ipv4_parse("192.168.100.7", &a), 0);
	assert_int_equal(a, IPV4(192, 168, 100, 7));
	assert_int_equal(ipv4_parse("256.1.1.1", &a), -22);
	assert_int_equal(ipv4_parse("1.2.3", &a), -22);
	assert_int_equal(ipv4_parse("1.2.3.4 ", &a), -22);
	assert_int_equal(ipv4_parse("1..3.4", &a), -22);
	assert_int_equal(ipv4_parse("0001.2.3.4", &a), -22);
	assert_int_equal(a, IPV4(192, 168, 100, 7));
	assert_int_equal(ipv4_netmask(24), 0xffffff00u);
	assert_int_equal(ipv4_netmask(0), 0);
	assert_int_equal(ipv4_netmask(32), 0xffffffffu);
}

static void test_config_and_routes(void **state)
{
	struct ipv4_config c;
	struct ipv4_route r;

	(void)state;
	/* from the manifest: 10.0.0.2/24 via 10.0.0.1 */
	assert_int_equal(ipv4_get_config(h_dev, &c), 0);
	assert_int_equal(c.addr, H_OUR_IP);
	assert_int_equal(c.prefix, 24);
	assert_int_equal(c.gateway, H_PEER_IP);
	assert_int_equal(ipv4_route(H_OTHER_IP, &r), 0);
	assert_ptr_equal(r.dev, h_dev);
	assert_int_equal(r.next_hop, H_OTHER_IP);
	assert_int_equal(r.src, H_OUR_IP);
	assert_int_equal(ipv4_route(H_FAR_IP, &r), 0);
	assert_int_equal(r.next_hop, H_PEER_IP);
	assert_int_equal(ipv4_route(IPV4_BROADCAST, &r), 0);
	assert_int_equal(r.next_hop, IPV4_BROADCAST);
	/* bad configurations change nothing */
	assert_int_equal(ipv4_configure(h_dev, H_OUR_IP, 33, 0), -22);
	assert_int_equal(ipv4_configure(h_dev, H_OUR_IP, 24, H_FAR_IP), -22);
	assert_int_equal(ipv4_configure(h_dev, IPV4(224, 0, 0, 1), 24, 0), -22);
	assert_int_equal(ipv4_get_config(h_dev, &c), 0);
	assert_int_equal(c.addr, H_OUR_IP);
	/* without a gateway, far hosts are unreachable */
	assert_int_equal(ipv4_configure(h_dev, H_OUR_IP, 24, 0), 0);
	assert_int_equal(ipv4_route(H_FAR_IP, &r), -101 /* ENETUNREACH */);
	assert_int_equal(udp_sendto(&sender, H_FAR_IP, 9, "x", 1), -101);
	assert_int_equal(ipv4_output(0, H_FAR_IP, 253, NULL, 0, "x", 1), -101);
	assert_int_equal(dropped(IPV4_DROP_NO_ROUTE), 1);
	assert_int_equal(ipv4_output(0, IPV4(239, 1, 1, 1), 253, NULL, 0, "x", 1), -101);
	assert_int_equal(ipv4_configure(h_dev, H_OUR_IP, 24, H_PEER_IP), 0);
	/* through the gateway: the frame goes to its MAC */
	h_tx_clear();
	assert_int_equal(udp_sendto(&sender, H_FAR_IP, 9, "x", 1), 0);
	assert_int_equal(h_tx_count(), 1);
	{
		size_t len;
		const uint8_t *f = h_tx_frame(0, &len);
		struct h_ip_view v;

		assert_true(h_parse_ip(f, len, &v));
		assert_memory_equal(v.eth_dst, h_peer_mac, 6);
		assert_int_equal(v.dst, H_FAR_IP);
		assert_int_equal(v.src, H_OUR_IP);
		assert_int_equal(v.ttl, 64);
		assert_null(h_frame_problem(f, len));
	}
}

/* Feeds a UDP datagram to port 5555 whose IPv4 header is then spoilt by
 * spoil (which may also shorten *len). */
static void spoilt(void (*spoil)(uint8_t *ip, size_t *len))
{
	static uint8_t p[2000];
	uint8_t u[64];
	size_t n = h_udp(u, H_PEER_IP, H_OUR_IP, 1000, 5555, "data", 4);

	n = h_ip(p, H_PEER_IP, H_OUR_IP, IPV4_PROTO_UDP, 9, 0, u, n);
	spoil(p, &n);
	h_input_ip(p, n);
}

static void fix(uint8_t *ip)
{
	netdev_put_be16(ip + 10, 0);
	netdev_put_be16(ip + 10, ipv4_checksum(ip, (size_t)(ip[0] & 15) * 4));
}

static void truncate_19(uint8_t *ip, size_t *len)
{
	(void)ip;
	*len = 19;
}
static void version_6(uint8_t *ip, size_t *len)
{
	(void)len;
	ip[0] = 0x65;
	fix(ip);
}
static void ihl_4(uint8_t *ip, size_t *len)
{
	(void)len;
	ip[0] = 0x44;
}
static void ihl_15(uint8_t *ip, size_t *len)
{
	*len = 40;
	ip[0] = 0x4f;
}
static void total_long(uint8_t *ip, size_t *len)
{
	(void)len;
	ip[3] += 1;
	fix(ip);
}
static void total_short(uint8_t *ip, size_t *len)
{
	(void)len;
	ip[2] = 0;
	ip[3] = 19;
	fix(ip);
}
static void bad_sum(uint8_t *ip, size_t *len)
{
	(void)len;
	ip[10] ^= 0x40;
}
static void src_bcast(uint8_t *ip, size_t *len)
{
	(void)len;
	memset(ip + 12, 0xff, 4);
	fix(ip);
}
static void src_zero(uint8_t *ip, size_t *len)
{
	(void)len;
	memset(ip + 12, 0, 4);
	fix(ip);
}
static void src_loop(uint8_t *ip, size_t *len)
{
	(void)len;
	ip[12] = 127;
	fix(ip);
}
static void src_mcast(uint8_t *ip, size_t *len)
{
	(void)len;
	ip[12] = 224;
	fix(ip);
}
static void dst_other(uint8_t *ip, size_t *len)
{
	(void)len;
	ip[19] = 3;
	fix(ip);
}
static void dst_mcast(uint8_t *ip, size_t *len)
{
	(void)len;
	ip[16] = 239;
	fix(ip);
}
static void padded(uint8_t *ip, size_t *len)
{
	memset(ip + *len, 0xee, 20);
	*len += 20;
}

static void test_input_checks(void **state)
{
	(void)state;
	spoilt(truncate_19);
	assert_int_equal(dropped(IPV4_DROP_TOO_SHORT), 1);
	spoilt(version_6);
	assert_int_equal(dropped(IPV4_DROP_BAD_VERSION), 1);
	spoilt(ihl_4);
	spoilt(ihl_15);
	assert_int_equal(dropped(IPV4_DROP_BAD_HEADER_LEN), 2);
	spoilt(total_long);
	spoilt(total_short);
	assert_int_equal(dropped(IPV4_DROP_BAD_TOTAL_LEN), 2);
	spoilt(bad_sum);
	assert_int_equal(dropped(IPV4_DROP_BAD_CHECKSUM), 1);
	spoilt(src_bcast);
	spoilt(src_zero);
	spoilt(src_loop);
	spoilt(src_mcast);
	assert_int_equal(dropped(IPV4_DROP_BAD_SOURCE), 4);
	spoilt(dst_other);
	spoilt(dst_mcast);
	assert_int_equal(dropped(IPV4_DROP_NOT_FOR_US), 2);
	assert_int_equal(total_drops(), 13);
	assert_int_equal(got_count, 0);
	assert_int_equal(h_tx_count(), 0);
	/* Ethernet padding past the total length is not data */
	spoilt(padded);
	assert_int_equal(got_count, 1);
	assert_int_equal(got_len, 4);
	assert_memory_equal(got, "data", 4);
}

static void test_options_and_broadcasts(void **state)
{
	uint8_t p[100], u[40];
	size_t n = h_udp(u, H_PEER_IP, H_OUR_IP, 1000, 5555, "opt", 3);

	(void)state;
	/* IHL 6: a 4-byte option (NOPs and an end) before the payload */
	n = h_ip(p, H_PEER_IP, H_OUR_IP, IPV4_PROTO_UDP, 9, 0, u, n);
	memmove(p + 24, p + 20, n - 20);
	memcpy(p + 20, "\x01\x01\x01\x00", 4);
	p[0] = 0x46;
	netdev_put_be16(p + 2, (uint16_t)(n + 4));
	fix(p);
	h_input_ip(p, n + 4);
	assert_int_equal(got_count, 1);
	assert_memory_equal(got, "opt", 3);
	/* the limited and the subnet broadcast are for us too */
	n = h_udp(u, H_PEER_IP, IPV4_BROADCAST, 1000, 5555, "b1", 2);
	h_send_ip(H_PEER_IP, IPV4_BROADCAST, IPV4_PROTO_UDP, 10, 0, u, n);
	n = h_udp(u, H_PEER_IP, IPV4(10, 0, 0, 255), 1000, 5555, "b2", 2);
	h_send_ip(H_PEER_IP, IPV4(10, 0, 0, 255), IPV4_PROTO_UDP, 11, 0, u, n);
	assert_int_equal(got_count, 3);
	assert_memory_equal(got, "b2", 2);
}

static void test_unknown_protocol(void **state)
{
	struct h_ip_view v;
	size_t len;
	const uint8_t *f;

	(void)state;
	h_send_ip(H_PEER_IP, H_OUR_IP, 200, 77, 0, "whatever", 8);
	assert_int_equal(dropped(IPV4_DROP_NO_PROTOCOL), 1);
	/* icmp reports it: protocol unreachable, quoting the header */
	assert_int_equal(h_tx_count(), 1);
	f = h_tx_frame(0, &len);
	assert_true(h_parse_ip(f, len, &v));
	assert_int_equal(v.proto, IPV4_PROTO_ICMP);
	assert_int_equal(v.payload[0], 3);
	assert_int_equal(v.payload[1], 2);
	assert_int_equal(v.len, 8 + 20 + 8);
	assert_int_equal(v.payload[8 + 9], 200);
	assert_null(h_frame_problem(f, len));
	/* but not about a broadcast */
	h_tx_clear();
	h_send_ip(H_PEER_IP, IPV4_BROADCAST, 200, 78, 0, "whatever", 8);
	assert_int_equal(h_tx_count(), 0);
	assert_int_equal(ipv4_register(IPV4_PROTO_UDP, NULL), -17 /* EEXIST */);
}

/* Sends a datagram big enough to be fragmented, then feeds the fragments
 * the stack sent back into it: they must make the same datagram. */
static void test_fragments_out_and_back(void **state)
{
	static uint8_t data[5000], frames[8][1600];
	size_t lens[8], n, i, len, off = 0;
	struct h_ip_view v;

	(void)state;
	for (i = 0; i < sizeof(data); i++)
		data[i] = (uint8_t)(i * 7 + i / 256);
	assert_int_equal(udp_sendto(&sender, H_PEER_IP, 5555, data, sizeof(data)), 0);
	/* 5008 bytes of UDP in 1480-byte pieces: 4 fragments */
	n = h_tx_count();
	assert_int_equal(n, 4);
	for (i = 0; i < n; i++) {
		const uint8_t *f = h_tx_frame(i, &len);

		assert_null(h_frame_problem(f, len));
		assert_true(h_parse_ip(f, len, &v));
		assert_int_equal((v.frag & 0x1fff) * 8, off);
		assert_int_equal(!!(v.frag & 0x2000), i < n - 1);
		assert_int_equal(v.len, i < n - 1 ? 1480 : 5008 - 3 * 1480);
		off += v.len;
		memcpy(frames[i], f, len);
		lens[i] = len;
	}
	{
		struct ipv4_stats s;

		ipv4_stats(&s);
		assert_int_equal(s.tx_fragments - before.tx_fragments, 4);
		assert_int_equal(s.tx_packets - before.tx_packets, 1);
	}
	/* back in, last first, as if addressed to us by the peer */
	for (i = n; i-- > 0;) {
		uint8_t *ip = frames[i] + 14;

		memcpy(frames[i], h_our_mac, 6);
		memcpy(frames[i] + 6, h_peer_mac, 6);
		memcpy(ip + 12, "\x0a\x00\x00\x01", 4);
		memcpy(ip + 16, "\x0a\x00\x00\x02", 4);
		fix(ip);
		h_input(frames[i], lens[i]);
	}
	/* the UDP checksum was computed for our address as the source: with
	 * the addresses swapped the pseudo header sums the same */
	assert_int_equal(got_count, 1);
	assert_int_equal(got_len, sizeof(data));
	assert_memory_equal(got, data, sizeof(data));
	assert_int_equal(total_drops(), 0);
	/* a payload over 65515 bytes cannot be sent */
	assert_int_equal(ipv4_output(0, H_PEER_IP, 253, NULL, 0, data, 65516), -90 /* EMSGSIZE */);
	assert_int_equal(dropped(IPV4_DROP_TOO_BIG), 1);
}

/* A UDP datagram to port 5555 with `len` bytes of payload, cut at the
 * given offsets (multiples of 8) into fragments; fed in the order given
 * by `order` (indexes into the pieces). */
static uint8_t whole[70000];
static size_t whole_len;

static void make_whole(size_t len)
{
	static uint8_t payload[70000];
	size_t i;

	for (i = 0; i < len; i++)
		payload[i] = (uint8_t)(i ^ (i >> 8));
	whole_len = h_udp(whole, H_PEER_IP, H_OUR_IP, 1000, 5555, payload, len);
}

static void piece(uint16_t id, size_t off, size_t len, bool more)
{
	h_send_ip(H_PEER_IP, H_OUR_IP, IPV4_PROTO_UDP, id,
		  (uint16_t)((more ? 0x2000 : 0) | off / 8), whole + off, len);
}

static void test_reassembly_orders(void **state)
{
	(void)state;
	make_whole(3000); /* 3008 bytes of UDP */
	/* in order */
	piece(1, 0, 1000, true);
	piece(1, 1000, 1000, true);
	piece(1, 2000, 1008, false);
	assert_int_equal(got_count, 1);
	assert_int_equal(got_len, 3000);
	assert_memory_equal(got, whole + 8, 3000);
	/* backwards, with a duplicate in the middle */
	piece(2, 2000, 1008, false);
	piece(2, 1000, 1000, true);
	piece(2, 1000, 1000, true);
	piece(2, 0, 1000, true);
	assert_int_equal(got_count, 2);
	assert_memory_equal(got, whole + 8, 3000);
	assert_int_equal(dropped(IPV4_DROP_FRAG_DUPLICATE), 1);
	/* two datagrams interleaved */
	piece(3, 0, 1000, true);
	piece(4, 2000, 1008, false);
	piece(3, 2000, 1008, false);
	piece(4, 0, 1000, true);
	piece(3, 1000, 1000, true);
	piece(4, 1000, 1000, true);
	assert_int_equal(got_count, 4);
	{
		struct ipv4_stats s;

		ipv4_stats(&s);
		assert_int_equal(s.reassembled - before.reassembled, 4);
		assert_int_equal(s.rx_fragments - before.rx_fragments, 13);
	}
	assert_int_equal(total_drops(), 1);
}

static void test_reassembly_rejects(void **state)
{
	(void)state;
	make_whole(3000);
	/* overlapping: the whole datagram goes, so the rest cannot complete it */
	piece(10, 0, 1000, true);
	piece(10, 992, 1008, true);
	assert_int_equal(dropped(IPV4_DROP_FRAG_OVERLAP), 1);
	piece(10, 1000, 1000, true);
	piece(10, 2000, 1008, false);
	assert_int_equal(got_count, 0);
	/* not a multiple of 8 (but the last), and empty: dropped alone */
	piece(11, 0, 999, true);
	piece(11, 0, 0, true);
	assert_int_equal(dropped(IPV4_DROP_FRAG_BAD), 2);
	/* two different ends */
	piece(12, 2000, 1008, false);
	piece(12, 1000, 1008, false);
	/* past the end */
	piece(13, 1000, 1000, false);
	piece(13, 1000 + 1000, 8, true);
	assert_int_equal(dropped(IPV4_DROP_FRAG_BAD), 4);
	assert_int_equal(got_count, 0);
	assert_int_equal(h_tx_count(), 0);
}

static void test_reassembly_limits(void **state)
{
	static uint8_t big[1500];
	size_t i;

	(void)state;
	/* the ping of death: an end past 65535 */
	h_send_ip(H_PEER_IP, H_OUR_IP, IPV4_PROTO_UDP, 20, 0x2000 | 8189, big, 8 * 8);
	h_send_ip(H_PEER_IP, H_OUR_IP, IPV4_PROTO_UDP, 20, 8100, big, 1480);
	assert_int_equal(dropped(IPV4_DROP_FRAG_TOO_BIG), 2);
	/* the biggest legal datagram is fine: 65515 bytes of payload, in the
	 * 45 fragments of an Ethernet MTU */
	make_whole(65507);
	for (i = 0; i < whole_len; i += 1480)
		piece(21, i, i + 1480 < whole_len ? 1480 : whole_len - i, i + 1480 < whole_len);
	assert_int_equal(got_count, 1);
	assert_int_equal(got_len, 65507);
	assert_memory_equal(got, whole + 8, 65507);
	/* more than CONFIG_IPV4_REASS_MAX_FRAGMENTS (64) */
	make_whole(2000);
	for (i = 0; i < 65; i++)
		piece(22, i * 8, 8, true);
	assert_int_equal(dropped(IPV4_DROP_FRAG_TOO_MANY), 1);
	assert_int_equal(dropped(IPV4_DROP_NO_MEMORY), 0);
}

static void test_reassembly_timeout_and_eviction(void **state)
{
	struct h_ip_view v;
	size_t len;
	const uint8_t *f;

	(void)state;
	make_whole(3000);
	/* the first fragment, then nothing for 30 s: time exceeded */
	piece(30, 0, 1000, true);
	sched_run_for(29 * SCHED_NS_PER_S);
	assert_int_equal(h_tx_count(), 0);
	sched_run_for(2 * SCHED_NS_PER_S);
	assert_int_equal(dropped(IPV4_DROP_FRAG_TIMEOUT), 1);
	assert_int_equal(h_tx_count(), 1);
	f = h_tx_frame(0, &len);
	assert_true(h_parse_ip(f, len, &v));
	assert_int_equal(v.proto, IPV4_PROTO_ICMP);
	assert_int_equal(v.payload[0], 11);
	assert_int_equal(v.payload[1], 1);
	/* quoting the first fragment's header and 8 bytes (the UDP header) */
	assert_int_equal(v.len, 8 + 20 + 8);
	assert_int_equal(netdev_be16(v.payload + 8 + 4), 30);
	assert_memory_equal(v.payload + 8 + 20, whole, 8);
	assert_null(h_frame_problem(f, len));
	/* without the first fragment: silence */
	h_tx_clear();
	piece(31, 1000, 1000, true);
	sched_run_for(31 * SCHED_NS_PER_S);
	assert_int_equal(dropped(IPV4_DROP_FRAG_TIMEOUT), 2);
	assert_int_equal(h_tx_count(), 0);
	/* three datagrams in two slots: the oldest goes */
	piece(32, 0, 1000, true);
	sched_run_for(SCHED_NS_PER_S);
	piece(33, 0, 1000, true);
	sched_run_for(SCHED_NS_PER_S);
	piece(34, 0, 1000, true);
	assert_int_equal(dropped(IPV4_DROP_FRAG_EVICTED), 1);
	piece(33, 1000, 1000, true);
	piece(33, 2000, 1008, false);
	piece(32, 1000, 1000, true);
	piece(32, 2000, 1008, false);
	/* 33 completes; 32 started over without its first piece */
	assert_int_equal(got_count, 1);
	assert_int_equal(dropped(IPV4_DROP_FRAG_EVICTED), 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup(test_checksum_and_addresses, setup),
	    cmocka_unit_test_setup(test_config_and_routes, setup),
	    cmocka_unit_test_setup(test_input_checks, setup),
	    cmocka_unit_test_setup(test_options_and_broadcasts, setup),
	    cmocka_unit_test_setup(test_unknown_protocol, setup),
	    cmocka_unit_test_setup(test_fragments_out_and_back, setup),
	    cmocka_unit_test_setup(test_reassembly_orders, setup),
	    cmocka_unit_test_setup(test_reassembly_rejects, setup),
	    cmocka_unit_test_setup(test_reassembly_limits, setup),
	    cmocka_unit_test_setup(test_reassembly_timeout_and_eviction, setup),
	};

	return cmocka_run_group_tests_name("ipv4", tests, NULL, NULL);
}
