/* tap against the kernel: in a child process with a network namespace of
 * its own, tap_init creates the TAP of the device table, and frames cross
 * it both ways (an AF_PACKET socket is the host side). The loop wakes for
 * a frame through the hosted platform's watched fds. Needs root. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <arpa/inet.h>
#include <errno.h>
#include <linux/if_packet.h>
#include <net/if.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <netdev/netdev.h>
#include <sched/sched.h>
#include <tap/tap.h>
#include <uk/glue.h>

/* The glue: one net device without a MAC, one block device (ignored). */
const struct uk_device uk_devices[] = {
    {.name = "net0",
     .kind = UK_DEVICE_NET,
     .ipv4 = {10, 0, 0, 2},
     .ipv4_prefix = 24,
     .tap = "uktest0"},
    {.name = "disk0", .kind = UK_DEVICE_BLOCK, .file = "disk.img"},
};
const size_t uk_device_count = 2;

const struct uk_device *uk_device_find(const char *name)
{
	return strcmp(name, "net0") ? NULL : &uk_devices[0];
}

static uint8_t got[2048];
static size_t got_len;
static bool got_one;

static void rx(struct netdev *dev, const void *frame, size_t len, void *arg)
{
	(void)dev;
	(void)arg;
	memcpy(got, frame, len < sizeof(got) ? len : sizeof(got));
	got_len = len;
	got_one = true;
}

/* Fails the child with a line saying where. */
#define CHECK(c)                                                                                   \
	do {                                                                                       \
		if (!(c)) {                                                                        \
			fprintf(stderr, "%s:%d: %s\n", __FILE__, __LINE__, #c);                    \
			_exit(1);                                                                  \
		}                                                                                  \
	} while (0)

static void disable(const char *knob)
{
	FILE *f = fopen(knob, "w");

	if (f) {
		fputs("1\n", f);
		fclose(f);
	}
}

static void child(void)
{
	struct netdev *dev;
	struct sockaddr_ll ll;
	struct ifreq ifr;
	struct sched_stats st0, st1;
	uint8_t mac[6], frame[64], buf[2048];
	int ps, is, i;
	ssize_t n;

	if (unshare(CLONE_NEWNET) < 0)
		_exit(77); /* no private namespace: the parent fails the test */
	/* IPv6 would make the kernel send on the new interface on its own */
	disable("/proc/sys/net/ipv6/conf/all/disable_ipv6");
	disable("/proc/sys/net/ipv6/conf/default/disable_ipv6");
	CHECK(tap_init() == 0);
	/* the device: registered, derived MAC, up, Ethernet's MTU */
	dev = netdev_find("net0");
	CHECK(dev && netdev_count() == 1);
	netdev_mac_derive("net0@uktest0", mac);
	CHECK(!memcmp(dev->mac, mac, 6));
	CHECK(dev->link_up && netdev_mtu(dev) == 1500);
	/* the interface: created, and up */
	is = socket(AF_INET, SOCK_DGRAM, 0);
	memset(&ifr, 0, sizeof(ifr));
	strcpy(ifr.ifr_name, "uktest0");
	CHECK(ioctl(is, SIOCGIFFLAGS, &ifr) == 0 && (ifr.ifr_flags & IFF_UP));
	/* the host side: a packet socket on the interface */
	ps = socket(AF_PACKET, SOCK_RAW, htons(0x88b5));
	CHECK(ps >= 0);
	memset(&ll, 0, sizeof(ll));
	ll.sll_family = AF_PACKET;
	ll.sll_protocol = htons(0x88b5);
	ll.sll_ifindex = (int)if_nametoindex("uktest0");
	ll.sll_halen = 6;
	CHECK(bind(ps, (struct sockaddr *)&ll, sizeof(ll)) == 0);
	/* host -> image: the loop blocks, the frame wakes it, the poller
	 * hands it over */
	netdev_set_rx(dev, rx, NULL);
	memcpy(frame, dev->mac, 6);
	memcpy(frame + 6, "\x02\x00\x00\x00\x00\x01", 6);
	frame[12] = 0x88;
	frame[13] = 0xb5;
	for (i = 14; i < 64; i++)
		frame[i] = (uint8_t)i;
	CHECK(sendto(ps, frame, 64, 0, (struct sockaddr *)&ll, sizeof(ll)) == 64);
	sched_stats(&st0);
	CHECK(sched_run(&got_one, sched_now_ns() + 5 * SCHED_NS_PER_S));
	sched_stats(&st1);
	CHECK(got_len == 64 && !memcmp(got, frame, 64));
	CHECK(st1.turns - st0.turns < 10);
	/* image -> host */
	memcpy(frame, "\x02\x00\x00\x00\x00\x01", 6);
	memcpy(frame + 6, dev->mac, 6);
	frame[20] = 0x5a;
	CHECK(netdev_transmit(dev, frame, 60) == 0);
	do
		n = recv(ps, buf, sizeof(buf), 0);
	while (n > 0 && memcmp(buf + 6, dev->mac, 6));
	CHECK(n == 60 && buf[20] == 0x5a);
	/* nothing more to read: a second run only times out */
	got_one = false;
	CHECK(!sched_run(&got_one, sched_now_ns() + 50 * SCHED_NS_PER_MS));
	_exit(0);
}

static void test_tap_in_a_namespace(void **state)
{
	pid_t pid;
	int status;

	(void)state;
	/* Tests run as root (CI does): without it this cannot test a real TAP. */
	if (geteuid() != 0)
		fail_msg("lib/tap/unit needs root to create a TAP in a network namespace");
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0)
		child();
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	if (WEXITSTATUS(status) == 77)
		fail_msg("cannot make a private network namespace (unshare CLONE_NEWNET)");
	assert_int_equal(WEXITSTATUS(status), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_tap_in_a_namespace),
	};

	return cmocka_run_group_tests_name("tap", tests, NULL, NULL);
}
