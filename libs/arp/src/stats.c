/* The counters, the names of the drop reasons, and the counters' table. */
#include "arp.h"

struct arp_stats arp_counters;

const char *const arp_drop_names[ARP_DROP_COUNT] = {
    [ARP_DROP_TOO_SHORT] = "too_short",	  [ARP_DROP_BAD_FORMAT] = "bad_format",
    [ARP_DROP_BAD_OPCODE] = "bad_opcode", [ARP_DROP_BAD_SENDER] = "bad_sender",
    [ARP_DROP_NOT_FOR_US] = "not_for_us", [ARP_DROP_CONFLICT] = "conflict",
    [ARP_DROP_CACHE_FULL] = "cache_full", [ARP_DROP_QUEUE_FULL] = "queue_full",
    [ARP_DROP_NO_MEMORY] = "no_memory",	  [ARP_DROP_UNRESOLVED] = "unresolved",
};

void arp_stats(struct arp_stats *out)
{
	*out = arp_counters;
}

/* struct arp_stats by name, in its order */
static const struct uk_counter_desc counter_descs[] = {
    UK_COUNTER(struct arp_stats, rx_requests),
    UK_COUNTER(struct arp_stats, rx_replies),
    UK_COUNTER(struct arp_stats, tx_requests),
    UK_COUNTER(struct arp_stats, tx_replies),
    UK_COUNTER(struct arp_stats, announcements),
    UK_COUNTER(struct arp_stats, resolved),
    UK_COUNTER(struct arp_stats, expired),
    UK_COUNTER(struct arp_stats, evicted),
    UK_COUNTER(struct arp_stats, failed),
    UK_COUNTER(struct arp_stats, queued),
    UK_COUNTER_GAUGE(struct arp_stats, entries),
    UK_COUNTER_ARRAY(struct arp_stats, drops, "drop", arp_drop_names),
};

const struct uk_counter_table arp_counter_table =
    UK_COUNTER_TABLE("arp", struct arp_stats, counter_descs);
