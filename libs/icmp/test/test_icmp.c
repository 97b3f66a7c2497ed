/* icmp over the test bench: echo replies (small, fragmented, through the
 * gateway, not to broadcasts), malformed messages, the error rate limit
 * and RFC 1122's list of packets that never get an error. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "harness.h"

static struct icmp_stats before;

static int setup(void **state)
{
	(void)state;
	h_settle();
	h_learn(H_PEER_IP, h_peer_mac);
	icmp_stats(&before);
	return 0;
}

static struct icmp_stats delta(void)
{
	struct icmp_stats now, d;

	icmp_stats(&now);
	h_counters_delta(&icmp_counter_table, &before, &now, &d);
	return d;
}

static void send_echo(uint32_t src, uint32_t dst, uint16_t seq, const void *data, size_t len)
{
	static uint8_t m[70000];

	h_send_ip(src, dst, IPV4_PROTO_ICMP, seq, 0, m, h_echo(m, 8, 0xbeef, seq, data, len));
}

static void test_echo_reply(void **state)
{
	struct h_ip_view v;
	const uint8_t *f;
	size_t len;

	(void)state;
	send_echo(H_PEER_IP, H_OUR_IP, 7, "0123456789abcdefghij", 20);
	assert_int_equal(h_tx_count(), 1);
	f = h_tx_frame(0, &len);
	assert_null(h_frame_problem(f, len));
	assert_true(h_parse_ip(f, len, &v));
	assert_memory_equal(v.eth_dst, h_peer_mac, 6);
	assert_int_equal(v.src, H_OUR_IP);
	assert_int_equal(v.dst, H_PEER_IP);
	assert_int_equal(v.proto, IPV4_PROTO_ICMP);
	assert_int_equal(v.len, 28);
	assert_int_equal(v.payload[0], ICMP_ECHO_REPLY);
	assert_int_equal(v.payload[1], 0);
	assert_int_equal(netdev_be16(v.payload + 4), 0xbeef);
	assert_int_equal(netdev_be16(v.payload + 6), 7);
	assert_memory_equal(v.payload + 8, "0123456789abcdefghij", 20);
	assert_int_equal(delta().rx_echo_requests, 1);
	assert_int_equal(delta().tx_echo_replies, 1);
	/* from beyond the gateway: the reply goes to the gateway's MAC */
	h_tx_clear();
	send_echo(H_FAR_IP, H_OUR_IP, 8, "x", 1);
	f = h_tx_frame(0, &len);
	assert_true(h_parse_ip(f, len, &v));
	assert_int_equal(v.dst, H_FAR_IP);
	assert_memory_equal(v.eth_dst, h_peer_mac, 6);
	/* an empty echo is an echo too */
	h_tx_clear();
	send_echo(H_PEER_IP, H_OUR_IP, 9, NULL, 0);
	assert_int_equal(h_tx_count(), 1);
}

static void test_big_echo_is_fragmented_both_ways(void **state)
{
	static uint8_t data[4000], m[4100];
	size_t n = h_echo(m, 8, 1, 2, data, sizeof(data)), off, i, len;
	struct h_ip_view v;

	(void)state;
	for (i = 0; i < sizeof(data); i++)
		data[i] = (uint8_t)i;
	n = h_echo(m, 8, 1, 2, data, sizeof(data));
	for (off = 0; off < n; off += 1480) {
		size_t len = n - off > 1480 ? 1480 : n - off;

		h_send_ip(H_PEER_IP, H_OUR_IP, IPV4_PROTO_ICMP, 99,
			  (uint16_t)((off + len < n ? 0x2000 : 0) | off / 8), m + off, len);
	}
	/* 4008 bytes of ICMP back: three fragments, the data unchanged */
	assert_int_equal(h_tx_count(), 3);
	for (i = 0, off = 0; i < 3; i++) {
		const uint8_t *f = h_tx_frame(i, &len);

		assert_null(h_frame_problem(f, len));
		assert_true(h_parse_ip(f, len, &v));
		assert_int_equal((v.frag & 0x1fff) * 8, off);
		if (i == 0)
			assert_int_equal(v.payload[0], ICMP_ECHO_REPLY);
		assert_memory_equal(v.payload + (i ? 0 : 8), m + off + (i ? 0 : 8),
				    v.len - (i ? 0 : 8));
		off += v.len;
	}
	assert_int_equal(off, n);
}

static void test_ignored_and_dropped(void **state)
{
	uint8_t m[64];
	struct icmp_stats d;
	size_t n;

	(void)state;
	/* echo to the broadcast addresses: no reply */
	send_echo(H_PEER_IP, IPV4_BROADCAST, 1, "b", 1);
	send_echo(H_PEER_IP, IPV4(10, 0, 0, 255), 2, "b", 1);
	/* a bad checksum, and a message under 8 bytes */
	n = h_echo(m, 8, 1, 3, "abc", 3);
	m[9] ^= 1;
	h_send_ip(H_PEER_IP, H_OUR_IP, IPV4_PROTO_ICMP, 3, 0, m, n);
	h_send_ip(H_PEER_IP, H_OUR_IP, IPV4_PROTO_ICMP, 4, 0, m, 7);
	/* a timestamp request (13): not handled; an unreachable: counted */
	n = h_echo(m, 13, 1, 5, "tttttttttttt", 12);
	h_send_ip(H_PEER_IP, H_OUR_IP, IPV4_PROTO_ICMP, 5, 0, m, n);
	n = h_echo(m, 3, 0, 0, "quoted header and 8 bytes...", 28);
	h_send_ip(H_PEER_IP, H_OUR_IP, IPV4_PROTO_ICMP, 6, 0, m, n);
	/* an echo reply nobody asked for */
	n = h_echo(m, 0, 1, 7, "r", 1);
	h_send_ip(H_PEER_IP, H_OUR_IP, IPV4_PROTO_ICMP, 7, 0, m, n);
	d = delta();
	assert_int_equal(d.drops[ICMP_DROP_ECHO_BROADCAST], 2);
	assert_int_equal(d.drops[ICMP_DROP_BAD_CHECKSUM], 1);
	assert_int_equal(d.drops[ICMP_DROP_TOO_SHORT], 1);
	assert_int_equal(d.drops[ICMP_DROP_UNHANDLED], 2);
	assert_int_equal(d.rx_errors, 1);
	assert_int_equal(d.rx_messages, 5);
	assert_int_equal(h_tx_count(), 0);
}

static void closed_port(void)
{
	uint8_t u[32];

	h_send_ip(H_PEER_IP, H_OUR_IP, IPV4_PROTO_UDP, 1, 0, u,
		  h_udp(u, H_PEER_IP, H_OUR_IP, 1000, 9, "x", 1));
}

static void test_rate_limit(void **state)
{
	int i;

	(void)state;
	/* a burst of 10, then nothing at the same instant */
	for (i = 0; i < 15; i++)
		closed_port();
	assert_int_equal(h_tx_count(), 10);
	assert_int_equal(delta().tx_errors, 10);
	assert_int_equal(delta().drops[ICMP_DROP_RATE_LIMITED], 5);
	/* 10 a second: half a second later, 5 more */
	sched_run_for(500 * SCHED_NS_PER_MS);
	for (i = 0; i < 10; i++)
		closed_port();
	assert_int_equal(delta().tx_errors, 15);
	/* echo replies do not draw from the bucket */
	h_tx_clear();
	send_echo(H_PEER_IP, H_OUR_IP, 1, "e", 1);
	assert_int_equal(h_tx_count(), 1);
	/* a quiet while fills it again, to the burst and no more */
	sched_run_for(30 * SCHED_NS_PER_S);
	for (i = 0; i < 20; i++)
		closed_port();
	assert_int_equal(delta().tx_errors, 25);
	assert_int_equal(delta().drops[ICMP_DROP_RATE_LIMITED], 5 + 5 + 10);
	assert_int_equal(delta().tx_failures, 0);
}

static void test_never_about(void **state)
{
	uint8_t hdr[20], pay[8] = {3, 3, 0, 0, 0, 0, 0, 0};
	struct ipv4_packet p = {
	    .dev = h_dev,
	    .src = H_PEER_IP,
	    .dst = H_OUR_IP,
	    .proto = IPV4_PROTO_UDP,
	    .header = hdr,
	    .header_len = 20,
	    .payload = pay,
	    .len = 8,
	};

	(void)state;
	h_ip(hdr, H_PEER_IP, H_OUR_IP, IPV4_PROTO_UDP, 1, 0, NULL, 0);
	assert_int_equal(icmp_send_error(&p, 3, 3), 0);
	/* a fragment other than the first */
	netdev_put_be16(hdr + 6, 0x2000 | 10);
	assert_int_equal(icmp_send_error(&p, 3, 3), -22);
	netdev_put_be16(hdr + 6, 0);
	/* an ICMP error */
	p.proto = IPV4_PROTO_ICMP;
	assert_int_equal(icmp_send_error(&p, 3, 3), -22);
	/* but an echo request may get one */
	pay[0] = ICMP_ECHO_REQUEST;
	assert_int_equal(icmp_send_error(&p, 3, 2), 0);
	p.proto = IPV4_PROTO_UDP;
	/* a broadcast, or a multicast destination */
	p.broadcast = true;
	assert_int_equal(icmp_send_error(&p, 3, 3), -22);
	p.broadcast = false;
	p.dst = IPV4(224, 0, 0, 9);
	assert_int_equal(icmp_send_error(&p, 3, 3), -22);
	p.dst = H_OUR_IP;
	/* a source that is not one host */
	p.src = 0;
	assert_int_equal(icmp_send_error(&p, 3, 3), -22);
	p.src = IPV4(127, 0, 0, 1);
	assert_int_equal(icmp_send_error(&p, 3, 3), -22);
	assert_int_equal(delta().drops[ICMP_DROP_NOT_ALLOWED], 6);
	assert_int_equal(delta().tx_errors, 2);
	assert_string_equal(icmp_drop_names[ICMP_DROP_NOT_ALLOWED], "not_allowed");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup(test_echo_reply, setup),
	    cmocka_unit_test_setup(test_big_echo_is_fragmented_both_ways, setup),
	    cmocka_unit_test_setup(test_ignored_and_dropped, setup),
	    cmocka_unit_test_setup(test_rate_limit, setup),
	    cmocka_unit_test_setup(test_never_about, setup),
	};

	return cmocka_run_group_tests_name("icmp", tests, NULL, NULL);
}
