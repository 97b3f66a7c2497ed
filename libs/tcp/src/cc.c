/* Congestion control: NewReno (RFC 5681, RFC 6582) with SACK-based
 * recovery (RFC 6675), an initial window of 10 segments (RFC 6928) and
 * byte counting (RFC 3465). */
#include "cc.h"

#include "tcp.h"

/* RFC 5681 (4): half the flight, at least two segments. */
static uint32_t half_flight(const struct tcp_conn *c)
{
	uint32_t flight = c->snd_max - c->snd_una;

	return flight / 2 > 2 * c->snd_mss ? flight / 2 : 2 * c->snd_mss;
}

void tcp_cc_init(struct tcp_conn *c)
{
	c->cwnd = 10 * c->snd_mss;
}

void tcp_cc_on_ack(struct tcp_conn *c, uint32_t acked)
{
	if (c->cwnd < c->ssthresh) {
		/* RFC 3465's L = 2: a delayed ACK for two segments counts two */
		c->cwnd += acked < 2 * c->snd_mss ? acked : 2 * c->snd_mss;
		return;
	}
	/* one segment per window of bytes acknowledged (RFC 5681 3.1's byte
	 * counting: delayed ACKs do not slow it) */
	c->bytes_acked += acked;
	if (c->bytes_acked >= c->cwnd) {
		c->bytes_acked -= c->cwnd;
		c->cwnd += c->snd_mss;
	}
}

void tcp_cc_on_loss(struct tcp_conn *c)
{
	c->ssthresh = half_flight(c);
	/* with SACK, RFC 6675's pipe keeps the count; without, the three
	 * duplicates left the network (RFC 5681 3.2 step 3) */
	c->cwnd = c->sack_ok ? c->ssthresh : c->ssthresh + 3 * c->snd_mss;
	c->bytes_acked = 0;
}

void tcp_cc_on_dupack(struct tcp_conn *c)
{
	/* without SACK, each duplicate is a segment that left (NewReno) */
	if (!c->sack_ok)
		c->cwnd += c->snd_mss;
}

void tcp_cc_on_partial_ack(struct tcp_conn *c, uint32_t acked)
{
	/* RFC 6582 3.2 step 3: deflate by what left, add back one segment */
	if (!c->sack_ok)
		c->cwnd = c->cwnd > acked ? c->cwnd - acked + c->snd_mss : c->snd_mss;
}

void tcp_cc_on_recovery_end(struct tcp_conn *c)
{
	c->cwnd = c->ssthresh;
}

void tcp_cc_on_timeout(struct tcp_conn *c)
{
	/* RFC 5681 3.1: after a loss, start again from one segment */
	c->ssthresh = half_flight(c);
	c->cwnd = c->snd_mss;
	c->bytes_acked = 0;
}
