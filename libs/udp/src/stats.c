/* The counters and the names of the drop reasons. */
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
