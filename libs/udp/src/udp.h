/* Private to udp: the bound sockets and the counters. */
#ifndef UDP_PRIV_H
#define UDP_PRIV_H

#include <udp/udp.h>

extern struct udp_stats udp_counters;

/* The socket a datagram to addr:port goes to, or NULL. */
struct udp_socket *udp_lookup(uint32_t addr, uint16_t port);

#endif
