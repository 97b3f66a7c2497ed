/* The init hook, the counters and their names. */
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

int ethernet_init(void)
{
	unsigned i;

	for (i = 0; i < netdev_count(); i++)
		netdev_set_rx(netdev_get(i), ethernet_input, NULL);
	return 0;
}
