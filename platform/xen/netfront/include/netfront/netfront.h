/* The netfront module: Xen PV network devices. At init it connects one
 * vif (device/vif/0, 1, ...) for each net device of the manifest, in order,
 * and registers it with netdev under the manifest's name; the MAC is the
 * one the toolstack gave the vif (the manifest's mac:, when set, is in the
 * generated xl config). The protocol is Xen's io/netif.h: one TX and one RX
 * ring, request-rx-copy, no scatter-gather, no offloads, so every frame is
 * one page and checksums are always filled in. */
#ifndef NETFRONT_NETFRONT_H
#define NETFRONT_NETFRONT_H

#include <stdint.h>
#include <uk/counters.h>

/* The init hook. Fails (and the image with it) when a vif is missing or
 * its backend does not connect in NETFRONT_CONNECT_TIMEOUT_MS. */
int netfront_init(void);

struct netfront_stats {
	uint64_t rx_reposted; /* buffers given back to the backend */
	uint64_t rx_errors;   /* responses with an error status or past a page */
	uint64_t tx_busy;     /* transmits that found no free buffer */
	uint64_t tx_errors;   /* frames the backend answered with an error */
	uint64_t bad_ids;     /* responses naming a buffer not in flight */
	uint64_t notifies;    /* event channel sends */
	uint64_t events;      /* events the backend sent */
};

/* Counters of device index (registration order among netfront's). */
int netfront_stats(unsigned index, struct netfront_stats *out);
/* struct netfront_stats by name, for generic printing (uk/counters.h). */
extern const struct uk_counter_table netfront_counter_table;

#endif
