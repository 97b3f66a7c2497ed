/* Receiving: the driver hands a frame in, netdev checks its length, counts
 * it and passes it to the attached callback. */
#include <netdev/netdev.h>

void netdev_set_rx(struct netdev *dev, netdev_rx_fn fn, void *arg)
{
	dev->rx = fn;
	dev->rx_arg = arg;
}

void netdev_input(struct netdev *dev, const void *frame, size_t len)
{
	if (len < NETDEV_HEADER_LEN) {
		dev->stats.drops[NETDEV_DROP_RX_TOO_SHORT]++;
		return;
	}
	if (len > (size_t)netdev_mtu(dev) + NETDEV_FRAME_OVERHEAD) {
		dev->stats.drops[NETDEV_DROP_RX_TOO_LONG]++;
		return;
	}
	if (!dev->rx) {
		dev->stats.drops[NETDEV_DROP_RX_NO_HANDLER]++;
		return;
	}
	dev->stats.rx_packets++;
	dev->stats.rx_bytes += len;
	dev->rx(dev, frame, len, dev->rx_arg);
}

void netdev_count_drop(struct netdev *dev, enum netdev_drop reason)
{
	if ((unsigned)reason < NETDEV_DROP_COUNT)
		dev->stats.drops[reason]++;
}
