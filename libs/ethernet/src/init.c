/* The init hook, the counters, their names and their table. */
#include "ethernet.h"

struct ethernet_stats ethernet_counters;

const char *const ethernet_drop_names[ETHERNET_DROP_COUNT] = {
    [ETHERNET_DROP_TOO_SHORT] = "too_short",
    [ETHERNET_DROP_NOT_FOR_US] = "not_for_us",
    [ETHERNET_DROP_BAD_SOURCE] = "bad_source",
    [ETHERNET_DROP_UNKNOWN_TYPE] = "unknown_type",
};

void ethernet_stats(struct ethernet_stats *out)
{
	*out = ethernet_counters;
}

/* struct ethernet_stats by name, in its order */
static const struct uk_counter_desc counter_descs[] = {
    UK_COUNTER(struct ethernet_stats, rx_frames),
    UK_COUNTER(struct ethernet_stats, tx_frames),
    UK_COUNTER(struct ethernet_stats, tx_errors),
    UK_COUNTER_ARRAY(struct ethernet_stats, drops, "drop", ethernet_drop_names),
};

const struct uk_counter_table ethernet_counter_table =
    UK_COUNTER_TABLE("ethernet", struct ethernet_stats, counter_descs);

int ethernet_init(void)
{
	unsigned i;

	for (i = 0; i < netdev_count(); i++)
		netdev_set_rx(netdev_get(i), ethernet_input, NULL);
	return 0;
}
