/* Private to dhcp: the message format, the parser, the counters. */
#ifndef DHCP_PRIV_H
#define DHCP_PRIV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <dhcp/dhcp.h>
#include <uk/config.h>

#ifndef CONFIG_DHCP_RETRY_MS
#define CONFIG_DHCP_RETRY_MS 4000
#endif
#ifndef CONFIG_DHCP_RETRY_MAX_MS
#define CONFIG_DHCP_RETRY_MAX_MS 64000
#endif
#ifndef CONFIG_DHCP_REQUEST_TRIES
#define CONFIG_DHCP_REQUEST_TRIES 4
#endif
#ifndef CONFIG_NETDEV_MAX_DEVICES
#define CONFIG_NETDEV_MAX_DEVICES 4
#endif

/* RFC 2131 section 2: the fixed part, then the magic cookie and options. */
#define DHCP_OFF_OP	    0
#define DHCP_OFF_HTYPE	    1
#define DHCP_OFF_HLEN	    2
#define DHCP_OFF_XID	    4
#define DHCP_OFF_SECS	    8
#define DHCP_OFF_FLAGS	    10
#define DHCP_OFF_CIADDR	    12
#define DHCP_OFF_YIADDR	    16
#define DHCP_OFF_SIADDR	    20
#define DHCP_OFF_CHADDR	    28
#define DHCP_OFF_MAGIC	    236
#define DHCP_OFF_OPTIONS    240
#define DHCP_MAGIC	    0x63825363u
#define DHCP_FLAG_BROADCAST 0x8000
/* BOOTP's minimum message (RFC 1542 2.1): short ones are padded to it. */
#define DHCP_MIN_LEN 300

#define DHCP_BOOTREQUEST 1
#define DHCP_BOOTREPLY	 2

/* Message types (option 53). */
#define DHCP_DISCOVER 1
#define DHCP_OFFER    2
#define DHCP_REQUEST  3
#define DHCP_DECLINE  4
#define DHCP_ACK      5
#define DHCP_NAK      6
#define DHCP_RELEASE  7
#define DHCP_INFORM   8

/* Options (RFC 2132). */
#define DHCP_OPT_PAD	      0
#define DHCP_OPT_SUBNET_MASK  1
#define DHCP_OPT_ROUTER	      3
#define DHCP_OPT_DNS	      6
#define DHCP_OPT_REQUESTED_IP 50
#define DHCP_OPT_LEASE_TIME   51
#define DHCP_OPT_MSG_TYPE     53
#define DHCP_OPT_SERVER_ID    54
#define DHCP_OPT_PARAMS	      55
#define DHCP_OPT_T1	      58
#define DHCP_OPT_T2	      59
#define DHCP_OPT_CLIENT_ID    61
#define DHCP_OPT_END	      255

/* A parsed reply: the fields and options the client uses. */
struct dhcp_msg {
	uint8_t op, type;
	uint32_t xid;
	uint32_t ciaddr, yiaddr, siaddr;
	const uint8_t *chaddr; /* 16 bytes, in the message */
	bool has_mask, has_router, has_server, has_lease, has_t1, has_t2;
	uint32_t mask, router, server, lease, t1, t2;
	uint32_t dns[DHCP_MAX_DNS];
	unsigned dns_count;
};

/* Parses a whole message (the UDP payload). Returns true, or false with
 * *why set: truncated, bad_op (when want_op is not 0 and differs),
 * bad_htype, bad_magic, bad_options, no_type. */
bool dhcp_parse(const uint8_t *p, size_t len, uint8_t want_op, struct dhcp_msg *m,
		enum dhcp_drop *why);

/* The prefix length of a contiguous mask, or -1. */
int dhcp_mask_prefix(uint32_t mask);

extern struct dhcp_stats dhcp_counters;

/* The xid of dev's exchange in progress (for the tests and the fuzzer). */
uint32_t dhcp_xid(const struct netdev *dev);

#endif
