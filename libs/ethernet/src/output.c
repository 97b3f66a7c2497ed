/* Sending: fill in the header in the room the caller left. */
#include <string.h>

#include "ethernet.h"

const uint8_t ethernet_broadcast[NETDEV_MAC_LEN] = {0xff, 0xff, 0xff, 0xff, 0xff, 0xff};

int ethernet_output(struct netdev *dev, const uint8_t dst[NETDEV_MAC_LEN], uint16_t type,
		    uint8_t *frame, size_t len)
{
	int r;

	memcpy(frame, dst, NETDEV_MAC_LEN);
	memcpy(frame + 6, dev->mac, NETDEV_MAC_LEN);
	netdev_put_be16(frame + 12, type);
	r = netdev_transmit(dev, frame, len);
	if (r < 0)
		ethernet_counters.tx_errors++;
	else
		ethernet_counters.tx_frames++;
	return r;
}
