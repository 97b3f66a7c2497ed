/* The counters and the names of the drop reasons. */
#include <netdev/netdev.h>

const char *const netdev_drop_names[NETDEV_DROP_COUNT] = {
    [NETDEV_DROP_RX_NO_HANDLER] = "rx_no_handler", [NETDEV_DROP_RX_TOO_SHORT] = "rx_too_short",
    [NETDEV_DROP_RX_TOO_LONG] = "rx_too_long",	   [NETDEV_DROP_RX_ERROR] = "rx_error",
    [NETDEV_DROP_TX_TOO_SHORT] = "tx_too_short",   [NETDEV_DROP_TX_TOO_LONG] = "tx_too_long",
    [NETDEV_DROP_TX_LINK_DOWN] = "tx_link_down",   [NETDEV_DROP_TX_ERROR] = "tx_error",
};

void netdev_stats(const struct netdev *dev, struct netdev_stats *out)
{
	*out = dev->stats;
}
