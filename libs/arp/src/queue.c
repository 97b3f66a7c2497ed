/* Packets waiting for their neighbour: copies on the heap, sent in order
 * when the reply comes, dropped when it does not. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "arp.h"

int arp_enqueue(struct arp_entry *e, const uint8_t *frame, size_t len)
{
	struct arp_waiting *w;

	if (e->queued == CONFIG_ARP_QUEUE_LEN) {
		arp_counters.drops[ARP_DROP_QUEUE_FULL]++;
		return -ENOBUFS;
	}
	w = malloc(sizeof(*w) + len);
	if (!w) {
		arp_counters.drops[ARP_DROP_NO_MEMORY]++;
		return -ENOBUFS;
	}
	w->next = NULL;
	w->len = len;
	memcpy(w->frame, frame, len);
	*e->queue_tail = w;
	e->queue_tail = &w->next;
	e->queued++;
	arp_counters.queued++;
	return 0;
}

void arp_flush(struct arp_entry *e)
{
	struct arp_waiting *w = e->queue;

	e->queue = NULL;
	e->queue_tail = &e->queue;
	e->queued = 0;
	while (w) {
		struct arp_waiting *next = w->next;

		ethernet_output(e->dev, e->mac, ETHERNET_TYPE_IPV4, w->frame, w->len);
		free(w);
		w = next;
	}
}

void arp_discard(struct arp_entry *e)
{
	struct arp_waiting *w = e->queue;

	while (w) {
		struct arp_waiting *next = w->next;

		arp_counters.drops[ARP_DROP_UNRESOLVED]++;
		free(w);
		w = next;
	}
	e->queue = NULL;
	e->queue_tail = &e->queue;
	e->queued = 0;
}

int arp_output(struct netdev *dev, uint32_t next_hop, uint8_t *frame, size_t len)
{
	struct arp_entry *e = arp_find(dev, next_hop);

	if (e && e->state == ARP_RESOLVED) {
		e->used = sched_now_ns();
		return ethernet_output(dev, e->mac, ETHERNET_TYPE_IPV4, frame, len);
	}
	if (!e) {
		e = arp_new_entry(dev, next_hop);
		if (!e) {
			arp_counters.drops[ARP_DROP_CACHE_FULL]++;
			return -ENOBUFS;
		}
		arp_ask(e);
	}
	return arp_enqueue(e, frame, len);
}
