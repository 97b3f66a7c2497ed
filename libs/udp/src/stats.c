/* The counters, the names of the drop reasons, and the counters' table. */
#include "udp.h"

struct udp_stats udp_counters;

const char *const udp_drop_names[UDP_DROP_COUNT] = {
    [UDP_DROP_TOO_SHORT] = "too_short",	      [UDP_DROP_BAD_LENGTH] = "bad_length",
    [UDP_DROP_BAD_CHECKSUM] = "bad_checksum", [UDP_DROP_NO_PORT] = "no_port",
    [UDP_DROP_TOO_BIG] = "too_big",
};

void udp_stats(struct udp_stats *out)
{
	*out = udp_counters;
}

/* struct udp_stats by name, in its order */
static const struct uk_counter_desc counter_descs[] = {
    UK_COUNTER(struct udp_stats, rx_datagrams),
    UK_COUNTER(struct udp_stats, tx_datagrams),
    UK_COUNTER(struct udp_stats, tx_failures),
    UK_COUNTER(struct udp_stats, icmp_errors),
    UK_COUNTER_ARRAY(struct udp_stats, drops, "drop", udp_drop_names),
};

const struct uk_counter_table udp_counter_table =
    UK_COUNTER_TABLE("udp", struct udp_stats, counter_descs);
