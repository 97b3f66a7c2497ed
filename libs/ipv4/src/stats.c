/* The counters and the names of the drop reasons. */
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
