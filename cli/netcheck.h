/* What a net device of uk.yaml cannot use: addresses no host may have, and
 * interface names Linux refuses. Pure functions, so uk check and its unit
 * tests share them. */
#ifndef UK_NETCHECK_H
#define UK_NETCHECK_H

#include <stdint.h>

/* Why no host may have address a, whatever its subnet ("a loopback
 * address (127.0.0.0/8)"), or NULL when it may. */
const char *netcheck_ipv4_reserved(const uint8_t a[4]);

/* Why a may not be a host of its subnet a/prefix ("the network address
 * of its subnet", "the broadcast address ..."), or NULL. /31 and /32
 * have neither (RFC 3021). */
const char *netcheck_ipv4_in_subnet(const uint8_t a[4], unsigned prefix);

/* Linux's longest interface name: IFNAMSIZ less its NUL. */
#define NETCHECK_IFNAME_MAX 15

/* Why name cannot be a network interface's (empty, too long, "." or "..",
 * a character other than letters, digits, '.', '-' and '_': stricter than
 * Linux, which refuses only '/', ':' and white space), or NULL. */
const char *netcheck_ifname(const char *name);

/* Why s is not a TCP or UDP port (1 to 65535, plain decimal digits: no
 * sign, no white space, no leading zero), or NULL with *port set. */
const char *netcheck_port(const char *s, unsigned *port);

#endif
