/* Receiving: check the addresses, then hand the payload to the handler of
 * its EtherType. */
#include <errno.h>
#include <string.h>

#include "ethernet.h"

static struct {
	uint16_t type;
	ethernet_handler fn;
} handlers[ETHERNET_MAX_TYPES];
static unsigned nhandlers;

int ethernet_register(uint16_t type, ethernet_handler fn)
{
	unsigned i;

	for (i = 0; i < nhandlers; i++)
		if (handlers[i].type == type)
			return -EEXIST;
	if (nhandlers == ETHERNET_MAX_TYPES)
		return -ENOSPC;
	handlers[nhandlers].type = type;
	handlers[nhandlers].fn = fn;
	nhandlers++;
	return 0;
}

void ethernet_input(struct netdev *dev, const void *frame, size_t len, void *arg)
{
	const uint8_t *p = frame;
	struct ethernet_frame f;
	unsigned i;

	(void)arg;
	if (len < ETHERNET_HEADER_LEN) {
		ethernet_counters.drops[ETHERNET_DROP_TOO_SHORT]++;
		return;
	}
	f.dst = p;
	f.src = p + 6;
	f.type = netdev_be16(p + 12);
	f.payload = p + ETHERNET_HEADER_LEN;
	f.len = len - ETHERNET_HEADER_LEN;
	f.broadcast = !memcmp(f.dst, ethernet_broadcast, NETDEV_MAC_LEN);
	if (!f.broadcast && memcmp(f.dst, dev->mac, NETDEV_MAC_LEN)) {
		ethernet_counters.drops[ETHERNET_DROP_NOT_FOR_US]++;
		return;
	}
	/* a group bit in the source, or our own MAC looped back */
	if ((f.src[0] & 1) || !memcmp(f.src, dev->mac, NETDEV_MAC_LEN)) {
		ethernet_counters.drops[ETHERNET_DROP_BAD_SOURCE]++;
		return;
	}
	for (i = 0; i < nhandlers; i++) {
		if (handlers[i].type == f.type) {
			ethernet_counters.rx_frames++;
			handlers[i].fn(dev, &f);
			return;
		}
	}
	ethernet_counters.drops[ETHERNET_DROP_UNKNOWN_TYPE]++;
}
