/* The arp module's contract: IPv4 neighbours on Ethernet devices (RFC 826),
 * with a cache, a queue per unresolved neighbour, and announcements of our
 * own addresses (gratuitous ARP, RFC 5227). Addresses are IPv4 addresses in
 * host byte order, as everywhere in uk's stack. */
#ifndef ARP_ARP_H
#define ARP_ARP_H

#include <stdint.h>

#include <uk/counters.h>

#include <netdev/netdev.h>

/*
 * Received ARP packets (registered with ethernet at init) are checked, then
 * handled as RFC 826 says: a sender already in the cache is updated; a
 * request or reply addressed to our address on that device adds its sender
 * to the cache; a request for our address gets a reply. Requests for other
 * hosts are ignored ("not_for_us"); a sender that claims our own address
 * is counted ("conflict") and not believed.
 *
 * Resolved entries expire after CONFIG_ARP_TIMEOUT_S seconds without news
 * of the neighbour. An unresolved one sends a request every
 * CONFIG_ARP_RETRY_MS, CONFIG_ARP_RETRIES times, then gives up.
 */

/* Sets dev's IPv4 address (0 for none: answer nothing), which ARP answers
 * for and puts in its requests, and announces it: two gratuitous ARP
 * requests two seconds apart (RFC 5227's announcement), so that neighbours
 * update their caches. The ipv4 module calls it when it configures dev.
 * Returns 0, or -ENODEV for a device netdev does not know. */
int arp_set_address(struct netdev *dev, uint32_t addr);

/* Sends an IPv4 packet to the neighbour next_hop (a unicast address on
 * dev's network): frame holds ETHERNET_HEADER_LEN bytes of room, then the
 * packet, len bytes in all. With next_hop's MAC in the cache it goes out at
 * once; otherwise a copy waits while ARP asks (frame is free again as soon
 * as this returns). Returns 0 (sent or queued), -ENOBUFS when it was
 * dropped (queue or cache full, no memory; counted here) or the device's
 * error. */
int arp_output(struct netdev *dev, uint32_t next_hop, uint8_t *frame, size_t len);

/* Copies the MAC of addr on dev into mac when the cache has it resolved.
 * Returns 0 or -ENOENT. Asks nothing. */
int arp_lookup(struct netdev *dev, uint32_t addr, uint8_t mac[NETDEV_MAC_LEN]);

enum arp_drop {
	ARP_DROP_TOO_SHORT,  /* under 28 bytes */
	ARP_DROP_BAD_FORMAT, /* not Ethernet/IPv4, or wrong address lengths */
	ARP_DROP_BAD_OPCODE, /* neither request nor reply */
	ARP_DROP_BAD_SENDER, /* a group MAC, or a broadcast/multicast address */
	ARP_DROP_NOT_FOR_US, /* about another host's address */
	ARP_DROP_CONFLICT,   /* another MAC claims our address */
	/* outgoing packets */
	ARP_DROP_CACHE_FULL, /* every entry busy resolving */
	ARP_DROP_QUEUE_FULL, /* CONFIG_ARP_QUEUE_LEN packets already wait */
	ARP_DROP_NO_MEMORY,  /* no heap for the queued copy */
	ARP_DROP_UNRESOLVED, /* waited, and the neighbour never answered */
	ARP_DROP_COUNT
};

extern const char *const arp_drop_names[ARP_DROP_COUNT];

struct arp_stats {
	uint64_t rx_requests, rx_replies; /* valid ones */
	uint64_t tx_requests, tx_replies;
	uint64_t announcements; /* gratuitous requests sent */
	uint64_t resolved;	/* neighbours learnt (new or changed) */
	uint64_t expired;	/* entries forgotten after CONFIG_ARP_TIMEOUT_S */
	uint64_t evicted;	/* entries given to a new neighbour */
	uint64_t failed;	/* neighbours that never answered */
	uint64_t queued;	/* packets that waited for a reply */
	uint64_t entries;	/* in the cache now, resolved or not */
	uint64_t drops[ARP_DROP_COUNT];
};

void arp_stats(struct arp_stats *out);

/* The counters of struct arp_stats by name, for printing and comparing
 * them in one loop (uk/counters.h). */
extern const struct uk_counter_table arp_counter_table;

/* The init hook: registers with ethernet. 0 or -errno. */
int arp_init(void);

#endif
