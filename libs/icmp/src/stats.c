/* The counters and the names of the drop reasons. */
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
