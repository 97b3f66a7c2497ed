/* udp over the test bench: binding (ports, conflicts, ephemeral ports),
 * receiving (checks, callbacks, port unreachable) and sending (header,
 * checksum, source address, limits). */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "harness.h"

static struct udp_stats before;
static struct udp_socket echo_sock;
static struct udp_datagram last;
static uint8_t last_data[2000];
static int calls;

static void echo(struct udp_socket *s, const struct udp_datagram *d, void *arg)
{
	last = *d;
	memcpy(last_data, d->data, d->len);
	last.data = last_data;
	calls++;
	*(int *)arg += 1;
	udp_sendto(s, d->src, d->src_port, d->data, d->len);
}

static int echo_arg;

static int setup(void **state)
{
	(void)state;
	h_settle();
	if (!udp_port(&echo_sock))
		assert_int_equal(udp_bind(&echo_sock, IPV4_ANY, 7, echo, &echo_arg), 0);
	h_learn(H_PEER_IP, h_peer_mac);
	udp_stats(&before);
	calls = 0;
	return 0;
}

static uint64_t dropped(enum udp_drop why)
{
	struct udp_stats now;

	udp_stats(&now);
	return now.drops[why] - before.drops[why];
}

static void test_echo(void **state)
{
	struct h_ip_view v;
	const uint8_t *f;
	size_t len;

	(void)state;
	h_send_udp(H_PEER_IP, 40000, 7, "hello, echo", 11);
	assert_int_equal(calls, 1);
	assert_int_equal(echo_arg, 1);
	assert_int_equal(last.src, H_PEER_IP);
	assert_int_equal(last.dst, H_OUR_IP);
	assert_int_equal(last.src_port, 40000);
	assert_int_equal(last.dst_port, 7);
	assert_int_equal(last.len, 11);
	assert_ptr_equal(last.dev, h_dev);
	assert_false(last.broadcast);
	assert_int_equal(h_tx_count(), 1);
	f = h_tx_frame(0, &len);
	assert_null(h_frame_problem(f, len));
	assert_true(h_parse_ip(f, len, &v));
	assert_int_equal(v.proto, IPV4_PROTO_UDP);
	assert_int_equal(v.src, H_OUR_IP);
	assert_int_equal(v.dst, H_PEER_IP);
	assert_int_equal(netdev_be16(v.payload), 7);
	assert_int_equal(netdev_be16(v.payload + 2), 40000);
	assert_int_equal(netdev_be16(v.payload + 4), 19);
	assert_memory_equal(v.payload + 8, "hello, echo", 11);
	/* empty datagrams are datagrams */
	h_send_udp(H_PEER_IP, 40000, 7, NULL, 0);
	assert_int_equal(calls, 2);
	assert_int_equal(last.len, 0);
	{
		struct udp_stats s;

		udp_stats(&s);
		assert_int_equal(s.rx_datagrams - before.rx_datagrams, 2);
		assert_int_equal(s.tx_datagrams - before.tx_datagrams, 2);
	}
}

static void test_bind(void **state)
{
	struct udp_socket a = {0}, b = {0}, c = {0}, e1 = {0}, e2 = {0};

	(void)state;
	assert_int_equal(udp_bind(&a, IPV4_ANY, 7, NULL, NULL), -98 /* EADDRINUSE */);
	assert_int_equal(udp_bind(&a, H_OUR_IP, 7, NULL, NULL), -98);
	assert_int_equal(udp_bind(&a, H_OUR_IP, 8000, NULL, NULL), 0);
	assert_int_equal(udp_bind(&a, H_OUR_IP, 8001, NULL, NULL), -22 /* EINVAL: bound */);
	assert_int_equal(udp_bind(&b, IPV4_ANY, 8000, NULL, NULL), -98);
	assert_int_equal(udp_bind(&b, IPV4(10, 0, 0, 9), 8000, NULL, NULL), 0);
	assert_int_equal(udp_port(&b), 8000);
	/* ephemeral ports: from the dynamic range, different */
	assert_int_equal(udp_bind(&e1, IPV4_ANY, 0, NULL, NULL), 0);
	assert_int_equal(udp_bind(&e2, IPV4_ANY, 0, NULL, NULL), 0);
	assert_true(udp_port(&e1) >= UDP_EPHEMERAL_FIRST);
	assert_true(udp_port(&e2) >= UDP_EPHEMERAL_FIRST);
	assert_int_not_equal(udp_port(&e1), udp_port(&e2));
	/* closing frees the port; closing twice is harmless */
	udp_close(&a);
	udp_close(&a);
	assert_int_equal(udp_port(&a), 0);
	assert_int_equal(udp_bind(&c, H_OUR_IP, 8000, NULL, NULL), 0);
	udp_close(&b);
	udp_close(&c);
	udp_close(&e1);
	udp_close(&e2);
	assert_int_equal(udp_bind(&c, IPV4_ANY, 8000, NULL, NULL), 0);
	udp_close(&c);
}

static struct udp_socket once;

static void close_self(struct udp_socket *s, const struct udp_datagram *d, void *arg)
{
	(void)d;
	(void)arg;
	calls++;
	udp_close(s);
}

static void test_closed_ports(void **state)
{
	struct h_ip_view v;
	const uint8_t *f;
	size_t len;

	(void)state;
	/* a socket that closes itself gets one datagram */
	assert_int_equal(udp_bind(&once, H_OUR_IP, 9000, close_self, NULL), 0);
	h_send_udp(H_PEER_IP, 1234, 9000, "1", 1);
	h_send_udp(H_PEER_IP, 1234, 9000, "2", 1);
	assert_int_equal(calls, 1);
	assert_int_equal(dropped(UDP_DROP_NO_PORT), 1);
	/* the second got a port unreachable quoting it */
	assert_int_equal(h_tx_count(), 1);
	f = h_tx_frame(0, &len);
	assert_null(h_frame_problem(f, len));
	assert_true(h_parse_ip(f, len, &v));
	assert_int_equal(v.proto, IPV4_PROTO_ICMP);
	assert_int_equal(v.payload[0], ICMP_DEST_UNREACH);
	assert_int_equal(v.payload[1], ICMP_UNREACH_PORT);
	assert_int_equal(netdev_be16(v.payload + 8 + 20 + 2), 9000);
	/* to a broadcast: dropped, and no ICMP */
	h_tx_clear();
	{
		uint8_t u[32];

		h_send_ip(H_PEER_IP, IPV4_BROADCAST, IPV4_PROTO_UDP, 1, 0, u,
			  h_udp(u, H_PEER_IP, IPV4_BROADCAST, 1234, 9001, "b", 1));
	}
	assert_int_equal(dropped(UDP_DROP_NO_PORT), 2);
	assert_int_equal(h_tx_count(), 0);
	/* port 0 is nobody's */
	h_send_udp(H_PEER_IP, 1234, 0, "z", 1);
	assert_int_equal(dropped(UDP_DROP_NO_PORT), 3);
}

static void test_malformed(void **state)
{
	uint8_t u[64];
	size_t n;

	(void)state;
	/* under 8 bytes */
	h_send_ip(H_PEER_IP, H_OUR_IP, IPV4_PROTO_UDP, 1, 0, "1234567", 7);
	assert_int_equal(dropped(UDP_DROP_TOO_SHORT), 1);
	/* length field: under 8, past the packet */
	n = h_udp(u, H_PEER_IP, H_OUR_IP, 1, 7, "abcd", 4);
	netdev_put_be16(u + 4, 7);
	h_send_ip(H_PEER_IP, H_OUR_IP, IPV4_PROTO_UDP, 1, 0, u, n);
	netdev_put_be16(u + 4, 13);
	h_send_ip(H_PEER_IP, H_OUR_IP, IPV4_PROTO_UDP, 1, 0, u, n);
	assert_int_equal(dropped(UDP_DROP_BAD_LENGTH), 2);
	/* a bad checksum */
	n = h_udp(u, H_PEER_IP, H_OUR_IP, 1, 7, "abcd", 4);
	u[9] ^= 0x10;
	h_send_ip(H_PEER_IP, H_OUR_IP, IPV4_PROTO_UDP, 1, 0, u, n);
	assert_int_equal(dropped(UDP_DROP_BAD_CHECKSUM), 1);
	assert_int_equal(calls, 0);
	assert_int_equal(h_tx_count(), 0);
	/* no checksum at all is allowed, and bytes past the length field are
	 * not data */
	n = h_udp(u, H_PEER_IP, H_OUR_IP, 1, 7, "abcd", 4);
	netdev_put_be16(u + 6, 0);
	memcpy(u + n, "junk", 4);
	h_send_ip(H_PEER_IP, H_OUR_IP, IPV4_PROTO_UDP, 1, 0, u, n + 4);
	assert_int_equal(calls, 1);
	assert_int_equal(last.len, 4);
	assert_memory_equal(last_data, "abcd", 4);
	assert_string_equal(udp_drop_names[UDP_DROP_BAD_CHECKSUM], "bad_checksum");
}

static void test_send(void **state)
{
	static uint8_t big[UDP_MAX_PAYLOAD + 1];
	struct udp_socket s = {0}, t = {0};
	struct h_ip_view v;
	const uint8_t *f;
	size_t len;

	(void)state;
	assert_int_equal(udp_sendto(&s, H_PEER_IP, 9, "x", 1), -22);
	assert_int_equal(udp_bind(&s, IPV4(10, 0, 0, 200), 5353, NULL, NULL), 0);
	assert_int_equal(udp_sendto(&s, H_PEER_IP, 0, "x", 1), -22);
	assert_int_equal(udp_sendto(&s, H_PEER_IP, 9, big, sizeof(big)), -90 /* EMSGSIZE */);
	assert_int_equal(dropped(UDP_DROP_TOO_BIG), 1);
	assert_int_equal(h_tx_count(), 0);
	/* from the bound address, not the route's */
	assert_int_equal(udp_sendto(&s, H_PEER_IP, 9, "from", 4), 0);
	f = h_tx_frame(0, &len);
	assert_true(h_parse_ip(f, len, &v));
	assert_int_equal(v.src, IPV4(10, 0, 0, 200));
	assert_int_equal(netdev_be16(v.payload), 5353);
	assert_null(h_frame_problem(f, len));
	/* to the broadcast address: the broadcast MAC, no ARP */
	h_tx_clear();
	assert_int_equal(udp_bind(&t, IPV4_ANY, 0, NULL, NULL), 0);
	assert_int_equal(udp_sendto(&t, IPV4_BROADCAST, 67, "dhcp?", 5), 0);
	assert_int_equal(udp_sendto(&t, IPV4(10, 0, 0, 255), 67, "dhcp?", 5), 0);
	assert_int_equal(h_tx_count(), 2);
	f = h_tx_frame(1, &len);
	assert_true(h_parse_ip(f, len, &v));
	assert_memory_equal(v.eth_dst, ethernet_broadcast, 6);
	assert_null(h_frame_problem(f, len));
	/* the largest datagram goes out in 45 fragments */
	h_tx_clear();
	assert_int_equal(udp_sendto(&t, H_PEER_IP, 9, big, UDP_MAX_PAYLOAD), 0);
	assert_int_equal(h_tx_count(), 45);
	/* a device that fails: the error comes back, counted */
	h_tx_clear();
	h_tx_error = -5; /* EIO */
	assert_int_equal(udp_sendto(&t, H_PEER_IP, 9, "x", 1), -5);
	h_tx_error = 0;
	{
		struct udp_stats now;

		udp_stats(&now);
		assert_int_equal(now.tx_failures - before.tx_failures, 1);
	}
	udp_close(&s);
	udp_close(&t);
}

static int errors, last_err;
static uint32_t err_dst;
static uint16_t err_port;

static void on_error(struct udp_socket *s, uint32_t dst, uint16_t port, int err, void *arg)
{
	(void)s;
	(void)arg;
	errors++;
	last_err = err;
	err_dst = dst;
	err_port = port;
}

/* Sends a datagram from s to the peer's port 9 and copies its frame to f. */
static void send_and_keep(struct udp_socket *s, uint8_t f[100])
{
	const uint8_t *frame;
	size_t len;

	h_tx_clear();
	assert_int_equal(udp_sendto(s, H_PEER_IP, 9, "x", 1), 0);
	frame = h_tx_frame(0, &len);
	assert_true(len <= 100);
	memcpy(f, frame, len);
}

/* ICMP errors about a datagram reach the socket that sent it, through its
 * error callback: port unreachable is -ECONNREFUSED, host unreachable
 * -EHOSTUNREACH; a socket without a callback only has them counted by
 * icmp; a quote of a port nobody has goes nowhere. */
static void test_icmp_errors(void **state)
{
	static struct udp_socket s, quiet;
	static uint8_t f[100];
	struct udp_stats now;

	(void)state;
	assert_int_equal(udp_bind(&s, IPV4_ANY, 5353, NULL, NULL), 0);
	udp_set_error_fn(&s, on_error);
	send_and_keep(&s, f);
	h_send_icmp_error(3, 3, f);
	assert_int_equal(errors, 1);
	assert_int_equal(last_err, -ECONNREFUSED);
	assert_int_equal(err_dst, H_PEER_IP);
	assert_int_equal(err_port, 9);
	h_send_icmp_error(3, 1, f);
	assert_int_equal(errors, 2);
	assert_int_equal(last_err, -EHOSTUNREACH);

	assert_int_equal(udp_bind(&quiet, IPV4_ANY, 5354, NULL, NULL), 0);
	send_and_keep(&quiet, f);
	h_send_icmp_error(3, 3, f);
	assert_int_equal(errors, 2);
	netdev_put_be16(f + 14 + 20, 5355); /* a source port nobody has */
	h_send_icmp_error(3, 3, f);
	assert_int_equal(errors, 2);
	udp_stats(&now);
	assert_int_equal(now.icmp_errors - before.icmp_errors, 2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup(test_echo, setup),
	    cmocka_unit_test_setup(test_bind, setup),
	    cmocka_unit_test_setup(test_closed_ports, setup),
	    cmocka_unit_test_setup(test_malformed, setup),
	    cmocka_unit_test_setup(test_send, setup),
	    cmocka_unit_test_setup(test_icmp_errors, setup),
	};

	return cmocka_run_group_tests_name("udp", tests, NULL, NULL);
}
