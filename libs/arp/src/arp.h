/* Private to arp: the cache entries and what the files share. */
#ifndef ARP_PRIV_H
#define ARP_PRIV_H

#include <stdbool.h>

#include <arp/arp.h>
#include <ethernet/ethernet.h>
#include <sched/sched.h>
#include <uk/config.h>

#ifndef CONFIG_ARP_CACHE_SIZE
#define CONFIG_ARP_CACHE_SIZE 16
#endif
#ifndef CONFIG_ARP_TIMEOUT_S
#define CONFIG_ARP_TIMEOUT_S 60
#endif
#ifndef CONFIG_ARP_RETRY_MS
#define CONFIG_ARP_RETRY_MS 1000
#endif
#ifndef CONFIG_ARP_RETRIES
#define CONFIG_ARP_RETRIES 3
#endif
#ifndef CONFIG_ARP_QUEUE_LEN
#define CONFIG_ARP_QUEUE_LEN 8
#endif
#ifndef CONFIG_NETDEV_MAX_DEVICES
#define CONFIG_NETDEV_MAX_DEVICES 4
#endif

#define ARP_PACKET_LEN 28
#define ARP_OP_REQUEST 1
#define ARP_OP_REPLY   2

/* A packet waiting for its neighbour's MAC. */
struct arp_waiting {
	struct arp_waiting *next;
	size_t len;
	uint8_t frame[];
};

enum arp_state { ARP_FREE, ARP_INCOMPLETE, ARP_RESOLVED };

struct arp_entry {
	enum arp_state state;
	struct netdev *dev;
	uint32_t addr;
	uint8_t mac[NETDEV_MAC_LEN];
	unsigned tries;		  /* requests sent while incomplete */
	uint64_t used;		  /* last use or news, for eviction */
	struct sched_timer timer; /* incomplete: next request; resolved: expiry */
	struct arp_waiting *queue, **queue_tail;
	unsigned queued;
};

extern struct arp_stats arp_counters;
/* Our address on each device, by netdev index (0: none). */
extern uint32_t arp_our_addr[CONFIG_NETDEV_MAX_DEVICES];

/* cache.c */
struct arp_entry *arp_find(const struct netdev *dev, uint32_t addr);
/* A free entry (evicting the least recently used resolved one), set up as
 * incomplete for addr; NULL when every entry is incomplete. */
struct arp_entry *arp_new_entry(struct netdev *dev, uint32_t addr);
/* Sends the first request for e now, the next ones from its timer, and
 * gives up after CONFIG_ARP_RETRIES. */
void arp_ask(struct arp_entry *e);
/* Records mac for e, resolved now; sends its queue when it had one. */
void arp_resolve(struct arp_entry *e, const uint8_t mac[NETDEV_MAC_LEN]);

/* queue.c */
int arp_enqueue(struct arp_entry *e, const uint8_t *frame, size_t len);
void arp_flush(struct arp_entry *e);   /* sends the queue */
void arp_discard(struct arp_entry *e); /* drops the queue as unresolved */

/* send.c: one ARP packet from dev (our address on it as the sender). */
int arp_send(struct netdev *dev, uint16_t op, const uint8_t eth_dst[NETDEV_MAC_LEN],
	     const uint8_t tha[NETDEV_MAC_LEN], uint32_t spa, uint32_t tpa);

/* A unicast address we would cache (not 0, broadcast, multicast, class E). */
static inline bool arp_unicast(uint32_t a)
{
	return a != 0 && a < 0xe0000000u;
}

#endif
