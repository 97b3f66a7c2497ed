/* ethernet over the test bench: which frames reach a protocol, which are
 * dropped and counted, and what a transmitted frame's header holds. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "harness.h"

static struct ethernet_stats before;

static int setup(void **state)
{
	(void)state;
	h_settle();
	ethernet_stats(&before);
	return 0;
}

static uint64_t dropped(enum ethernet_drop why)
{
	struct ethernet_stats now;

	ethernet_stats(&now);
	return now.drops[why] - before.drops[why];
}

static uint64_t received(void)
{
	struct ethernet_stats now;

	ethernet_stats(&now);
	return now.rx_frames - before.rx_frames;
}

/* An ARP request from the peer for our address: a frame ARP answers. */
static size_t request(uint8_t *f, const uint8_t *dst, const uint8_t *src, uint16_t type)
{
	size_t n = h_eth(f, dst, src, type);

	return n + h_arp(f + n, 1, h_peer_mac, H_PEER_IP, NULL, H_OUR_IP);
}

static void test_accepts_ours_and_broadcast(void **state)
{
	uint8_t f[64];
	size_t len, n;
	const uint8_t *out;

	(void)state;
	h_input(f, request(f, ethernet_broadcast, h_peer_mac, ETHERNET_TYPE_ARP));
	h_input(f, request(f, h_our_mac, h_peer_mac, ETHERNET_TYPE_ARP));
	assert_int_equal(received(), 2);
	/* each got a reply: our header, to the peer, type ARP */
	assert_int_equal(h_tx_count(), 2);
	out = h_tx_frame(0, &len);
	assert_memory_equal(out, h_peer_mac, 6);
	assert_memory_equal(out + 6, h_our_mac, 6);
	assert_int_equal(netdev_be16(out + 12), ETHERNET_TYPE_ARP);
	/* Ethernet padding after the payload is fine */
	n = request(f, h_our_mac, h_peer_mac, ETHERNET_TYPE_ARP);
	memset(f + n, 0, 60 - n);
	h_input(f, 60);
	assert_int_equal(received(), 3);
}

static void test_drops_by_reason(void **state)
{
	static const uint8_t multicast[6] = {0x01, 0x00, 0x5e, 0, 0, 1};
	uint8_t f[64];
	struct netdev_stats nd0, nd1;

	(void)state;
	netdev_stats(h_dev, &nd0);
	h_input(f, request(f, h_other_mac, h_peer_mac, ETHERNET_TYPE_ARP));
	h_input(f, request(f, multicast, h_peer_mac, ETHERNET_TYPE_ARP));
	assert_int_equal(dropped(ETHERNET_DROP_NOT_FOR_US), 2);
	h_input(f, request(f, h_our_mac, multicast, ETHERNET_TYPE_ARP));
	h_input(f, request(f, ethernet_broadcast, h_our_mac, ETHERNET_TYPE_ARP));
	assert_int_equal(dropped(ETHERNET_DROP_BAD_SOURCE), 2);
	h_input(f, request(f, h_our_mac, h_peer_mac, 0x86dd)); /* IPv6 */
	h_input(f, request(f, h_our_mac, h_peer_mac, 0x8100)); /* a VLAN tag */
	h_input(f, request(f, h_our_mac, h_peer_mac, 46));     /* an 802.3 length */
	assert_int_equal(dropped(ETHERNET_DROP_UNKNOWN_TYPE), 3);
	/* runts never get past netdev */
	h_input(f, 13);
	h_input(f, 0);
	netdev_stats(h_dev, &nd1);
	assert_int_equal(nd1.drops[NETDEV_DROP_RX_TOO_SHORT] - nd0.drops[NETDEV_DROP_RX_TOO_SHORT],
			 2);
	/* nor do giants */
	{
		static uint8_t big[2000];

		request(big, h_our_mac, h_peer_mac, ETHERNET_TYPE_ARP);
		h_input(big, sizeof(big));
		netdev_stats(h_dev, &nd1);
		assert_int_equal(
		    nd1.drops[NETDEV_DROP_RX_TOO_LONG] - nd0.drops[NETDEV_DROP_RX_TOO_LONG], 1);
	}
	assert_int_equal(received(), 0);
	assert_int_equal(h_tx_count(), 0);
}

static void test_register(void **state)
{
	(void)state;
	/* arp and ipv4 hold two of the slots */
	assert_int_equal(ethernet_register(ETHERNET_TYPE_ARP, NULL), -17 /* EEXIST */);
	assert_int_equal(ethernet_register(0x86dd, NULL), 0);
	assert_int_equal(ethernet_register(0x88cc, NULL), 0);
	assert_int_equal(ethernet_register(0x88b5, NULL), -28 /* ENOSPC */);
	assert_string_equal(ethernet_drop_names[ETHERNET_DROP_UNKNOWN_TYPE], "unknown_type");
}

static void test_output_counts_device_errors(void **state)
{
	uint8_t f[64] = {0};
	struct ethernet_stats now;

	(void)state;
	assert_int_equal(ethernet_output(h_dev, h_peer_mac, 0x88b5, f, 60), 0);
	h_tx_error = -11; /* EAGAIN: the device's queue is full */
	assert_int_equal(ethernet_output(h_dev, h_peer_mac, 0x88b5, f, 60), -11);
	h_tx_error = 0;
	ethernet_stats(&now);
	assert_int_equal(now.tx_frames - before.tx_frames, 1);
	assert_int_equal(now.tx_errors - before.tx_errors, 1);
	assert_int_equal(h_tx_count(), 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup(test_accepts_ours_and_broadcast, setup),
	    cmocka_unit_test_setup(test_drops_by_reason, setup),
	    cmocka_unit_test_setup(test_output_counts_device_errors, setup),
	    cmocka_unit_test_setup(test_register, setup),
	};

	return cmocka_run_group_tests_name("ethernet", tests, NULL, NULL);
}
