/* The counters and the names of the drop reasons. */
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
