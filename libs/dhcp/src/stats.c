/* The counters, the names of the drop reasons and states, and the
 * counters' table. */
#include "dhcp.h"

struct dhcp_stats dhcp_counters;

const char *const dhcp_drop_names[DHCP_DROP_COUNT] = {
    [DHCP_DROP_TRUNCATED] = "truncated",   [DHCP_DROP_BAD_OP] = "bad_op",
    [DHCP_DROP_BAD_HTYPE] = "bad_htype",   [DHCP_DROP_BAD_MAGIC] = "bad_magic",
    [DHCP_DROP_NO_CLIENT] = "no_client",   [DHCP_DROP_BAD_XID] = "bad_xid",
    [DHCP_DROP_BAD_CHADDR] = "bad_chaddr", [DHCP_DROP_BAD_OPTIONS] = "bad_options",
    [DHCP_DROP_NO_TYPE] = "no_type",	   [DHCP_DROP_UNEXPECTED] = "unexpected",
    [DHCP_DROP_BAD_LEASE] = "bad_lease",   [DHCP_DROP_WRONG_SERVER] = "wrong_server",
};

const char *const dhcp_state_names[DHCP_STATE_COUNT] = {
    [DHCP_STOPPED] = "stopped", [DHCP_SELECTING] = "selecting", [DHCP_REQUESTING] = "requesting",
    [DHCP_BOUND] = "bound",	[DHCP_RENEWING] = "renewing",	[DHCP_REBINDING] = "rebinding",
};

void dhcp_stats(struct dhcp_stats *out)
{
	*out = dhcp_counters;
}

/* struct dhcp_stats by name, in its order */
static const struct uk_counter_desc counter_descs[] = {
    UK_COUNTER(struct dhcp_stats, tx_discovers),
    UK_COUNTER(struct dhcp_stats, tx_requests),
    UK_COUNTER(struct dhcp_stats, tx_errors),
    UK_COUNTER(struct dhcp_stats, retransmissions),
    UK_COUNTER(struct dhcp_stats, rx_offers),
    UK_COUNTER(struct dhcp_stats, rx_acks),
    UK_COUNTER(struct dhcp_stats, rx_naks),
    UK_COUNTER(struct dhcp_stats, bound),
    UK_COUNTER(struct dhcp_stats, renewed),
    UK_COUNTER(struct dhcp_stats, rebound),
    UK_COUNTER(struct dhcp_stats, expired),
    UK_COUNTER(struct dhcp_stats, restarts),
    UK_COUNTER_ARRAY(struct dhcp_stats, drops, "drop", dhcp_drop_names),
};

const struct uk_counter_table dhcp_counter_table =
    UK_COUNTER_TABLE("dhcp", struct dhcp_stats, counter_descs);
