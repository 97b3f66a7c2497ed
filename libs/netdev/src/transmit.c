/* Sending: the checks every driver would otherwise repeat, and the tx
 * counters. */
#include <errno.h>

#include <netdev/netdev.h>

int netdev_transmit(struct netdev *dev, const void *frame, size_t len)
{
	int r;

	if (len < NETDEV_HEADER_LEN) {
		dev->stats.drops[NETDEV_DROP_TX_TOO_SHORT]++;
		return -EMSGSIZE;
	}
	if (len > (size_t)netdev_mtu(dev) + NETDEV_FRAME_OVERHEAD) {
		dev->stats.drops[NETDEV_DROP_TX_TOO_LONG]++;
		return -EMSGSIZE;
	}
	if (!dev->link_up) {
		dev->stats.drops[NETDEV_DROP_TX_LINK_DOWN]++;
		return -ENETDOWN;
	}
	r = dev->ops->transmit(dev, frame, len);
	if (r < 0) {
		dev->stats
		    .drops[r == -ENETDOWN ? NETDEV_DROP_TX_LINK_DOWN : NETDEV_DROP_TX_ERROR]++;
		return r;
	}
	dev->stats.tx_packets++;
	dev->stats.tx_bytes += len;
	return 0;
}
