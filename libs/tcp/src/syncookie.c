/* SYN cookies (RFC 4987 3.6): the ISN of a SYN-ACK sent without keeping
 * state. Its top 5 bits are a counter of 64 s periods, the next one says
 * whether the SYN-ACK offered window scaling, the next 2 index a table of
 * MSS values, and the low 24 are a keyed hash (secret.c) of the
 * connection, the peer's ISN and those 8 bits. The ACK that
 * completes the handshake gives it back as its ack - 1; a cookie is good
 * for the period it was made in and the next one (64 to 128 s). What a
 * cookie cannot carry is taken at its safest: the peer's window scale as 0
 * (its window looks smaller than it is), SACK off (its blocks are
 * ignored). */
#include "tcp.h"

#define PERIOD_NS   (64ull * SCHED_NS_PER_S)
#define COUNT_SHIFT 27
#define WS_BIT	    (1u << 26)
#define MSS_SHIFT   24
#define HASH_MASK   0xffffffu

static const uint16_t mss_table[4] = {256, 536, 1400, 1460};

static uint32_t period(void)
{
	return (uint32_t)(sched_now_ns() / PERIOD_NS);
}

static uint32_t cookie_hash(const struct tcp_cookie_conn *k, uint32_t count, uint32_t bits)
{
	uint32_t v[6] = {k->laddr,    k->raddr, (uint32_t)k->lport << 16 | k->rport,
			 k->peer_isn, count,	bits};

	return (uint32_t)tcp_secret_hash(v, sizeof(v)) & HASH_MASK;
}

uint32_t tcp_cookie_make(const struct tcp_cookie_conn *k, uint32_t mss, bool wscale)
{
	uint32_t count = period(), bits;
	unsigned i = 0;

	while (i + 1 < 4 && mss_table[i + 1] <= mss)
		i++;
	bits = (uint32_t)i << MSS_SHIFT | (wscale ? WS_BIT : 0);
	return (count & 31u) << COUNT_SHIFT | bits | cookie_hash(k, count, bits);
}

uint32_t tcp_cookie_check(const struct tcp_cookie_conn *k, uint32_t cookie, bool *wscale)
{
	uint32_t now = period();
	uint32_t age = (now - (cookie >> COUNT_SHIFT)) & 31u;
	uint32_t bits = cookie & (WS_BIT | 3u << MSS_SHIFT);

	if (age > 1 || cookie_hash(k, now - age, bits) != (cookie & HASH_MASK))
		return 0;
	*wscale = (bits & WS_BIT) != 0;
	return mss_table[bits >> MSS_SHIFT & 3u];
}
