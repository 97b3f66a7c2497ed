/* The netdev module's contract: the network device API. Drivers (tap on
 * hosted, netfront on Xen) register devices and feed received frames in;
 * the protocol stack (ethernet) attaches a receive callback and transmits. */
#ifndef NETDEV_NETDEV_H
#define NETDEV_NETDEV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <uk/counters.h>
#include <uk/glue.h>

/*
 * A frame is an Ethernet frame from the destination MAC on, without the
 * FCS (the device adds and strips it). Frames are passed by pointer and
 * borrowed: a receive callback must copy what it keeps once it returns, and
 * a transmit may reuse its buffer as soon as netdev_transmit returns.
 *
 * Everything runs on the one sched loop: a driver receives from its sched
 * poller (or from an event handler that the loop's wakeup ran) and calls
 * netdev_input there. Drivers must not call netdev_input from inside their
 * transmit: the stack is not reentrant.
 *
 * The counters are per device. Drops name their reason; the layers above
 * count their own drops in their own modules.
 */

#define NETDEV_MAC_LEN 6
/* The Ethernet header: destination, source, type. */
#define NETDEV_HEADER_LEN 14
/* The MTU devices get unless their driver knows better: Ethernet's. */
#define NETDEV_MTU_DEFAULT 1500
/* Room a frame needs past the MTU: the header and one 802.1Q tag. */
#define NETDEV_FRAME_OVERHEAD 18

enum netdev_drop {
	NETDEV_DROP_RX_NO_HANDLER, /* nothing attached to receive */
	NETDEV_DROP_RX_TOO_SHORT,  /* under NETDEV_HEADER_LEN bytes */
	NETDEV_DROP_RX_TOO_LONG,   /* over mtu + NETDEV_FRAME_OVERHEAD */
	NETDEV_DROP_RX_ERROR,	   /* the driver failed to receive */
	NETDEV_DROP_TX_TOO_SHORT,  /* under NETDEV_HEADER_LEN bytes */
	NETDEV_DROP_TX_TOO_LONG,   /* over mtu + NETDEV_FRAME_OVERHEAD */
	NETDEV_DROP_TX_LINK_DOWN,  /* the link is down */
	NETDEV_DROP_TX_ERROR,	   /* the driver refused it (queue full, host error) */
	NETDEV_DROP_COUNT
};

/* The reasons' names for reports: "rx_no_handler", "tx_link_down", ... */
extern const char *const netdev_drop_names[NETDEV_DROP_COUNT];

struct netdev_stats {
	uint64_t rx_packets, rx_bytes; /* handed to the receive callback */
	uint64_t tx_packets, tx_bytes; /* accepted by the driver */
	uint64_t drops[NETDEV_DROP_COUNT];
};

struct netdev;

/* What a driver implements. */
struct netdev_ops {
	/* Sends one frame (len bytes from the destination MAC on). Returns 0
	 * when the device took it (it may still be lost on the wire), or a
	 * negative errno: -EAGAIN when its queue is full, -EIO for anything
	 * else. Called only with a link that is up and a length within the
	 * MTU. Must not call netdev_input. */
	int (*transmit)(struct netdev *dev, const void *frame, size_t len);
};

typedef void (*netdev_rx_fn)(struct netdev *dev, const void *frame, size_t len, void *arg);

/* A device. The driver owns the memory (static, usually) and fills the
 * public part before netdev_register; the rest is netdev's. */
struct netdev {
	/* set by the driver */
	const char *name;		/* the manifest's device name */
	const struct uk_device *config; /* its manifest entry (addresses); may be NULL */
	uint8_t mac[NETDEV_MAC_LEN];
	uint16_t mtu; /* IP bytes per frame; 0 means NETDEV_MTU_DEFAULT */
	bool link_up; /* the driver updates it as the link changes */
	const struct netdev_ops *ops;
	void *priv; /* the driver's own */
	/* netdev's */
	unsigned index; /* 0, 1, ... in registration order */
	netdev_rx_fn rx;
	void *rx_arg;
	struct netdev_stats stats;
};

/* Adds dev to the registry (drivers do, from their init). Returns 0,
 * -EEXIST when a device of that name is registered, -ENOSPC beyond
 * CONFIG_NETDEV_MAX_DEVICES devices, -EINVAL without a name or ops. */
int netdev_register(struct netdev *dev);

/* The registered devices: how many, the one at index (NULL past the end),
 * the one named name (NULL if none). */
unsigned netdev_count(void);
struct netdev *netdev_get(unsigned index);
struct netdev *netdev_find(const char *name);

/* Attaches the receive callback (the ethernet module does, at its init);
 * fn == NULL detaches. Frames that arrive with nothing attached are
 * dropped and counted. */
void netdev_set_rx(struct netdev *dev, netdev_rx_fn fn, void *arg);

/* Sends a frame through dev's driver. Returns 0, or a negative errno with
 * the frame dropped and counted: -EMSGSIZE (too short or too long),
 * -ENETDOWN (link down), or the driver's error. */
int netdev_transmit(struct netdev *dev, const void *frame, size_t len);

/* For drivers: a frame arrived. Counts it and calls the receive callback,
 * or drops it (too short, too long, nothing attached). */
void netdev_input(struct netdev *dev, const void *frame, size_t len);

/* For drivers: counts a drop they saw themselves (NETDEV_DROP_RX_ERROR). */
void netdev_count_drop(struct netdev *dev, enum netdev_drop reason);

/* For drivers' init hooks: calls setup on each net device of the manifest
 * (uk_devices[] of kind net), in order; stops at and returns the first
 * negative result, else 0. */
int netdev_each_manifest_device(int (*setup)(const struct uk_device *d));

/* Copies dev's counters. */
void netdev_stats(const struct netdev *dev, struct netdev_stats *out);

/* The counters of struct netdev_stats by name, for printing and comparing
 * them in one loop (uk/counters.h). */
extern const struct uk_counter_table netdev_counter_table;

/* The MTU in effect: dev->mtu, or NETDEV_MTU_DEFAULT when it is 0. */
uint16_t netdev_mtu(const struct netdev *dev);

/* A MAC for a device whose manifest gives none: locally administered and
 * unicast (02:xx:xx:xx:xx:xx), derived from the string seed (FNV-1a), so
 * the same device gets the same MAC at every boot. */
void netdev_mac_derive(const char *seed, uint8_t mac[NETDEV_MAC_LEN]);

/* Big-endian (network order) loads and stores, for the protocol modules:
 * headers are parsed in place, at any alignment. */
static inline uint16_t netdev_be16(const uint8_t *p)
{
	return (uint16_t)(p[0] << 8 | p[1]);
}

static inline uint32_t netdev_be32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static inline void netdev_put_be16(uint8_t *p, uint16_t v)
{
	p[0] = (uint8_t)(v >> 8);
	p[1] = (uint8_t)v;
}

static inline void netdev_put_be32(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)(v >> 24);
	p[1] = (uint8_t)(v >> 16);
	p[2] = (uint8_t)(v >> 8);
	p[3] = (uint8_t)v;
}

#endif
