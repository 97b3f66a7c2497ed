/* netdev over fake drivers: registration rules, the checks and counters
 * of transmit and receive, the MTU default, derived MACs. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include <netdev/netdev.h>

static int next_error;
static size_t sent_len;

static int fake_transmit(struct netdev *dev, const void *frame, size_t len)
{
	(void)dev;
	(void)frame;
	sent_len = len;
	return next_error;
}

static const struct netdev_ops ops = {.transmit = fake_transmit};
/* CONFIG_NETDEV_MAX_DEVICES is 2 in the tests' uk/config.h */
static struct netdev a = {.name = "net0", .ops = &ops, .link_up = true};
static struct netdev b = {.name = "net1", .ops = &ops, .mtu = 100, .link_up = true};

static void test_register(void **state)
{
	struct netdev nameless = {.ops = &ops}, opless = {.name = "x"};
	struct netdev again = {.name = "net0", .ops = &ops}, third = {.name = "net2", .ops = &ops};

	(void)state;
	assert_int_equal(netdev_count(), 0);
	assert_int_equal(netdev_register(&nameless), -22);
	assert_int_equal(netdev_register(&opless), -22);
	assert_int_equal(netdev_register(&a), 0);
	assert_int_equal(netdev_register(&again), -17);
	assert_int_equal(netdev_register(&b), 0);
	assert_int_equal(netdev_register(&third), -28);
	assert_int_equal(netdev_count(), 2);
	assert_ptr_equal(netdev_get(0), &a);
	assert_ptr_equal(netdev_get(1), &b);
	assert_null(netdev_get(2));
	assert_int_equal(b.index, 1);
	assert_ptr_equal(netdev_find("net1"), &b);
	assert_null(netdev_find("net2"));
	assert_int_equal(netdev_mtu(&a), NETDEV_MTU_DEFAULT);
	assert_int_equal(netdev_mtu(&b), 100);
}

static void test_transmit(void **state)
{
	static uint8_t frame[2000];
	struct netdev_stats s;

	(void)state;
	assert_int_equal(netdev_transmit(&a, frame, 60), 0);
	assert_int_equal(sent_len, 60);
	assert_int_equal(netdev_transmit(&a, frame, 13), -90);
	assert_int_equal(netdev_transmit(&a, frame, 1500 + 18), 0);
	assert_int_equal(netdev_transmit(&a, frame, 1500 + 19), -90);
	assert_int_equal(netdev_transmit(&b, frame, 119), -90);
	a.link_up = false;
	assert_int_equal(netdev_transmit(&a, frame, 60), -100);
	a.link_up = true;
	next_error = -11;
	assert_int_equal(netdev_transmit(&a, frame, 60), -11);
	next_error = -100;
	assert_int_equal(netdev_transmit(&a, frame, 60), -100);
	next_error = 0;
	netdev_stats(&a, &s);
	assert_int_equal(s.tx_packets, 2);
	assert_int_equal(s.tx_bytes, 60 + 1518);
	assert_int_equal(s.drops[NETDEV_DROP_TX_TOO_SHORT], 1);
	assert_int_equal(s.drops[NETDEV_DROP_TX_TOO_LONG], 1);
	assert_int_equal(s.drops[NETDEV_DROP_TX_LINK_DOWN], 2);
	assert_int_equal(s.drops[NETDEV_DROP_TX_ERROR], 1);
	netdev_stats(&b, &s);
	assert_int_equal(s.drops[NETDEV_DROP_TX_TOO_LONG], 1);
}

static size_t got_len;
static void *got_arg;

static void rx(struct netdev *dev, const void *frame, size_t len, void *arg)
{
	assert_ptr_equal(dev, &a);
	assert_int_equal(((const uint8_t *)frame)[0], 0xab);
	got_len = len;
	got_arg = arg;
}

static void test_input(void **state)
{
	static uint8_t frame[2000] = {0xab};
	struct netdev_stats s;
	int cookie;

	(void)state;
	netdev_input(&a, frame, 60); /* nothing attached yet */
	netdev_set_rx(&a, rx, &cookie);
	netdev_input(&a, frame, 60);
	assert_int_equal(got_len, 60);
	assert_ptr_equal(got_arg, &cookie);
	netdev_input(&a, frame, 13);
	netdev_input(&a, frame, 1519);
	netdev_count_drop(&a, NETDEV_DROP_RX_ERROR);
	netdev_count_drop(&a, NETDEV_DROP_COUNT); /* ignored */
	netdev_set_rx(&a, NULL, NULL);
	netdev_input(&a, frame, 60);
	netdev_stats(&a, &s);
	assert_int_equal(s.rx_packets, 1);
	assert_int_equal(s.rx_bytes, 60);
	assert_int_equal(s.drops[NETDEV_DROP_RX_NO_HANDLER], 2);
	assert_int_equal(s.drops[NETDEV_DROP_RX_TOO_SHORT], 1);
	assert_int_equal(s.drops[NETDEV_DROP_RX_TOO_LONG], 1);
	assert_int_equal(s.drops[NETDEV_DROP_RX_ERROR], 1);
}

static void test_names_and_macs(void **state)
{
	uint8_t m1[6], m2[6], m3[6];
	size_t i;

	(void)state;
	for (i = 0; i < NETDEV_DROP_COUNT; i++)
		assert_non_null(netdev_drop_names[i]);
	assert_string_equal(netdev_drop_names[NETDEV_DROP_TX_LINK_DOWN], "tx_link_down");
	netdev_mac_derive("net0@uk0", m1);
	netdev_mac_derive("net0@uk0", m2);
	netdev_mac_derive("net0@uk1", m3);
	assert_memory_equal(m1, m2, 6);
	assert_memory_not_equal(m1, m3, 6);
	/* locally administered, unicast */
	assert_int_equal(m1[0], 0x02);
	assert_int_equal(m3[0], 0x02);
	/* FNV-1a of "" is cbf29ce484222325: its low bytes, lowest first */
	netdev_mac_derive("", m1);
	assert_memory_equal(m1, "\x02\x25\x23\x22\x84\xe4", 6);
	assert_int_equal(netdev_be16((const uint8_t *)"\x12\x34"), 0x1234);
	assert_int_equal(netdev_be32((const uint8_t *)"\x12\x34\x56\x78"), 0x12345678);
}

/* The manifest as glue.c would give it: two net devices around a block. */
const struct uk_device uk_devices[] = {
    {.name = "net0", .kind = UK_DEVICE_NET},
    {.name = "disk0", .kind = UK_DEVICE_BLOCK},
    {.name = "net1", .kind = UK_DEVICE_NET},
};
const size_t uk_device_count = 3;

static const char *seen[4];
static int nseen, fail_at = -1;

static int setup_one(const struct uk_device *d)
{
	if (nseen == fail_at)
		return -5;
	seen[nseen++] = d->name;
	return 0;
}

/* Drivers' init hooks see each net device once, in order; the first error
 * stops the walk and is returned. */
static void test_each_manifest_device(void **state)
{
	(void)state;
	assert_int_equal(netdev_each_manifest_device(setup_one), 0);
	assert_int_equal(nseen, 2);
	assert_string_equal(seen[0], "net0");
	assert_string_equal(seen[1], "net1");
	nseen = 0;
	fail_at = 1;
	assert_int_equal(netdev_each_manifest_device(setup_one), -5);
	assert_int_equal(nseen, 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_register),
	    cmocka_unit_test(test_transmit),
	    cmocka_unit_test(test_input),
	    cmocka_unit_test(test_names_and_macs),
	    cmocka_unit_test(test_each_manifest_device),
	};

	return cmocka_run_group_tests_name("netdev", tests, NULL, NULL);
}
