/* The counters, the names of the drop reasons, and the counters' table. */
#include "ipv4.h"

struct ipv4_stats ipv4_counters;

const char *const ipv4_drop_names[IPV4_DROP_COUNT] = {
    [IPV4_DROP_TOO_SHORT] = "too_short",
    [IPV4_DROP_BAD_VERSION] = "bad_version",
    [IPV4_DROP_BAD_HEADER_LEN] = "bad_header_len",
    [IPV4_DROP_BAD_TOTAL_LEN] = "bad_total_len",
    [IPV4_DROP_BAD_CHECKSUM] = "bad_checksum",
    [IPV4_DROP_BAD_SOURCE] = "bad_source",
    [IPV4_DROP_NOT_FOR_US] = "not_for_us",
    [IPV4_DROP_NO_PROTOCOL] = "no_protocol",
    [IPV4_DROP_FRAG_BAD] = "frag_bad",
    [IPV4_DROP_FRAG_TOO_BIG] = "frag_too_big",
    [IPV4_DROP_FRAG_DUPLICATE] = "frag_duplicate",
    [IPV4_DROP_FRAG_OVERLAP] = "frag_overlap",
    [IPV4_DROP_FRAG_TOO_MANY] = "frag_too_many",
    [IPV4_DROP_FRAG_TIMEOUT] = "frag_timeout",
    [IPV4_DROP_FRAG_EVICTED] = "frag_evicted",
    [IPV4_DROP_FRAG_DISABLED] = "frag_disabled",
    [IPV4_DROP_NO_MEMORY] = "no_memory",
    [IPV4_DROP_NO_ROUTE] = "no_route",
    [IPV4_DROP_TOO_BIG] = "too_big",
};

void ipv4_stats(struct ipv4_stats *out)
{
	*out = ipv4_counters;
}

/* struct ipv4_stats by name, in its order */
static const struct uk_counter_desc counter_descs[] = {
    UK_COUNTER(struct ipv4_stats, rx_packets),
    UK_COUNTER(struct ipv4_stats, rx_fragments),
    UK_COUNTER(struct ipv4_stats, reassembled),
    UK_COUNTER(struct ipv4_stats, delivered),
    UK_COUNTER(struct ipv4_stats, tx_packets),
    UK_COUNTER(struct ipv4_stats, tx_fragments),
    UK_COUNTER(struct ipv4_stats, tx_errors),
    UK_COUNTER_ARRAY(struct ipv4_stats, drops, "drop", ipv4_drop_names),
};

const struct uk_counter_table ipv4_counter_table =
    UK_COUNTER_TABLE("ipv4", struct ipv4_stats, counter_descs);
