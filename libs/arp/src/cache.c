/* The neighbour cache: a fixed table, one sched timer per entry (the next
 * request while incomplete, the expiry once resolved). */
#include <errno.h>
#include <string.h>

#include "arp.h"

static struct arp_entry cache[CONFIG_ARP_CACHE_SIZE];

struct arp_entry *arp_find(const struct netdev *dev, uint32_t addr)
{
	unsigned i;

	for (i = 0; i < CONFIG_ARP_CACHE_SIZE; i++)
		if (cache[i].state != ARP_FREE && cache[i].dev == dev && cache[i].addr == addr)
			return &cache[i];
	return NULL;
}

static void release(struct arp_entry *e)
{
	sched_timer_stop(&e->timer);
	e->state = ARP_FREE;
	arp_counters.entries--;
}

static void expire(void *arg)
{
	struct arp_entry *e = arg;

	arp_counters.expired++;
	release(e);
}

static void ask(void *arg)
{
	struct arp_entry *e = arg;

	if (e->tries == CONFIG_ARP_RETRIES) {
		arp_counters.failed++;
		arp_discard(e);
		release(e);
		return;
	}
	e->tries++;
	arp_send(e->dev, ARP_OP_REQUEST, ethernet_broadcast, NULL, arp_our_addr[e->dev->index],
		 e->addr);
	sched_timer_start(&e->timer, sched_now_ns() + CONFIG_ARP_RETRY_MS * SCHED_NS_PER_MS, ask,
			  e);
}

struct arp_entry *arp_new_entry(struct netdev *dev, uint32_t addr)
{
	struct arp_entry *e = NULL;
	unsigned i;

	for (i = 0; i < CONFIG_ARP_CACHE_SIZE && !e; i++)
		if (cache[i].state == ARP_FREE)
			e = &cache[i];
	for (i = 0; i < CONFIG_ARP_CACHE_SIZE && !e; i++)
		if (cache[i].state == ARP_RESOLVED)
			e = &cache[i];
	if (!e)
		return NULL;
	/* the least recently used resolved one makes room */
	if (e->state == ARP_RESOLVED) {
		for (; i < CONFIG_ARP_CACHE_SIZE; i++)
			if (cache[i].state == ARP_RESOLVED && cache[i].used < e->used)
				e = &cache[i];
		arp_counters.evicted++;
		release(e);
	}
	memset(e, 0, sizeof(*e));
	e->state = ARP_INCOMPLETE;
	e->dev = dev;
	e->addr = addr;
	e->used = sched_now_ns();
	e->queue_tail = &e->queue;
	arp_counters.entries++;
	return e;
}

void arp_ask(struct arp_entry *e)
{
	e->tries = 0;
	ask(e);
}

void arp_resolve(struct arp_entry *e, const uint8_t mac[NETDEV_MAC_LEN])
{
	if (e->state != ARP_RESOLVED || memcmp(e->mac, mac, NETDEV_MAC_LEN))
		arp_counters.resolved++;
	memcpy(e->mac, mac, NETDEV_MAC_LEN);
	e->state = ARP_RESOLVED;
	e->used = sched_now_ns();
	sched_timer_start(&e->timer, e->used + CONFIG_ARP_TIMEOUT_S * SCHED_NS_PER_S, expire, e);
	arp_flush(e);
}

int arp_lookup(struct netdev *dev, uint32_t addr, uint8_t mac[NETDEV_MAC_LEN])
{
	struct arp_entry *e = arp_find(dev, addr);

	if (!e || e->state != ARP_RESOLVED)
		return -ENOENT;
	memcpy(mac, e->mac, NETDEV_MAC_LEN);
	return 0;
}
