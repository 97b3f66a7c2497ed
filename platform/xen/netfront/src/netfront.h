/* Private to netfront: a device, its rings and buffers. */
#ifndef NETFRONT_PRIV_H
#define NETFRONT_PRIV_H

#include <stdbool.h>
#include <stdint.h>

#include <netdev/netdev.h>
#include <netfront/netfront.h>
#include <sched/sched.h>
#include <uk/config.h>

/* io/ring.h leaves the barriers to its user. */
#define xen_mb()  __atomic_thread_fence(__ATOMIC_SEQ_CST)
#define xen_rmb() __atomic_thread_fence(__ATOMIC_ACQUIRE)
#define xen_wmb() __atomic_thread_fence(__ATOMIC_RELEASE)
#include <xen/xen.h>
#include <xen/grant_table.h>
#include <xen/event_channel.h>
#include <xen/io/netif.h>

#ifndef CONFIG_NETFRONT_RX_BUFFERS
#define CONFIG_NETFRONT_RX_BUFFERS 64
#endif
#ifndef CONFIG_NETFRONT_TX_BUFFERS
#define CONFIG_NETFRONT_TX_BUFFERS 64
#endif
#ifndef CONFIG_NETFRONT_CONNECT_TIMEOUT_MS
#define CONFIG_NETFRONT_CONNECT_TIMEOUT_MS 10000
#endif

#define NETFRONT_PAGE 4096u

struct netfront {
	struct netdev dev;
	unsigned vif;	  /* device/vif/<vif> */
	char backend[96]; /* the backend's xenstore directory */
	domid_t backend_id;
	evtchn_port_t port;

	netif_tx_front_ring_t tx;
	netif_rx_front_ring_t rx;
	grant_ref_t tx_ring_ref, rx_ring_ref;

	/* buffers: one granted page each, granted once */
	uint8_t *rx_buf[CONFIG_NETFRONT_RX_BUFFERS];
	grant_ref_t rx_ref[CONFIG_NETFRONT_RX_BUFFERS];
	uint8_t *tx_buf[CONFIG_NETFRONT_TX_BUFFERS];
	grant_ref_t tx_ref[CONFIG_NETFRONT_TX_BUFFERS];
	uint16_t tx_free[CONFIG_NETFRONT_TX_BUFFERS]; /* stack of free ids */
	unsigned ntx_free;
	bool tx_in_flight[CONFIG_NETFRONT_TX_BUFFERS];

	struct sched_poller poller;
	struct netfront_stats stats;
};

/* connect.c: the xenbus handshake. Fills backend, backend_id and the MAC,
 * shares the rings and the event channel, and waits for the backend to
 * say Connected. Returns 0 or a negative errno, with *what saying which
 * step failed. */
int netfront_connect(struct netfront *nf, const char **what);

/* rings.c */
/* Allocates and grants the rings and buffers; posts the RX buffers. */
int netfront_rings_setup(struct netfront *nf, const char **what);
/* Drains RX responses into netdev_input and reaps TX responses (the sched
 * poller). */
bool netfront_poll(void *arg);
extern const struct netdev_ops netfront_ops;

#endif
