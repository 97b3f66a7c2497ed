/* The counters, the names of the drop reasons, and the counters' table. */
#include "icmp.h"

struct icmp_stats icmp_counters;

const char *const icmp_drop_names[ICMP_DROP_COUNT] = {
    [ICMP_DROP_TOO_SHORT] = "too_short",	   [ICMP_DROP_BAD_CHECKSUM] = "bad_checksum",
    [ICMP_DROP_ECHO_BROADCAST] = "echo_broadcast", [ICMP_DROP_UNHANDLED] = "unhandled",
    [ICMP_DROP_RATE_LIMITED] = "rate_limited",	   [ICMP_DROP_NOT_ALLOWED] = "not_allowed",
};

void icmp_stats(struct icmp_stats *out)
{
	*out = icmp_counters;
}

/* struct icmp_stats by name, in its order */
static const struct uk_counter_desc counter_descs[] = {
    UK_COUNTER(struct icmp_stats, rx_messages),
    UK_COUNTER(struct icmp_stats, rx_echo_requests),
    UK_COUNTER(struct icmp_stats, tx_echo_replies),
    UK_COUNTER(struct icmp_stats, rx_errors),
    UK_COUNTER(struct icmp_stats, rx_errors_delivered),
    UK_COUNTER(struct icmp_stats, tx_errors),
    UK_COUNTER(struct icmp_stats, tx_failures),
    UK_COUNTER_ARRAY(struct icmp_stats, drops, "drop", icmp_drop_names),
};

const struct uk_counter_table icmp_counter_table =
    UK_COUNTER_TABLE("icmp", struct icmp_stats, counter_descs);
