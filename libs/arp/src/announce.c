/* Our addresses: what ARP answers for, and their announcements. */
#include <errno.h>

#include "arp.h"

/* RFC 5227: ANNOUNCE_NUM announcements, ANNOUNCE_INTERVAL apart. */
#define ANNOUNCE_NUM	     2
#define ANNOUNCE_INTERVAL_NS (2 * SCHED_NS_PER_S)

uint32_t arp_our_addr[CONFIG_NETDEV_MAX_DEVICES];
static struct {
	struct netdev *dev;
	struct sched_timer timer;
	unsigned left;
} announcing[CONFIG_NETDEV_MAX_DEVICES];

static void announce(void *arg)
{
	unsigned i = (unsigned)(uintptr_t)arg;
	struct netdev *dev = announcing[i].dev;

	if (!arp_our_addr[i] || !announcing[i].left)
		return;
	announcing[i].left--;
	arp_counters.announcements++;
	arp_send(dev, ARP_OP_REQUEST, ethernet_broadcast, NULL, arp_our_addr[i], arp_our_addr[i]);
	if (announcing[i].left)
		sched_timer_start(&announcing[i].timer, sched_now_ns() + ANNOUNCE_INTERVAL_NS,
				  announce, arg);
}

int arp_set_address(struct netdev *dev, uint32_t addr)
{
	unsigned i = dev->index;

	if (i >= CONFIG_NETDEV_MAX_DEVICES || netdev_get(i) != dev)
		return -ENODEV;
	arp_our_addr[i] = addr;
	announcing[i].dev = dev;
	announcing[i].left = ANNOUNCE_NUM;
	sched_timer_stop(&announcing[i].timer);
	if (addr)
		announce((void *)(uintptr_t)i);
	return 0;
}
