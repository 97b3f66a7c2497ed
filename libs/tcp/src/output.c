/* Sending: segments (header, options, checksum), the windows, the
 * retransmission timer (RFC 6298), RSTs. */
#include <errno.h>
#include <string.h>

#include "cc.h"
#include "tcp.h"

static uint8_t seg_copy[IPV4_MAX_MTU];

static int tx_raw(uint32_t src, uint32_t dst, uint16_t sport, uint16_t dport, uint32_t seq,
		  uint32_t ack, uint8_t flags, uint16_t wnd, const uint8_t *opts, size_t olen,
		  const void *data, size_t len)
{
	uint8_t hdr[TCP_HEADER_LEN + 40];
	size_t hlen = TCP_HEADER_LEN + olen;
	uint32_t sum;
	int r;

	netdev_put_be16(hdr, sport);
	netdev_put_be16(hdr + 2, dport);
	netdev_put_be32(hdr + 4, seq);
	netdev_put_be32(hdr + 8, ack);
	hdr[12] = (uint8_t)((hlen / 4) << 4);
	hdr[13] = flags;
	netdev_put_be16(hdr + 14, wnd);
	netdev_put_be16(hdr + 16, 0);
	netdev_put_be16(hdr + 18, 0);
	if (olen)
		memcpy(hdr + TCP_HEADER_LEN, opts, olen);
	sum = ipv4_pseudo_sum(src, dst, IPV4_PROTO_TCP, (uint16_t)(hlen + len));
	sum = ipv4_sum(sum, hdr, hlen);
	sum = ipv4_sum(sum, data, len);
	netdev_put_be16(hdr + 16, ipv4_sum_finish(sum));
	r = ipv4_output(src, dst, IPV4_PROTO_TCP, hdr, hlen, data, len);
	if (r < 0) {
		tcp_counters.tx_failures++;
		return r;
	}
	tcp_counters.tx_segments++;
	if (flags & TCP_RST)
		tcp_counters.resets_sent++;
	return 0;
}

void tcp_send_rst(uint32_t src, uint32_t dst, uint16_t sport, uint16_t dport, uint32_t seq,
		  uint32_t ack, bool with_ack)
{
	tx_raw(src, dst, sport, dport, seq, with_ack ? ack : 0,
	       (uint8_t)(TCP_RST | (with_ack ? TCP_ACK : 0)), 0, NULL, 0, NULL, 0);
}

static uint16_t window_field(struct tcp_conn *c, bool syn)
{
	uint32_t w = tcp_rcv_window(c), edge;

	if (syn)
		return (uint16_t)(w > 65535 ? 65535 : w);
	if (!c->wscale_ok && w > 65535)
		w = 65535;
	w >>= c->wscale_ok ? c->rcv_wscale : 0;
	if (w > 65535)
		w = 65535;
	edge = c->rcv_nxt + (w << (c->wscale_ok ? c->rcv_wscale : 0));
	/* never move the right edge back (RFC 9293 3.8.6.2.2) */
	if (SEQ_LT(edge, c->rcv_adv)) {
		w = (c->rcv_adv - c->rcv_nxt) >> (c->wscale_ok ? c->rcv_wscale : 0);
		edge = c->rcv_adv;
	}
	c->rcv_adv = edge;
	return (uint16_t)w;
}

int tcp_tx(struct tcp_conn *c, uint32_t seq, uint8_t flags, size_t len)
{
	uint8_t opts[40];
	size_t olen = 0, off, first;
	const uint8_t *data = NULL;
	uint32_t ack = 0;

	if (flags & TCP_SYN) {
		opts[0] = 2; /* MSS */
		opts[1] = 4;
		netdev_put_be16(opts + 2, (uint16_t)c->rcv_mss);
		olen = 4;
		/* window scale and SACK: always on our SYN; on a SYN-ACK only
		 * if the peer's SYN had them */
		if (c->state == TCP_SYN_SENT || c->wscale_ok) {
			opts[olen++] = 1; /* NOP */
			opts[olen++] = 3;
			opts[olen++] = 3;
			opts[olen++] = c->rcv_wscale;
		}
		if (c->state == TCP_SYN_SENT || c->sack_ok) {
			opts[olen++] = 1;
			opts[olen++] = 1;
			opts[olen++] = 4; /* SACK permitted */
			opts[olen++] = 2;
		}
	}
	if (c->state != TCP_SYN_SENT || (flags & TCP_ACK)) {
		flags |= TCP_ACK;
		ack = c->rcv_nxt;
		/* what we hold past a hole, if it fits beside the data */
		if (!(flags & TCP_SYN) && len + tcp_sack_option_len(c) <= c->snd_mss)
			olen = tcp_sack_option(c, opts);
	}
	if (len) {
		off = (c->shead + (size_t)(seq - c->sbase)) % CONFIG_TCP_SNDBUF;
		first = CONFIG_TCP_SNDBUF - off;
		if (first >= len) {
			data = c->sbuf + off;
		} else {
			memcpy(seg_copy, c->sbuf + off, first);
			memcpy(seg_copy + first, c->sbuf, len - first);
			data = seg_copy;
		}
	}
	if (flags & TCP_ACK) {
		c->ack_pending = false;
		c->ack_now = false;
		c->unacked = 0;
		sched_timer_stop(&c->delack);
	}
	return tx_raw(c->laddr, c->raddr, c->lport, c->rport, seq, ack, flags,
		      window_field(c, flags & TCP_SYN), olen ? opts : NULL, olen, data, len);
}

void tcp_send_ack(struct tcp_conn *c)
{
	tcp_tx(c, c->snd_nxt, TCP_ACK, 0);
}

static void delack_timeout(void *arg)
{
	struct tcp_conn *c = arg;

	if (c->ack_pending)
		tcp_send_ack(c);
}

void tcp_ack_owed(struct tcp_conn *c)
{
	if (!c->ack_pending)
		return;
	if (c->ack_now || c->unacked >= 2 || CONFIG_TCP_DELAYED_ACK_MS == 0) {
		tcp_send_ack(c);
		return;
	}
	if (!sched_timer_pending(&c->delack))
		sched_timer_start(&c->delack,
				  sched_now_ns() +
				      (uint64_t)CONFIG_TCP_DELAYED_ACK_MS * SCHED_NS_PER_MS,
				  delack_timeout, c);
}

/* The FIN has gone out (and not been taken back by a timeout). */
static bool fin_sent(const struct tcp_conn *c)
{
	return c->fin_queued && SEQ_GT(c->snd_nxt, c->sbase + (uint32_t)c->slen);
}

/* Sends len bytes from seq again (a FIN at the data's end with them);
 * returns the sequence space sent, 0 if nothing went. */
static uint32_t resend(struct tcp_conn *c, uint32_t seq, uint32_t len)
{
	uint32_t end = c->sbase + (uint32_t)c->slen, dlen = 0;
	uint8_t flags = TCP_ACK;

	if (SEQ_LT(seq, end))
		dlen = end - seq < len ? end - seq : len;
	if (c->fin_queued && seq + dlen == end && SEQ_GT(seq + len, end))
		flags |= TCP_FIN;
	if (!dlen && !(flags & TCP_FIN))
		return 0;
	if (tcp_tx(c, seq, flags, dlen) < 0)
		return 0;
	tcp_counters.retransmits++;
	c->retransmits++;
	return dlen + ((flags & TCP_FIN) ? 1 : 0);
}

/* The largest data segment: the MSS less the SACK option we owe. */
static uint32_t data_mss(const struct tcp_conn *c)
{
	return c->snd_mss - (uint32_t)tcp_sack_option_len(c);
}

/* Sends from snd_nxt what the windows allow, the congestion window taken
 * as cwnd: new data, or old data again after a timeout (skipping what the
 * peer has SACKed). */
static void output_window(struct tcp_conn *c, uint32_t cwnd)
{
	for (;;) {
		uint32_t end = c->sbase + (uint32_t)c->slen;
		uint32_t wnd = c->snd_wnd < cwnd ? c->snd_wnd : cwnd;
		uint32_t limit = c->snd_una + wnd;
		uint32_t len = 0, mss = data_mss(c);
		uint8_t flags = TCP_ACK;

		if (SEQ_LT(c->snd_nxt, c->snd_max) && c->nsacked) {
			uint32_t room = c->snd_max - c->snd_nxt, to;

			to = tcp_sack_skip(c, c->snd_nxt, &room);
			if (to != c->snd_nxt) {
				c->snd_nxt = to;
				continue;
			}
			if (room < mss)
				mss = room;
		}
		if (SEQ_LT(c->snd_nxt, end)) {
			len = end - c->snd_nxt;
			if (len > mss)
				len = mss;
			if (SEQ_GEQ(c->snd_nxt, limit))
				break;
			if (len > limit - c->snd_nxt)
				len = limit - c->snd_nxt;
			/* no silly small segments while data is in flight (RFC 9293 3.8.6.2.1) */
			if (len < mss && len < end - c->snd_nxt && c->snd_una != c->snd_nxt)
				break;
			if (c->fin_queued && c->snd_nxt + len == end)
				flags |= TCP_FIN;
			if (len == end - c->snd_nxt)
				flags |= TCP_PSH;
		} else if (c->fin_queued && !fin_sent(c) && c->snd_nxt == end) {
			flags |= TCP_FIN;
		} else {
			break;
		}
		if (SEQ_GEQ(c->snd_nxt, c->snd_max)) {
			tcp_counters.tx_bytes += len;
			if (!c->rtt_active) {
				c->rtt_active = true;
				c->rtt_seq = c->snd_nxt;
				c->rtt_start = sched_now_ns();
			}
		} else {
			tcp_counters.retransmits++;
			c->retransmits++;
		}
		if (tcp_tx(c, c->snd_nxt, flags, len) < 0)
			break;
		c->snd_nxt += len + ((flags & TCP_FIN) ? 1 : 0);
		if (SEQ_GT(c->snd_nxt, c->snd_max))
			c->snd_max = c->snd_nxt;
		if (flags & TCP_FIN)
			break;
	}
}

/* Resends the start of the next hole that NextSeg() rule 1 (lost_only)
 * or 3 picks; false if there is none or it could not go. */
static bool resend_hole(struct tcp_conn *c, bool lost_only)
{
	uint32_t seq, len, sent;

	if (!tcp_sack_next_hole(c, lost_only, &seq, &len))
		return false;
	sent = resend(c, seq, len < c->snd_mss ? len : c->snd_mss);
	if (!sent)
		return false;
	c->high_rxt = seq + sent;
	if (seq == c->snd_una) {
		c->una_rtx_armed = true;
		c->una_rtx_mark = c->snd_max;
	}
	return true;
}

/* The segment at snd_una once more, its resend having been lost (the
 * peer SACKed what went after it); up to the next SACKed range. */
static bool resend_una_again(struct tcp_conn *c)
{
	uint32_t len = c->snd_mss;

	c->una_resend = false;
	tcp_sack_skip(c, c->snd_una, &len);
	if (!resend(c, c->snd_una, len))
		return false;
	c->una_rtx_armed = true;
	c->una_rtx_mark = c->snd_max;
	return true;
}

/* Loss recovery with SACK (RFC 6675 5, step C): while the pipe leaves a
 * segment's room in cwnd, the lost holes go first, then new data, then
 * the other holes below the highest SACKed byte. */
static void output_sack_recovery(struct tcp_conn *c)
{
	while (tcp_sack_pipe(c) + c->snd_mss <= c->cwnd) {
		uint32_t before = c->snd_max;

		if (c->una_resend && resend_una_again(c))
			continue;
		if (resend_hole(c, true))
			continue;
		c->snd_nxt = c->snd_max;
		output_window(c, c->snd_max - c->snd_una + c->snd_mss);
		if (c->snd_max == before && !resend_hole(c, false))
			break;
	}
}

static void output_done(struct tcp_conn *c)
{
	if (c->snd_una != c->snd_max && !sched_timer_pending(&c->rtx))
		tcp_rtx_arm(c);
	/* nothing in flight, the window open, data waiting: the device
	 * refused the segment (a full queue). The timer tries again; nothing
	 * else would. */
	if (c->snd_una == c->snd_max && c->snd_wnd && !sched_timer_pending(&c->rtx) &&
	    (SEQ_LT(c->snd_nxt, c->sbase + (uint32_t)c->slen) || (c->fin_queued && !fin_sent(c))))
		tcp_rtx_arm(c);
	/* zero window with data waiting: the timer probes it */
	if (c->snd_una == c->snd_max && c->snd_wnd == 0 &&
	    (c->slen || (c->fin_queued && !fin_sent(c))) && !sched_timer_pending(&c->rtx))
		tcp_rtx_arm(c);
}

void tcp_output(struct tcp_conn *c)
{
	if (c->state < TCP_ESTABLISHED)
		return; /* data waits for the handshake */
	if (c->in_recovery && c->sack_ok)
		output_sack_recovery(c);
	else
		output_window(c, c->cwnd);
	output_done(c);
}

void tcp_output_limited(struct tcp_conn *c, uint32_t extra)
{
	if (c->state < TCP_ESTABLISHED || c->snd_nxt != c->snd_max)
		return;
	output_window(c, c->cwnd + extra);
	output_done(c);
}

void tcp_rtx_timeout(void *arg)
{
	struct tcp_conn *c = arg;

	tcp_counters.timeouts++;
	c->rtt_active = false; /* Karn */
	c->retries++;
	if (c->retries > (c->state == TCP_SYN_SENT || c->state == TCP_SYN_RECEIVED
			      ? TCP_SYN_RETRIES
			      : TCP_MAX_RETRIES)) {
		if (c->state != TCP_SYN_SENT)
			tcp_send_rst(c->laddr, c->raddr, c->lport, c->rport, c->snd_nxt, 0, false);
		tcp_conn_done(c, c->soft_error ? c->soft_error : -ETIMEDOUT);
		return;
	}
	c->rto_us *= 2;
	if (c->rto_us > TCP_MAX_RTO_US)
		c->rto_us = TCP_MAX_RTO_US;
	switch (c->state) {
	case TCP_SYN_SENT:
		tcp_counters.retransmits++;
		c->retransmits++;
		tcp_tx(c, c->iss, TCP_SYN, 0);
		tcp_rtx_arm(c);
		return;
	case TCP_SYN_RECEIVED:
		if (c->snd_una == c->iss) {
			tcp_counters.retransmits++;
			c->retransmits++;
			tcp_tx(c, c->iss, TCP_SYN | TCP_ACK, 0);
			tcp_rtx_arm(c);
			return;
		}
		break;
	case TCP_TIME_WAIT:
	case TCP_CLOSED:
		return;
	default:
		break;
	}
	if (c->snd_wnd == 0) {
		/* a zero-window probe: one byte (or the FIN) at the window's edge,
		 * sent again with backoff for as long as the peer answers */
		uint32_t end = c->sbase + (uint32_t)c->slen;

		if (SEQ_LT(c->snd_una, end)) {
			tcp_tx(c, c->snd_una, TCP_ACK, 1);
			if (SEQ_LEQ(c->snd_max, c->snd_una)) {
				tcp_counters.tx_bytes++;
				c->snd_max = c->snd_una + 1;
			}
			c->snd_nxt = c->snd_max;
		} else if (c->fin_queued) {
			tcp_tx(c, end, TCP_ACK | TCP_FIN, 0);
			c->snd_nxt = c->snd_max = end + 1;
		}
		tcp_rtx_arm(c);
		return;
	}
	/* the window starts again from one segment; no fast recovery until
	 * what was in flight is acknowledged (RFC 6582 4.2) */
	tcp_cc_on_timeout(c);
	c->dupacks = 0;
	c->in_recovery = false;
	c->una_rtx_armed = c->una_resend = false;
	c->rto_recovery = true;
	c->recover = c->snd_max;
	c->snd_nxt = c->snd_una;
	c->high_rxt = c->snd_una;
	/* The resend skips what the peer SACKed; a second timeout in a row
	 * forgets it, in case the peer dropped what it held (RFC 2018 8). */
	if (c->retries >= 2)
		tcp_sack_clear(c);
	tcp_output(c);
	if (!sched_timer_pending(&c->rtx))
		tcp_rtx_arm(c);
}
