/* Sending: segments (header, options, checksum), the windows, the
 * retransmission timer (RFC 6298), RSTs. */
#include <errno.h>
#include <string.h>

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
	uint8_t opts[8];
	size_t olen = 0, off, first;
	const uint8_t *data = NULL;
	uint32_t ack = 0;

	if (flags & TCP_SYN) {
		opts[0] = 2; /* MSS */
		opts[1] = 4;
		netdev_put_be16(opts + 2, (uint16_t)c->rcv_mss);
		olen = 4;
		/* window scale: always on our SYN; on a SYN-ACK only if the peer's had it */
		if (c->state == TCP_SYN_SENT || c->wscale_ok) {
			opts[4] = 1; /* NOP */
			opts[5] = 3;
			opts[6] = 3;
			opts[7] = c->rcv_wscale;
			olen = 8;
		}
	}
	if (c->state != TCP_SYN_SENT || (flags & TCP_ACK)) {
		flags |= TCP_ACK;
		ack = c->rcv_nxt;
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

void tcp_output(struct tcp_conn *c)
{
	if (c->state < TCP_ESTABLISHED && c->state != TCP_SYN_RECEIVED)
		return;
	if (c->state == TCP_SYN_RECEIVED)
		return; /* data waits for the handshake */
	for (;;) {
		uint32_t end = c->sbase + (uint32_t)c->slen;
		uint32_t wnd = c->snd_wnd < c->cwnd ? c->snd_wnd : c->cwnd;
		uint32_t limit = c->snd_una + wnd;
		uint32_t len = 0;
		uint8_t flags = TCP_ACK;

		if (SEQ_LT(c->snd_nxt, end)) {
			len = end - c->snd_nxt;
			if (len > c->snd_mss)
				len = c->snd_mss;
			if (SEQ_GEQ(c->snd_nxt, limit))
				break;
			if (len > limit - c->snd_nxt)
				len = limit - c->snd_nxt;
			/* no silly small segments while data is in flight (RFC 9293 3.8.6.2.1) */
			if (len < c->snd_mss && len < end - c->snd_nxt && c->snd_una != c->snd_nxt)
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
	if (c->snd_una != c->snd_max && !sched_timer_pending(&c->rtx))
		tcp_rtx_arm(c);
	/* zero window with data waiting: the timer probes it */
	if (c->snd_una == c->snd_max && c->snd_wnd == 0 &&
	    (c->slen || (c->fin_queued && !fin_sent(c))) && !sched_timer_pending(&c->rtx))
		tcp_rtx_arm(c);
}

void tcp_rtx_timeout(void *arg)
{
	struct tcp_conn *c = arg;
	uint32_t flight = c->snd_max - c->snd_una;

	tcp_counters.timeouts++;
	c->rtt_active = false; /* Karn */
	c->retries++;
	if (c->retries > (c->state == TCP_SYN_SENT || c->state == TCP_SYN_RECEIVED
			      ? TCP_SYN_RETRIES
			      : TCP_MAX_RETRIES)) {
		if (c->state != TCP_SYN_SENT)
			tcp_send_rst(c->laddr, c->raddr, c->lport, c->rport, c->snd_nxt, 0, false);
		tcp_conn_done(c, -ETIMEDOUT);
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
	/* RFC 5681 3.1: after a loss, start again from one segment */
	c->ssthresh = flight / 2 > 2 * c->snd_mss ? flight / 2 : 2 * c->snd_mss;
	c->cwnd = c->snd_mss;
	c->dupacks = 0;
	c->in_recovery = false;
	c->snd_nxt = c->snd_una;
	tcp_output(c);
	if (!sched_timer_pending(&c->rtx))
		tcp_rtx_arm(c);
}
