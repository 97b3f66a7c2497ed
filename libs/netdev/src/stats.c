/* The counters, the names of the drop reasons, and the counters' table. */
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

/* struct netdev_stats by name, in its order */
static const struct uk_counter_desc counter_descs[] = {
    UK_COUNTER(struct netdev_stats, rx_packets),
    UK_COUNTER(struct netdev_stats, rx_bytes),
    UK_COUNTER(struct netdev_stats, tx_packets),
    UK_COUNTER(struct netdev_stats, tx_bytes),
    UK_COUNTER_ARRAY(struct netdev_stats, drops, "drop", netdev_drop_names),
};

const struct uk_counter_table netdev_counter_table =
    UK_COUNTER_TABLE("netdev", struct netdev_stats, counter_descs);
