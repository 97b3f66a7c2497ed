/* The dhcp module's contract: a DHCP client (RFC 2131, options of RFC 2132)
 * for the net devices whose manifest entry says `ipv4: dhcp`. */
#ifndef DHCP_DHCP_H
#define DHCP_DHCP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <uk/counters.h>

#include <netdev/netdev.h>

/*
 * At init (level net) a client starts on every such device: it broadcasts a
 * DISCOVER from 0.0.0.0 (message type, client identifier 01:<MAC>,
 * parameter request list: subnet mask, router, DNS servers, lease time,
 * T1, T2; the broadcast flag set, so replies come to 255.255.255.255 while
 * the device has no address), REQUESTs the first OFFER (requested address,
 * server identifier), and on the ACK calls ipv4_configure(dev, address,
 * prefix of the subnet mask, router) (which has ARP announce the address).
 * A NAK starts again. DISCOVERs and REQUESTs are retransmitted after
 * CONFIG_DHCP_RETRY_MS (4 s), doubling up to CONFIG_DHCP_RETRY_MAX_MS
 * (64 s), each randomised by up to +-1 s; an offer whose REQUEST got no
 * answer after CONFIG_DHCP_REQUEST_TRIES (4) sends starts again.
 *
 * Bound, the client renews at T1 (the server's option 58, else half the
 * lease) with a REQUEST unicast to the server, retransmitted after half
 * the time left until T2 (60 s at least), then rebinds at T2 (option 59,
 * else 7/8 of the lease) with broadcast REQUESTs, retransmitted after half
 * the time left until expiry (60 s at least). An ACK extends the lease (and
 * reconfigures the device if anything changed); expiry unconfigures the
 * device (address 0) and starts again. An infinite lease (0xffffffff) has
 * no timers.
 *
 * Replies are checked before use (each check makes the next one safe):
 * length, op (a reply), hardware type and length, magic cookie, the
 * options (every length in bounds, pad and end, fixed sizes for fixed-size
 * options; a message type present), a client on the device, the xid of
 * the exchange in progress, the client's MAC, the message type against
 * the state, and the lease's values (a unicast address that is not the
 * subnet's network or broadcast address, a server identifier, a lease
 * time, a contiguous mask). Anything else is dropped and counted by
 * reason. Option overload (52) is not supported
 * (the sname and file fields are ignored).
 */

#define DHCP_SERVER_PORT 67
#define DHCP_CLIENT_PORT 68
#define DHCP_MAX_DNS	 3
/* A lease time that never ends. */
#define DHCP_INFINITE 0xffffffffu

enum dhcp_state {
	DHCP_STOPPED,	 /* no client on this device */
	DHCP_SELECTING,	 /* DISCOVER sent, waiting for an OFFER */
	DHCP_REQUESTING, /* REQUEST for an offer sent, waiting for the ACK */
	DHCP_BOUND,	 /* configured */
	DHCP_RENEWING,	 /* past T1: REQUESTs unicast to the server */
	DHCP_REBINDING,	 /* past T2: REQUESTs broadcast to any server */
	DHCP_STATE_COUNT
};

extern const char *const dhcp_state_names[DHCP_STATE_COUNT];

/* A lease, as the last ACK gave it. Times in seconds. */
struct dhcp_lease {
	uint32_t addr;
	uint32_t mask;	 /* option 1, else the address's class's */
	unsigned prefix; /* of mask */
	uint32_t router; /* the first of option 3 (0: none, or not on the subnet) */
	uint32_t dns[DHCP_MAX_DNS];
	unsigned dns_count;
	uint32_t server;     /* its identifier (option 54) */
	uint32_t lease_time; /* option 51, DHCP_INFINITE for ever */
	uint32_t t1, t2;     /* renewal and rebinding times, from the ACK */
	uint64_t start_ns;   /* sched_now_ns() when the REQUEST went out */
};

/* Starts a client on dev (dhcp_init does it for the manifest's `ipv4: dhcp`
 * devices): unconfigures it and broadcasts a DISCOVER at once. Returns 0,
 * -EALREADY (running), -ENODEV, or udp_bind's error. */
int dhcp_start(struct netdev *dev);
/* Stops dev's client (its timers, the state; the configuration stays). */
void dhcp_stop(struct netdev *dev);

enum dhcp_state dhcp_get_state(const struct netdev *dev);
/* Copies dev's lease: 0, or -EAGAIN while it has none (not bound,
 * renewing or rebinding), -ENODEV. */
int dhcp_get_lease(const struct netdev *dev, struct dhcp_lease *out);

/* Runs the loop until dev (NULL: every device with a client) has a lease,
 * or until deadline_ns (sched_now_ns() time; SCHED_FOREVER). Returns 0,
 * -ETIMEDOUT, or -ENODEV (dev NULL and no client at all). Not from a callback (it runs the loop).
 */
int dhcp_wait_bound(struct netdev *dev, uint64_t deadline_ns);

/* What a handler hears about. */
enum dhcp_event {
	DHCP_EVENT_BOUND,   /* a new lease: the device is configured */
	DHCP_EVENT_RENEWED, /* the lease was extended (renewed or rebound) */
	DHCP_EVENT_LOST,    /* NAK or expiry: the device is unconfigured */
};
typedef void (*dhcp_event_fn)(struct netdev *dev, enum dhcp_event ev,
			      const struct dhcp_lease *lease, void *arg);
/* One handler for all devices (NULL: none); called from the loop. */
void dhcp_set_handler(dhcp_event_fn fn, void *arg);

enum dhcp_drop {
	DHCP_DROP_TRUNCATED,	/* under the 240 bytes of header and cookie */
	DHCP_DROP_BAD_OP,	/* not a BOOTREPLY */
	DHCP_DROP_BAD_HTYPE,	/* not Ethernet (1) with 6-byte addresses */
	DHCP_DROP_BAD_MAGIC,	/* not the cookie 99.130.83.99 */
	DHCP_DROP_NO_CLIENT,	/* came in on a device without a client */
	DHCP_DROP_BAD_XID,	/* not the exchange in progress (or none is) */
	DHCP_DROP_BAD_CHADDR,	/* another client's MAC */
	DHCP_DROP_BAD_OPTIONS,	/* an option past the end, a wrong fixed length */
	DHCP_DROP_NO_TYPE,	/* no message type (option 53) */
	DHCP_DROP_UNEXPECTED,	/* a type the state does not want */
	DHCP_DROP_BAD_LEASE,	/* no server id or lease time, a bad address or mask */
	DHCP_DROP_WRONG_SERVER, /* an ACK or NAK from another server than the one asked */
	DHCP_DROP_COUNT
};

extern const char *const dhcp_drop_names[DHCP_DROP_COUNT];

struct dhcp_stats {
	uint64_t tx_discovers;
	uint64_t tx_requests;
	uint64_t tx_errors; /* udp refused to send */
	uint64_t retransmissions;
	uint64_t rx_offers, rx_acks, rx_naks; /* accepted */
	uint64_t bound;			      /* leases obtained (DISCOVER to ACK) */
	uint64_t renewed;		      /* extended by an ACK while renewing */
	uint64_t rebound;		      /* extended by an ACK while rebinding */
	uint64_t expired;		      /* leases that ran out */
	uint64_t restarts;		      /* NAKs, expiries and offers given up */
	uint64_t drops[DHCP_DROP_COUNT];
};

void dhcp_stats(struct dhcp_stats *out);

/* The counters of struct dhcp_stats by name, for printing and comparing
 * them in one loop (uk/counters.h). */
extern const struct uk_counter_table dhcp_counter_table;

/* The init hook: starts the manifest's `ipv4: dhcp` devices' clients. */
int dhcp_init(void);

#endif
