/* Selective acknowledgments (RFC 2018): the sender's scoreboard of what the
 * peer holds above snd_una, the loss estimate and pipe of RFC 6675 over
 * it, and the receiver's SACK option built from its out-of-order ranges. */
#include "tcp.h"

/* Adds [start, end) to the scoreboard. When it is full, the highest range
 * is forgotten for a lower one (that data is simply sent again). */
static void scoreboard_add(struct tcp_conn *c, uint32_t start, uint32_t end)
{
	if (tcp_ranges_add(c->sacked, &c->nsacked, TCP_SACK_MAX, start, end))
		return;
	if (SEQ_GT(start, c->sacked[c->nsacked - 1].start))
		return;
	c->nsacked--;
	tcp_ranges_add(c->sacked, &c->nsacked, TCP_SACK_MAX, start, end);
}

/* Is [start, end) within one range of the scoreboard already? */
static bool scoreboard_covers(const struct tcp_conn *c, uint32_t start, uint32_t end)
{
	unsigned i;

	for (i = 0; i < c->nsacked; i++)
		if (SEQ_LEQ(c->sacked[i].start, start) && SEQ_LEQ(end, c->sacked[i].end))
			return true;
	return false;
}

bool tcp_sack_take(struct tcp_conn *c, uint32_t ack, const struct tcp_range *blocks, unsigned n)
{
	bool news = false;
	unsigned i;

	/* what the cumulative ACK covers leaves the scoreboard */
	while (c->nsacked && SEQ_LEQ(c->sacked[0].end, ack))
		tcp_ranges_remove(c->sacked, &c->nsacked, 0);
	if (c->nsacked && SEQ_LT(c->sacked[0].start, ack))
		c->sacked[0].start = ack;
	for (i = 0; i < n; i++) {
		uint32_t start = blocks[i].start, end = blocks[i].end;

		/* below the ACK (a D-SACK, RFC 2883) or past what we sent: ignored */
		if (!SEQ_LT(start, end) || SEQ_LEQ(end, ack) || SEQ_GT(end, c->snd_max))
			continue;
		if (SEQ_LT(start, ack))
			start = ack;
		if (!scoreboard_covers(c, start, end))
			news = true;
		scoreboard_add(c, start, end);
	}
	return news;
}

void tcp_sack_clear(struct tcp_conn *c)
{
	c->nsacked = 0;
}

/* RFC 6675 IsLost(): an unSACKed byte is lost once more than
 * (DupThresh - 1) * SMSS bytes, or DupThresh ranges, are SACKed above it.
 * Returns the edge below which every unSACKed byte is lost (snd_una: none). */
static uint32_t lost_edge(const struct tcp_conn *c)
{
	uint32_t above = 0;
	unsigned i = c->nsacked, ranges = 0;

	while (i-- > 0) {
		above += c->sacked[i].end - c->sacked[i].start;
		if (above > 2 * c->snd_mss || ++ranges >= 3)
			return c->sacked[i].start;
	}
	return c->snd_una;
}

bool tcp_sack_una_lost(const struct tcp_conn *c)
{
	return c->nsacked && SEQ_GT(lost_edge(c), c->snd_una);
}

/* Calls fn on each unSACKed range of [snd_una, snd_max), in order, until it
 * returns true. */
static bool each_hole(const struct tcp_conn *c, bool (*fn)(uint32_t, uint32_t, void *), void *arg)
{
	uint32_t at = c->snd_una;
	unsigned i;

	for (i = 0; i < c->nsacked; i++) {
		if (SEQ_LT(at, c->sacked[i].start) && fn(at, c->sacked[i].start, arg))
			return true;
		if (SEQ_GT(c->sacked[i].end, at))
			at = c->sacked[i].end;
	}
	return SEQ_LT(at, c->snd_max) && fn(at, c->snd_max, arg);
}

struct pipe_walk {
	uint32_t edge, high_rxt, pipe;
};

static bool pipe_add(uint32_t a, uint32_t b, void *arg)
{
	struct pipe_walk *w = arg;

	/* not lost: still in the network */
	if (SEQ_GT(b, w->edge))
		w->pipe += b - (SEQ_GT(a, w->edge) ? a : w->edge);
	/* sent again in this recovery: that copy is in the network too */
	if (SEQ_LT(a, w->high_rxt))
		w->pipe += (SEQ_LT(b, w->high_rxt) ? b : w->high_rxt) - a;
	return false;
}

uint32_t tcp_sack_pipe(const struct tcp_conn *c)
{
	struct pipe_walk w = {lost_edge(c), c->high_rxt, 0};

	each_hole(c, pipe_add, &w);
	return w.pipe;
}

struct hole_walk {
	uint32_t from, limit, seq, len;
};

static bool hole_find(uint32_t a, uint32_t b, void *arg)
{
	struct hole_walk *w = arg;

	if (SEQ_LT(a, w->from))
		a = w->from;
	if (SEQ_GT(b, w->limit))
		b = w->limit;
	if (!SEQ_LT(a, b))
		return false;
	w->seq = a;
	w->len = b - a;
	return true;
}

bool tcp_sack_next_hole(const struct tcp_conn *c, bool lost_only, uint32_t *seq, uint32_t *len)
{
	struct hole_walk w;

	if (!c->nsacked)
		return false;
	w.from = SEQ_GT(c->high_rxt, c->snd_una) ? c->high_rxt : c->snd_una;
	/* RFC 6675 NextSeg(): rule 1 takes lost bytes; rule 3, when there is
	 * no new data, any unSACKed byte below the highest SACKed one */
	w.limit = lost_only ? lost_edge(c) : c->sacked[c->nsacked - 1].start;
	if (!each_hole(c, hole_find, &w))
		return false;
	*seq = w.seq;
	*len = w.len;
	return true;
}

uint32_t tcp_sack_skip(const struct tcp_conn *c, uint32_t seq, uint32_t *len)
{
	unsigned i;

	for (i = 0; i < c->nsacked; i++) {
		if (SEQ_LEQ(c->sacked[i].start, seq) && SEQ_LT(seq, c->sacked[i].end))
			return c->sacked[i].end;
		if (SEQ_GT(c->sacked[i].start, seq)) {
			if (*len > c->sacked[i].start - seq)
				*len = c->sacked[i].start - seq;
			break;
		}
	}
	return seq;
}

static unsigned blocks_out(const struct tcp_conn *c)
{
	if (!c->sack_ok || !c->nooo)
		return 0;
	return c->nooo < TCP_SACK_BLOCKS_OUT ? c->nooo : TCP_SACK_BLOCKS_OUT;
}

size_t tcp_sack_option_len(const struct tcp_conn *c)
{
	unsigned n = blocks_out(c);

	return n ? 4 + 8 * (size_t)n : 0;
}

size_t tcp_sack_option(const struct tcp_conn *c, uint8_t *o)
{
	unsigned n = blocks_out(c), i, k = 0, first = 0;

	if (!n)
		return 0;
	/* the range holding the latest arrival goes first (RFC 2018 4) */
	for (i = 0; i < c->nooo; i++)
		if (SEQ_LEQ(c->ooo[i].start, c->ooo_recent) && SEQ_LT(c->ooo_recent, c->ooo[i].end))
			first = i;
	o[0] = 1;
	o[1] = 1;
	o[2] = 5;
	o[3] = (uint8_t)(2 + 8 * n);
	for (i = 0; k < n; i++) {
		unsigned r = i == 0 ? first : (i <= first ? i - 1 : i);

		netdev_put_be32(o + 4 + 8 * k, c->ooo[r].start);
		netdev_put_be32(o + 8 + 8 * k, c->ooo[r].end);
		k++;
	}
	return 4 + 8 * (size_t)n;
}
