/* The ipv4 module's contract: IPv4 (RFC 791, RFC 1122) for the transport
 * modules (icmp, udp, later tcp) and for apps that want addresses. */
#ifndef IPV4_IPV4_H
#define IPV4_IPV4_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <uk/counters.h>

#include <netdev/netdev.h>

/*
 * Addresses are uint32_t in host byte order: IPV4(10, 0, 0, 2) is 10.0.0.2.
 * Only headers on the wire are in network order.
 *
 * Configuration: at init, each net device of the manifest with a static
 * `ipv4: A.B.C.D/N` (and optional `gateway:`) is configured with it (and
 * ARP announces the address). Devices with `ipv4: dhcp` stay unconfigured
 * (address 0) until someone (the dhcp module, later) calls ipv4_configure.
 *
 * Input: every packet is checked (length, version, header length, total
 * length, header checksum, source address) and delivered when it is for
 * us: our address on the device it came in on, the limited broadcast
 * 255.255.255.255, or the subnet's broadcast; a device without an
 * address also takes unicast UDP to any address (a DHCP server's offer to
 * the address it offers). uk does not forward; other packets are dropped
 * as not_for_us. Options are accepted and ignored.
 * Fragments are reassembled (limits in Kconfig: slots, timeout, fragments
 * per datagram, 65535 bytes); overlapping fragments discard the datagram
 * (RFC 5722's rule, as Linux does), exact duplicates only themselves.
 * Every drop is counted by reason; a datagram discarded whole counts once.
 *
 * Output: ipv4_output routes (the local subnets, then the gateway), picks
 * the source address, fragments to the device's MTU, and hands each packet
 * to ARP (or sends it to the broadcast MAC).
 */

#define IPV4(a, b, c, d)                                                                           \
	((uint32_t)(a) << 24 | (uint32_t)(b) << 16 | (uint32_t)(c) << 8 | (uint32_t)(d))
#define IPV4_ANY	0u
#define IPV4_BROADCAST	0xffffffffu
#define IPV4_HEADER_LEN 20
/* Largest IPv4 packet, header included. */
#define IPV4_MAX_PACKET 65535
/* Largest payload ipv4_output accepts (with a 20-byte header). */
#define IPV4_MAX_PAYLOAD (IPV4_MAX_PACKET - IPV4_HEADER_LEN)
/* Largest MTU used for output; bigger device MTUs are used up to it. */
#define IPV4_MAX_MTU 1500

#define IPV4_PROTO_ICMP 1
#define IPV4_PROTO_TCP	6
#define IPV4_PROTO_UDP	17

/* "255.255.255.255" and its NUL. */
#define IPV4_STRLEN 16

/* Writes addr as dotted decimal into buf; returns buf. */
char *ipv4_format(uint32_t addr, char buf[IPV4_STRLEN]);
/* Parses dotted decimal ("10.0.0.2", nothing before or after). Returns 0
 * with *addr set, or -EINVAL with *addr untouched. */
int ipv4_parse(const char *s, uint32_t *addr);
/* The netmask of a prefix length: 24 -> 255.255.255.0. */
uint32_t ipv4_netmask(unsigned prefix);

/* A device's configuration. addr == 0: unconfigured. */
struct ipv4_config {
	uint32_t addr;
	unsigned prefix;
	uint32_t gateway; /* 0: none */
};

/* Sets dev's address, prefix and gateway (0 for none), and has ARP answer
 * for the address and announce it; addr 0 unconfigures dev. Returns 0, or
 * -EINVAL (prefix over 32, a gateway outside the subnet, an address that
 * is not unicast) or -ENODEV. */
int ipv4_configure(struct netdev *dev, uint32_t addr, unsigned prefix, uint32_t gateway);
/* Copies dev's configuration; -ENODEV for an unknown device. */
int ipv4_get_config(const struct netdev *dev, struct ipv4_config *out);

/* Where a packet to dst goes. */
struct ipv4_route {
	struct netdev *dev;
	uint32_t src;	   /* our address on dev (0 if it has none yet) */
	uint32_t next_hop; /* dst itself on a local subnet, else the gateway */
};

/* Fills *out for dst: a configured device whose subnet holds dst, else
 * the first device with a gateway. 255.255.255.255 goes out of the first
 * device (configured or not). Returns 0 or -ENETUNREACH. */
int ipv4_route(uint32_t dst, struct ipv4_route *out);

/* The route out of dev whatever the others say, for protocols that work
 * on one device (DHCP): dst itself when it is 255.255.255.255, on dev's
 * subnet, or dev has no gateway (or no address yet); else dev's gateway.
 * Returns 0 or -ENODEV. */
int ipv4_route_dev(struct netdev *dev, uint32_t dst, struct ipv4_route *out);

/* A received packet, for a protocol handler. Pointers are valid only
 * during the call. */
struct ipv4_packet {
	struct netdev *dev; /* it came in on */
	uint32_t src, dst;
	uint8_t proto, ttl, tos;
	bool broadcast;	       /* dst is a broadcast address */
	bool reassembled;      /* it came in fragments */
	const uint8_t *header; /* as received (the first fragment's) */
	size_t header_len;     /* 20..60 */
	const uint8_t *payload;
	size_t len; /* of the payload */
};

typedef void (*ipv4_handler)(const struct ipv4_packet *pkt);

/* Sends packets of protocol proto to fn. Returns 0 or -EEXIST. Packets of
 * a protocol without handler are dropped (no_protocol) and reported to the
 * error handler as protocol unreachable (type 3, code 2). */
int ipv4_register(uint8_t proto, ipv4_handler fn);

/* An ICMP error about a packet this image sent (RFC 792; RFC 1122
 * 4.2.3.9 says the transport must hear of it): the quoted packet's
 * addresses and the first bytes of its transport header (8 at least: the
 * ports, and TCP's sequence number). */
struct ipv4_icmp_error {
	uint8_t type, code;
	uint32_t src, dst; /* the quoted packet's: ours, and where it went */
	const uint8_t *transport;
	size_t len;
};
typedef void (*ipv4_icmp_error_fn)(const struct ipv4_icmp_error *e);

/* Sends the ICMP errors about packets of protocol proto to fn (tcp does).
 * Returns 0 or -EEXIST. */
int ipv4_register_icmp_error(uint8_t proto, ipv4_icmp_error_fn fn);

/* For icmp: an error of type and code arrived quoting len bytes from the
 * IP header of one of our packets. Hands it to the quoted protocol's
 * handler if the quote is whole (a header, then 8 bytes of a first
 * fragment); returns true if one took it. */
bool ipv4_deliver_icmp_error(uint8_t type, uint8_t code, const uint8_t *quoted, size_t len);

/* ICMP errors that ipv4 itself has a reason to send: protocol unreachable
 * (3/2) and fragment reassembly time exceeded (11/1). The icmp module
 * installs the handler at its init; without one nothing is sent. */
typedef void (*ipv4_error_fn)(const struct ipv4_packet *pkt, uint8_t type, uint8_t code);
void ipv4_set_error_handler(ipv4_error_fn fn);

/* Sends a packet of protocol proto from src (0: the route's address) to
 * dst whose payload is hdr (hlen bytes, may be 0) followed by data (dlen
 * bytes): two pieces so that a transport need not copy its data behind
 * its header. Fragments when the payload does not fit the MTU. Returns 0
 * when the packet went out or waits for ARP, or a negative errno:
 * -EMSGSIZE (over IPV4_MAX_PAYLOAD), -ENETUNREACH (no route; multicast),
 * -ENOBUFS (ARP dropped it), or the device's error. */
int ipv4_output(uint32_t src, uint32_t dst, uint8_t proto, const void *hdr, size_t hlen,
		const void *data, size_t dlen);

/* ipv4_output out of dev, by ipv4_route_dev's route (a DHCP client's
 * broadcasts from 0.0.0.0 go out of its own device, not the first one). */
int ipv4_output_dev(struct netdev *dev, uint32_t src, uint32_t dst, uint8_t proto, const void *hdr,
		    size_t hlen, const void *data, size_t dlen);

/* The Internet checksum (RFC 1071), for the transports' checksums over
 * several pieces: sum = ipv4_sum(sum, piece, len) for each piece (every
 * piece but the last of even length), then ipv4_sum_finish(sum) gives the
 * value for the checksum field; over data that holds a correct checksum
 * it gives 0. ipv4_pseudo_sum starts a TCP/UDP sum with the pseudo header. */
uint32_t ipv4_sum(uint32_t sum, const void *data, size_t len);
uint16_t ipv4_sum_finish(uint32_t sum);
uint32_t ipv4_pseudo_sum(uint32_t src, uint32_t dst, uint8_t proto, uint16_t len);
/* ipv4_sum_finish(ipv4_sum(0, data, len)). */
uint16_t ipv4_checksum(const void *data, size_t len);

enum ipv4_drop {
	IPV4_DROP_TOO_SHORT,	  /* under 20 bytes */
	IPV4_DROP_BAD_VERSION,	  /* not 4 */
	IPV4_DROP_BAD_HEADER_LEN, /* IHL under 5, or past the frame */
	IPV4_DROP_BAD_TOTAL_LEN,  /* total length under the header, or past the frame */
	IPV4_DROP_BAD_CHECKSUM,
	IPV4_DROP_BAD_SOURCE,	  /* broadcast, multicast, class E, loopback, or 0 */
	IPV4_DROP_NOT_FOR_US,	  /* another host's (uk does not forward), or multicast */
	IPV4_DROP_NO_PROTOCOL,	  /* no handler for its protocol */
	IPV4_DROP_FRAG_BAD,	  /* empty, or not a multiple of 8 bytes but the last, or
				     past the end another fragment set */
	IPV4_DROP_FRAG_TOO_BIG,	  /* would make a datagram over 65535 bytes */
	IPV4_DROP_FRAG_DUPLICATE, /* the same fragment again: only it is dropped */
	IPV4_DROP_FRAG_OVERLAP,	  /* overlaps another: the datagram is dropped */
	IPV4_DROP_FRAG_TOO_MANY,  /* over CONFIG_IPV4_REASS_MAX_FRAGMENTS */
	IPV4_DROP_FRAG_TIMEOUT,	  /* incomplete after CONFIG_IPV4_REASS_TIMEOUT_MS */
	IPV4_DROP_FRAG_EVICTED,	  /* incomplete, and its slot went to a newer datagram */
	IPV4_DROP_FRAG_DISABLED,  /* CONFIG_IPV4_REASS_SLOTS is 0 */
	IPV4_DROP_NO_MEMORY,	  /* no heap for a reassembly buffer */
	/* outgoing */
	IPV4_DROP_NO_ROUTE,
	IPV4_DROP_TOO_BIG, /* over IPV4_MAX_PAYLOAD */
	IPV4_DROP_COUNT
};

extern const char *const ipv4_drop_names[IPV4_DROP_COUNT];

struct ipv4_stats {
	uint64_t rx_packets; /* valid packets for us, fragments included */
	uint64_t rx_fragments;
	uint64_t reassembled;  /* datagrams made whole */
	uint64_t delivered;    /* to a protocol handler */
	uint64_t tx_packets;   /* datagrams sent (or handed to ARP) */
	uint64_t tx_fragments; /* fragments they were cut into, when they were */
	uint64_t tx_errors;    /* refused by ARP or the device */
	uint64_t drops[IPV4_DROP_COUNT];
};

void ipv4_stats(struct ipv4_stats *out);

/* The counters of struct ipv4_stats by name, for printing and comparing
 * them in one loop (uk/counters.h). */
extern const struct uk_counter_table ipv4_counter_table;

/* The init hook: registers with ethernet, configures the manifest's static
 * addresses. 0 or -errno. */
int ipv4_init(void);

#endif
