/* Fragment reassembly (RFC 791, RFC 815's idea with explicit ranges): a few
 * slots, each one datagram's buffer (grown as fragments arrive, at most
 * 64 KiB), the ranges received so far, and a timer. Hostile input is the
 * normal case here: every limit is checked before anything is copied. */
#include <stdlib.h>
#include <string.h>

#include "ipv4.h"

struct range {
	uint16_t off, len;
};

struct slot {
	bool used;
	struct netdev *dev;
	uint32_t src, dst;
	uint16_t id;
	uint8_t proto;
	uint8_t *buf;
	size_t cap;
	size_t total; /* the datagram's payload length; 0 until the last fragment */
	size_t have;  /* bytes received */
	uint64_t started;
	unsigned nranges;
	struct range ranges[CONFIG_IPV4_REASS_MAX_FRAGMENTS];
	/* the first fragment's header, for delivery and for ICMP errors */
	uint8_t header[60];
	size_t header_len; /* 0 until the first fragment arrives */
	uint8_t ttl, tos;
	bool broadcast;
	struct sched_timer timer;
};

#if CONFIG_IPV4_REASS_SLOTS > 0
static struct slot slots[CONFIG_IPV4_REASS_SLOTS];

static void release(struct slot *s)
{
	sched_timer_stop(&s->timer);
	free(s->buf);
	s->buf = NULL;
	s->cap = 0;
	s->used = false;
}

/* Drops the whole datagram, counted once under why. */
static void discard(struct slot *s, enum ipv4_drop why)
{
	ipv4_drop(why);
	release(s);
}

/* A view of what the slot holds, as if it were one packet. */
static void as_packet(const struct slot *s, struct ipv4_packet *pkt, size_t len)
{
	pkt->dev = s->dev;
	pkt->src = s->src;
	pkt->dst = s->dst;
	pkt->proto = s->proto;
	pkt->ttl = s->ttl;
	pkt->tos = s->tos;
	pkt->broadcast = s->broadcast;
	pkt->reassembled = true;
	pkt->header = s->header;
	pkt->header_len = s->header_len;
	pkt->payload = s->buf;
	pkt->len = len;
}

static void timeout(void *arg)
{
	struct slot *s = arg;
	struct ipv4_packet pkt;

	/* RFC 792: time exceeded only when the first fragment is here, so that
	 * the sender can tell which datagram it was (header + 8 bytes) */
	if (s->header_len) {
		as_packet(s, &pkt, s->have < 8 ? s->have : 8);
		ipv4_report_error(&pkt, 11, 1);
	}
	discard(s, IPV4_DROP_FRAG_TIMEOUT);
}

static struct slot *find(const struct ipv4_packet *f, uint16_t id)
{
	unsigned i;

	for (i = 0; i < CONFIG_IPV4_REASS_SLOTS; i++) {
		struct slot *s = &slots[i];

		if (s->used && s->id == id && s->src == f->src && s->dst == f->dst &&
		    s->proto == f->proto && s->dev == f->dev)
			return s;
	}
	return NULL;
}

static struct slot *take(const struct ipv4_packet *f, uint16_t id)
{
	struct slot *s = NULL;
	unsigned i;

	for (i = 0; i < CONFIG_IPV4_REASS_SLOTS && !s; i++)
		if (!slots[i].used)
			s = &slots[i];
	if (!s) {
		/* the oldest incomplete datagram is the likeliest lost (or junk) */
		s = &slots[0];
		for (i = 1; i < CONFIG_IPV4_REASS_SLOTS; i++)
			if (slots[i].started < s->started)
				s = &slots[i];
		discard(s, IPV4_DROP_FRAG_EVICTED);
	}
	s->used = true;
	s->dev = f->dev;
	s->src = f->src;
	s->dst = f->dst;
	s->id = id;
	s->proto = f->proto;
	s->buf = NULL;
	s->cap = 0;
	s->total = 0;
	s->have = 0;
	s->nranges = 0;
	s->header_len = 0;
	s->broadcast = f->broadcast;
	s->started = sched_now_ns();
	sched_timer_start(&s->timer, s->started + CONFIG_IPV4_REASS_TIMEOUT_MS * SCHED_NS_PER_MS,
			  timeout, s);
	return s;
}

enum verdict { TAKE, DUPLICATE, DISCARD };

/* Checks the fragment [off, end) against what the slot has; for DISCARD,
 * *why says why the datagram goes. */
static enum verdict check(const struct slot *s, size_t off, size_t end, bool more,
			  enum ipv4_drop *why)
{
	unsigned i;

	*why = IPV4_DROP_FRAG_BAD;
	/* past the end a last fragment set, or a second, different, end */
	if (s->total && (end > s->total || (!more && end != s->total)))
		return DISCARD;
	for (i = 0; i < s->nranges; i++) {
		size_t o = s->ranges[i].off, e = o + s->ranges[i].len;

		if (off < e && o < end) {
			if (o == off && e == end)
				return DUPLICATE;
			*why = IPV4_DROP_FRAG_OVERLAP;
			return DISCARD;
		}
		/* a last fragment must end after everything else */
		if (!more && e > end)
			return DISCARD;
	}
	if (s->nranges == CONFIG_IPV4_REASS_MAX_FRAGMENTS) {
		*why = IPV4_DROP_FRAG_TOO_MANY;
		return DISCARD;
	}
	return TAKE;
}

void ipv4_reass_input(const struct ipv4_packet *f, uint16_t id, unsigned offset, bool more)
{
	size_t end = offset + f->len;
	struct ipv4_packet pkt;
	enum ipv4_drop why;
	struct slot *s;

	if (!f->len || (more && f->len % 8)) {
		ipv4_drop(IPV4_DROP_FRAG_BAD);
		return;
	}
	s = find(f, id);
	if (end + f->header_len > IPV4_MAX_PACKET) {
		/* the "ping of death": no such datagram can exist */
		if (s)
			discard(s, IPV4_DROP_FRAG_TOO_BIG);
		else
			ipv4_drop(IPV4_DROP_FRAG_TOO_BIG);
		return;
	}
	if (!s)
		s = take(f, id);
	switch (check(s, offset, end, more, &why)) {
	case DUPLICATE:
		ipv4_drop(IPV4_DROP_FRAG_DUPLICATE);
		return;
	case DISCARD:
		discard(s, why);
		return;
	case TAKE:
		break;
	}
	if (end > s->cap) {
		/* grow in 4 KiB steps: a few reallocs for a 64 KiB datagram */
		size_t cap = (end + 4095) & ~(size_t)4095;
		uint8_t *buf = realloc(s->buf, cap);

		if (!buf) {
			discard(s, IPV4_DROP_NO_MEMORY);
			return;
		}
		s->buf = buf;
		s->cap = cap;
	}
	memcpy(s->buf + offset, f->payload, f->len);
	s->ranges[s->nranges].off = (uint16_t)offset;
	s->ranges[s->nranges].len = (uint16_t)f->len;
	s->nranges++;
	s->have += f->len;
	if (!more)
		s->total = end;
	if (offset == 0) {
		memcpy(s->header, f->header, f->header_len);
		s->header_len = f->header_len;
		s->ttl = f->ttl;
		s->tos = f->tos;
	}
	/* no overlaps, so the bytes add up only when every hole is filled */
	if (!s->total || s->have != s->total)
		return;
	ipv4_counters.reassembled++;
	as_packet(s, &pkt, s->total);
	/* the stack is not reentrant: nothing reaches this slot meanwhile */
	ipv4_deliver(&pkt);
	release(s);
}
#else
void ipv4_reass_input(const struct ipv4_packet *f, uint16_t id, unsigned offset, bool more)
{
	(void)f;
	(void)id;
	(void)offset;
	(void)more;
	ipv4_drop(IPV4_DROP_FRAG_DISABLED);
}
#endif
