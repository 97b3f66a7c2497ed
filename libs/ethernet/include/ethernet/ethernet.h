/* The ethernet module's contract: Ethernet II frames in and out of every
 * netdev, dispatched to the protocol that registered their EtherType. */
#ifndef ETHERNET_ETHERNET_H
#define ETHERNET_ETHERNET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <uk/counters.h>

#include <netdev/netdev.h>

/*
 * At init (level net) ethernet attaches itself as the receive callback of
 * every registered netdev. A received frame is accepted when it is
 * addressed to the device's MAC or to the broadcast address, and its type
 * field is an EtherType (not an 802.3 length) that a protocol registered;
 * everything else is dropped and counted by reason. Multicast frames are
 * dropped ("not_for_us") until a protocol needs them.
 */

#define ETHERNET_HEADER_LEN 14
#define ETHERNET_TYPE_IPV4  0x0800
#define ETHERNET_TYPE_ARP   0x0806
/* Most EtherTypes that can be registered at once. */
#define ETHERNET_MAX_TYPES 4

extern const uint8_t ethernet_broadcast[NETDEV_MAC_LEN];

/* A received frame, parsed. Pointers are into the driver's buffer and valid
 * only during the handler's call. */
struct ethernet_frame {
	const uint8_t *dst, *src; /* MACs */
	uint16_t type;
	const uint8_t *payload; /* after the header */
	size_t len;		/* of the payload, Ethernet padding included */
	bool broadcast;		/* sent to ff:ff:ff:ff:ff:ff */
};

typedef void (*ethernet_handler)(struct netdev *dev, const struct ethernet_frame *f);

/* Sends frames of EtherType type to fn. Returns 0, -EEXIST if the type has
 * a handler, -ENOSPC past ETHERNET_MAX_TYPES. */
int ethernet_register(uint16_t type, ethernet_handler fn);

/* Sends frame, len bytes of which the first ETHERNET_HEADER_LEN are room
 * for the header that this fills in (dst, dev's MAC, type). Returns
 * netdev_transmit's result. No padding: devices pad short frames. */
int ethernet_output(struct netdev *dev, const uint8_t dst[NETDEV_MAC_LEN], uint16_t type,
		    uint8_t *frame, size_t len);

enum ethernet_drop {
	ETHERNET_DROP_TOO_SHORT,    /* under 14 bytes */
	ETHERNET_DROP_NOT_FOR_US,   /* another host's unicast, or multicast */
	ETHERNET_DROP_BAD_SOURCE,   /* a multicast source MAC, or our own */
	ETHERNET_DROP_UNKNOWN_TYPE, /* no protocol registered (IPv6, VLAN, 802.3 length) */
	ETHERNET_DROP_COUNT
};

extern const char *const ethernet_drop_names[ETHERNET_DROP_COUNT];

struct ethernet_stats {
	uint64_t rx_frames; /* handed to a protocol */
	uint64_t tx_frames; /* accepted by the device */
	uint64_t tx_errors; /* refused by the device (its counters say why) */
	uint64_t drops[ETHERNET_DROP_COUNT];
};

/* Copies the counters (all devices together). */
void ethernet_stats(struct ethernet_stats *out);

/* The counters of struct ethernet_stats by name, for printing and comparing
 * them in one loop (uk/counters.h). */
extern const struct uk_counter_table ethernet_counter_table;

/* The init hook: attaches to every netdev. Always 0. */
int ethernet_init(void);

#endif
