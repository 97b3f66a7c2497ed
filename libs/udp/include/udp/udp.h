/* The udp module's contract: UDP (RFC 768) for apps, on the sched loop. */
#ifndef UDP_UDP_H
#define UDP_UDP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <uk/counters.h>

#include <ipv4/ipv4.h>

/*
 * A socket is a struct in the app's memory, bound to a local address and
 * port with a callback that the loop calls for each datagram that arrives:
 *
 *     static struct udp_socket sock;
 *
 *     static void on_datagram(struct udp_socket *s, const struct udp_datagram *d, void *arg)
 *     {
 *             udp_sendto(s, d->src, d->src_port, d->data, d->len);  // echo it
 *     }
 *
 *     udp_bind(&sock, IPV4_ANY, 7, on_datagram, NULL);
 *     sched_run_until(&done);
 *
 * There are no receive queues: a datagram is handed over as it arrives
 * (d->data is valid during the call only), and one that no socket is bound
 * for is dropped ("no_port") with an ICMP port unreachable to its sender.
 * Received datagrams are checked: length field, and checksum unless the
 * sender left it 0 (allowed over IPv4). Sent ones always carry a checksum.
 *
 * ICMP errors about a datagram a socket sent (port unreachable, ...) go to
 * its error callback, when it has one (udp_set_error_fn): UDP has no
 * connection to end, so the app decides (RFC 1122 4.1.3.3).
 */

#define UDP_HEADER_LEN 8
/* The largest payload of one datagram over IPv4. */
#define UDP_MAX_PAYLOAD (IPV4_MAX_PAYLOAD - UDP_HEADER_LEN)
/* Ports udp_bind picks for port 0 (RFC 6335's dynamic range). */
#define UDP_EPHEMERAL_FIRST 49152
#define UDP_EPHEMERAL_LAST  65535

/* A received datagram. */
struct udp_datagram {
	uint32_t src, dst;
	uint16_t src_port, dst_port;
	const void *data;
	size_t len;
	struct netdev *dev; /* it came in on */
	bool broadcast;	    /* sent to a broadcast address */
};

struct udp_socket;
typedef void (*udp_recv_fn)(struct udp_socket *sock, const struct udp_datagram *d, void *arg);

/* An ICMP error about a datagram sock sent to dst:dst_port: err is
 * -ECONNREFUSED (port or protocol unreachable), -ENETUNREACH,
 * -EHOSTUNREACH (other unreachables, time exceeded) or -EPROTO (parameter
 * problem). */
typedef void (*udp_error_fn)(struct udp_socket *sock, uint32_t dst, uint16_t dst_port, int err,
			     void *arg);

/* Zero-initialise (or make static); the fields are udp's. */
struct udp_socket {
	uint32_t addr;
	uint16_t port;
	udp_recv_fn fn;
	udp_error_fn error_fn;
	void *arg;
	struct udp_socket *next;
	bool bound;
};

/* Binds s to addr (IPV4_ANY: every address of the image) and port (0: a
 * free port from the ephemeral range) and sets its callback (may be NULL
 * for a socket that only sends). A port is bound once: to one address, or
 * to IPV4_ANY, which conflicts with any address on that port. Returns 0,
 * -EADDRINUSE (port taken), -EINVAL (s already bound), or -EAGAIN (no
 * ephemeral port left). */
int udp_bind(struct udp_socket *s, uint32_t addr, uint16_t port, udp_recv_fn fn, void *arg);

/* Sets s's error callback (NULL: errors are only counted); it gets s's
 * arg. */
void udp_set_error_fn(struct udp_socket *s, udp_error_fn fn);

/* The port s is bound to (the chosen one after binding to port 0). */
uint16_t udp_port(const struct udp_socket *s);

/* Sends len bytes from s's address (the route's, for IPV4_ANY) and port to
 * dst:port. Returns 0 when the datagram went out or waits for ARP, or a
 * negative errno: -EMSGSIZE (over UDP_MAX_PAYLOAD), -EINVAL (s not bound,
 * port 0), or ipv4_output's error (-ENETUNREACH, -ENOBUFS, ...). */
int udp_sendto(struct udp_socket *s, uint32_t dst, uint16_t port, const void *data, size_t len);

/* udp_sendto out of dev (NULL: as routed), whatever the routing table
 * says: ipv4_route_dev's route, for a DHCP client's broadcasts. */
int udp_sendto_dev(struct udp_socket *s, struct netdev *dev, uint32_t dst, uint16_t port,
		   const void *data, size_t len);

/* Unbinds s; its callback is not called again and it may be bound anew.
 * Closing a socket that is not bound does nothing. */
void udp_close(struct udp_socket *s);

enum udp_drop {
	UDP_DROP_TOO_SHORT,  /* under 8 bytes */
	UDP_DROP_BAD_LENGTH, /* length field under 8 or past the packet */
	UDP_DROP_BAD_CHECKSUM,
	UDP_DROP_NO_PORT, /* no socket bound (or port 0) */
	/* outgoing */
	UDP_DROP_TOO_BIG,
	UDP_DROP_COUNT
};

extern const char *const udp_drop_names[UDP_DROP_COUNT];

struct udp_stats {
	uint64_t rx_datagrams; /* handed to a socket */
	uint64_t tx_datagrams; /* sent (or waiting for ARP) */
	uint64_t tx_failures;  /* ipv4_output refused them */
	uint64_t icmp_errors;  /* ICMP errors handed to a socket's error callback */
	uint64_t drops[UDP_DROP_COUNT];
};

void udp_stats(struct udp_stats *out);

/* The counters of struct udp_stats by name, for printing and comparing
 * them in one loop (uk/counters.h). */
extern const struct uk_counter_table udp_counter_table;

/* The init hook: registers with ipv4 as protocol 17. */
int udp_init(void);

#endif
