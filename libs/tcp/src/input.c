/* Receiving: checks, demultiplexing, and the state machine of RFC 9293
 * 3.10.7 with RFC 5961's defences; reassembly into the receive buffer. */
#include <errno.h>
#include <string.h>

#include "cc.h"
#include "tcp.h"

struct seg {
	uint32_t seq, ack;
	uint16_t sport, dport;
	uint8_t flags;
	uint32_t wnd; /* as sent (unscaled) */
	const uint8_t *data;
	uint32_t len; /* of the data */
	bool has_mss, has_wscale, sack_permitted;
	uint16_t mss;
	uint8_t wscale;
	struct tcp_range sack[4];
	unsigned nsack;
};

static void drop(enum tcp_drop why)
{
	tcp_counters.drops[why]++;
}

/* False once c ended (or was handed back) in a callback. */
static bool alive(const struct tcp_conn *c)
{
	return c->used && !c->release;
}

/* The sequence space the segment takes: its data, SYN and FIN. */
static uint32_t seg_space(const struct seg *s)
{
	return s->len + ((s->flags & TCP_SYN) ? 1 : 0) + ((s->flags & TCP_FIN) ? 1 : 0);
}

/* Options: false if one is malformed (RFC 9293 3.1: length past the
 * header, under 2, or wrong for MSS, window scale, SACK-permitted or SACK). */
static bool parse_options(const uint8_t *o, size_t n, struct seg *s)
{
	size_t i = 0;

	while (i < n) {
		uint8_t kind = o[i], len;

		if (kind == 0)
			break;
		if (kind == 1) {
			i++;
			continue;
		}
		if (i + 1 >= n)
			return false;
		len = o[i + 1];
		if (len < 2 || i + len > n)
			return false;
		if (kind == 2) {
			if (len != 4)
				return false;
			s->has_mss = true;
			s->mss = netdev_be16(o + i + 2);
		} else if (kind == 3) {
			if (len != 3)
				return false;
			s->has_wscale = true;
			s->wscale = o[i + 2];
		} else if (kind == 4) {
			if (len != 2)
				return false;
			s->sack_permitted = true;
		} else if (kind == 5) {
			unsigned k;

			if (len < 10 || len > 34 || (len - 2) % 8 != 0)
				return false;
			s->nsack = (unsigned)(len - 2) / 8;
			for (k = 0; k < s->nsack; k++) {
				s->sack[k].start = netdev_be32(o + i + 2 + 8 * k);
				s->sack[k].end = netdev_be32(o + i + 6 + 8 * k);
			}
		}
		i += len;
	}
	return true;
}

static struct tcp_conn *lookup(uint32_t laddr, uint16_t lport, uint32_t raddr, uint16_t rport)
{
	unsigned i;

	for (i = 0; i < CONFIG_TCP_MAX_CONNECTIONS; i++) {
		struct tcp_conn *c = &tcp_pool[i];

		if (c->used && !c->release && c->lport == lport && c->rport == rport &&
		    c->raddr == raddr && c->laddr == laddr)
			return c;
	}
	return NULL;
}

static struct tcp_listener *lookup_listener(uint32_t addr, uint16_t port)
{
	struct tcp_listener *l, *any = NULL;

	for (l = tcp_listeners; l; l = l->next) {
		if (l->port != port)
			continue;
		if (l->addr == addr)
			return l;
		if (!l->addr)
			any = l;
	}
	return any;
}

static void reply_rst(const struct ipv4_packet *pkt, const struct seg *s)
{
	if (s->flags & TCP_RST)
		return;
	if (s->flags & TCP_ACK)
		tcp_send_rst(pkt->dst, pkt->src, s->dport, s->sport, s->ack, 0, false);
	else
		tcp_send_rst(pkt->dst, pkt->src, s->dport, s->sport, 0, s->seq + seg_space(s),
			     true);
}

static void set_mss(struct tcp_conn *c, const struct seg *s)
{
	uint32_t mss = s->has_mss ? s->mss : TCP_DEFAULT_MSS;

	if (mss > c->rcv_mss)
		mss = c->rcv_mss;
	if (mss < 64)
		mss = 64;
	c->snd_mss = mss;
	tcp_cc_init(c);
}

static void set_wscale(struct tcp_conn *c, const struct seg *s)
{
	if (s->has_wscale) {
		c->wscale_ok = true;
		c->snd_wscale = s->wscale > TCP_MAX_WSCALE ? TCP_MAX_WSCALE : s->wscale;
	} else {
		c->wscale_ok = false;
		c->snd_wscale = 0;
		c->rcv_wscale = 0;
	}
}

/* The endpoints and the peer's options of a passive open into c, whose
 * ISS is a SYN cookie (so that evicting it loses nothing: its ACK still
 * makes the connection). */
static void passive_init(struct tcp_conn *c, const struct ipv4_packet *pkt, const struct seg *s)
{
	struct tcp_cookie_conn k = {pkt->dst, pkt->src, s->dport, s->sport, s->seq};

	c->passive = true;
	c->laddr = pkt->dst;
	c->raddr = pkt->src;
	c->lport = s->dport;
	c->rport = s->sport;
	c->rcv_mss =
	    (uint32_t)(netdev_mtu(pkt->dev) > IPV4_MAX_MTU ? IPV4_MAX_MTU : netdev_mtu(pkt->dev)) -
	    40;
	c->rcv_wscale = 0;
	while (c->rcv_wscale < TCP_MAX_WSCALE && (CONFIG_TCP_RCVBUF >> c->rcv_wscale) > 65535)
		c->rcv_wscale++;
	set_wscale(c, s);
	set_mss(c, s);
	c->sack_ok = s->sack_permitted;
	c->irs = s->seq;
	c->rcv_nxt = s->seq + 1;
	c->rcv_adv = c->rcv_nxt;
	c->iss = tcp_cookie_make(&k, s->has_mss ? s->mss : TCP_DEFAULT_MSS, c->wscale_ok);
	c->snd_una = c->iss;
	c->snd_nxt = c->iss;
	c->sbase = c->iss + 1;
	c->snd_wnd = s->wnd; /* never scaled in a SYN */
	c->snd_wl1 = s->seq;
	c->snd_wl2 = c->iss;
	c->state = TCP_SYN_RECEIVED;
	c->opened_ns = c->rtt_start = sched_now_ns();
}

/* The listener's queue is full: a SYN-ACK with a cookie, and no state. */
static void cookie_syn_ack(const struct ipv4_packet *pkt, const struct seg *s)
{
	static struct tcp_conn scratch;

	memset(&scratch, 0, sizeof(scratch));
	passive_init(&scratch, pkt, s);
	scratch.sack_ok = false; /* a cookie cannot keep it */
	tcp_counters.syncookies_sent++;
	tcp_tx(&scratch, scratch.iss, TCP_SYN | TCP_ACK, 0);
}

static void listen_syn(struct tcp_listener *l, const struct ipv4_packet *pkt, const struct seg *s)
{
	struct tcp_conn *c;

	if (l->half_open >= l->backlog) {
		drop(TCP_DROP_SYN_BACKLOG);
		/* the oldest entry makes room once its SYN-ACK went unanswered
		 * for an initial RTO (a spoofed source, likely); else a cookie */
		if (!tcp_evict_half_open(l, TCP_INIT_RTO_US * 1000ull)) {
			cookie_syn_ack(pkt, s);
			return;
		}
	}
	c = tcp_conn_alloc_evicting();
	if (!c) {
		drop(TCP_DROP_NO_MEMORY);
		reply_rst(pkt, s); /* an answer, not silence: the client learns at once */
		return;
	}
	passive_init(c, pkt, s);
	c->listener = l;
	l->half_open++;
	tcp_counters.passive_opens++;
	tcp_tx(c, c->iss, TCP_SYN | TCP_ACK, 0);
	c->snd_nxt = c->snd_max = c->iss + 1;
	tcp_rtx_arm(c);
}

static void conn_input(struct tcp_conn *c, const struct seg *s0);

/* An ACK to a listener: the end of a handshake whose SYN-ACK carried a
 * cookie (its entry evicted, or never made), or a RST. */
static void listen_ack(struct tcp_listener *l, const struct ipv4_packet *pkt, const struct seg *s)
{
	struct tcp_cookie_conn k = {pkt->dst, pkt->src, s->dport, s->sport, s->seq - 1};
	struct seg syn = *s;
	struct tcp_conn *c;
	bool wscale = false;
	uint32_t mss;

	mss = (s->flags & TCP_SYN) ? 0 : tcp_cookie_check(&k, s->ack - 1, &wscale);
	if (!mss) {
		tcp_counters.syncookies_rejected++;
		reply_rst(pkt, s);
		return;
	}
	c = tcp_conn_alloc_evicting();
	if (!c) {
		drop(TCP_DROP_NO_MEMORY);
		reply_rst(pkt, s);
		return;
	}
	/* the SYN it answers, as far as the cookie tells */
	syn.seq = s->seq - 1;
	syn.has_mss = true;
	syn.mss = (uint16_t)mss;
	syn.has_wscale = wscale;
	syn.wscale = 0;
	syn.sack_permitted = false;
	passive_init(c, pkt, &syn);
	c->cookie = true;
	c->snd_nxt = c->snd_max = c->iss + 1;
	c->listener = l;
	l->half_open++;
	tcp_counters.passive_opens++;
	tcp_counters.syncookies_accepted++;
	c->busy++;
	conn_input(c, s);
	c->busy--;
	if (c->release) {
		c->release = false;
		tcp_conn_free(c);
	}
}

static void listen_input(struct tcp_listener *l, const struct ipv4_packet *pkt, const struct seg *s)
{
	if (s->flags & TCP_RST)
		return;
	if (s->flags & TCP_ACK)
		listen_ack(l, pkt, s);
	else if (s->flags & TCP_SYN)
		listen_syn(l, pkt, s);
	else
		drop(TCP_DROP_BAD_FLAGS);
}

/* RTO = SRTT + 4 RTTVAR (RFC 6298 2.3), within the floor and ceiling. */
static void rto_from_estimate(struct tcp_conn *c)
{
	c->rto_us = c->srtt_us + (4 * c->rttvar_us > 1000 ? 4 * c->rttvar_us : 1000);
	if (c->rto_us < TCP_MIN_RTO_US)
		c->rto_us = TCP_MIN_RTO_US;
	if (c->rto_us > TCP_MAX_RTO_US)
		c->rto_us = TCP_MAX_RTO_US;
}

/* RFC 6298 2.2, 2.3 */
static void rtt_sample(struct tcp_conn *c, uint64_t r)
{
	if (!c->rtt_seeded) {
		c->srtt_us = r;
		c->rttvar_us = r / 2;
		c->rtt_seeded = true;
	} else {
		uint64_t d = c->srtt_us > r ? c->srtt_us - r : r - c->srtt_us;

		c->rttvar_us = (3 * c->rttvar_us + d) / 4;
		c->srtt_us = (7 * c->srtt_us + r) / 8;
	}
	rto_from_estimate(c);
}

/* A sample from the segment timed since rtt_start. */
static void rtt_measure(struct tcp_conn *c)
{
	rtt_sample(c, (sched_now_ns() - c->rtt_start) / 1000);
}

/* The handshake's round trip seeds the estimator (not after a retry: Karn). */
static void handshake_rtt(struct tcp_conn *c)
{
	if (c->retransmits == 0 && !c->cookie)
		rtt_measure(c);
	else
		c->rto_us = TCP_INIT_RTO_US;
}

static void syn_sent_input(struct tcp_conn *c, const struct seg *s)
{
	bool ack_ok = false;

	if (s->flags & TCP_ACK) {
		if (SEQ_LEQ(s->ack, c->iss) || SEQ_GT(s->ack, c->snd_max)) {
			if (!(s->flags & TCP_RST))
				tcp_send_rst(c->laddr, c->raddr, c->lport, c->rport, s->ack, 0,
					     false);
			drop(TCP_DROP_BAD_ACK);
			return;
		}
		ack_ok = true;
	}
	if (s->flags & TCP_RST) {
		if (ack_ok) {
			tcp_counters.resets_received++;
			tcp_conn_done(c, -ECONNREFUSED);
		} else {
			drop(TCP_DROP_RST_IGNORED);
		}
		return;
	}
	if (!(s->flags & TCP_SYN)) {
		drop(TCP_DROP_BAD_FLAGS);
		return;
	}
	c->irs = s->seq;
	c->rcv_nxt = s->seq + 1;
	c->rcv_adv = c->rcv_nxt;
	set_wscale(c, s);
	set_mss(c, s);
	c->sack_ok = s->sack_permitted;
	c->snd_wnd = s->wnd;
	c->max_snd_wnd = c->snd_wnd;
	c->snd_wl1 = s->seq;
	c->snd_wl2 = s->ack;
	if (ack_ok) {
		c->snd_una = s->ack;
		c->retries = 0;
		sched_timer_stop(&c->rtx);
		handshake_rtt(c);
		c->state = TCP_ESTABLISHED;
		tcp_idle_init(c);
		tcp_send_ack(c);
		tcp_event_call(c, TCP_EV_CONNECTED);
		if (alive(c))
			tcp_output(c);
	} else {
		/* simultaneous open */
		c->state = TCP_SYN_RECEIVED;
		tcp_tx(c, c->iss, TCP_SYN | TCP_ACK, 0);
		tcp_rtx_arm(c);
	}
}

static bool our_fin_acked(const struct tcp_conn *c)
{
	return c->fin_queued && c->snd_una == c->sbase + (uint32_t)c->slen + 1;
}

/* The bytes of the segment at snd_una: at most one MSS. */
static uint32_t una_segment_len(const struct tcp_conn *c)
{
	uint32_t left = c->sbase + (uint32_t)c->slen - c->snd_una;

	return left < c->snd_mss ? left : c->snd_mss;
}

/* Sends len bytes from snd_una again. */
static void retransmit_una(struct tcp_conn *c, uint32_t len)
{
	tcp_tx(c, c->snd_una, TCP_ACK, len);
	tcp_counters.retransmits++;
	c->retransmits++;
}

/* Enters fast recovery (RFC 5681 3.2, RFC 6675 5): the window shrinks,
 * and the segment at snd_una goes again at once. */
static void fast_retransmit(struct tcp_conn *c)
{
	uint32_t len = una_segment_len(c);

	tcp_cc_on_loss(c);
	c->in_recovery = true;
	c->recover = c->snd_max;
	c->rtt_active = false;
	tcp_counters.fast_recoveries++;
	if (c->sack_ok)
		len = tcp_sack_skip(c, c->snd_una, &len) == c->snd_una ? len : 0;
	c->high_rxt = c->snd_una + len;
	c->una_resend = false;
	c->una_rtx_armed = len != 0;
	c->una_rtx_mark = c->snd_max;
	if (len)
		retransmit_una(c, len);
}

/* An ACK past what we sent, or older than RFC 5961 5.2 allows: false, and
 * the segment is dropped with an ACK of ours. */
static bool ack_acceptable(struct tcp_conn *c, const struct seg *s)
{
	uint32_t oldest = c->snd_una - (c->max_snd_wnd > 65535 ? c->max_snd_wnd : 65535);

	if (SEQ_GT(s->ack, c->snd_max) || SEQ_LT(s->ack, oldest)) {
		tcp_challenge_ack(c);
		drop(TCP_DROP_BAD_ACK);
		return false;
	}
	return true;
}

/* Data bytes up to ack leave the send buffer; the FIN's number is not in it. */
static void sbuf_release(struct tcp_conn *c, uint32_t ack)
{
	uint32_t n;

	if (!SEQ_GT(ack, c->sbase))
		return;
	n = ack - c->sbase;
	if (n > c->slen)
		n = (uint32_t)c->slen;
	c->shead = (c->shead + n) % CONFIG_TCP_SNDBUF;
	c->slen -= n;
	c->sbase += n;
}

/* snd_una moves up to ack: the buffer, the RTT, the resend state of the
 * new oldest segment and the timer's backoff follow. */
static void una_advance(struct tcp_conn *c, uint32_t ack)
{
	sbuf_release(c, ack);
	if (c->rtt_active && SEQ_GT(ack, c->rtt_seq)) {
		c->rtt_active = false;
		rtt_measure(c);
	}
	c->snd_una = ack;
	c->progress_ns = sched_now_ns();
	if (SEQ_LT(c->snd_nxt, c->snd_una))
		c->snd_nxt = c->snd_una;
	if (SEQ_LT(c->high_rxt, c->snd_una))
		c->high_rxt = c->snd_una;
	/* a new oldest segment: if it was resent in this recovery, that
	 * resend is lost once data sent from now on is SACKed */
	c->una_resend = false;
	c->una_rtx_armed = c->in_recovery && SEQ_LT(c->snd_una, c->high_rxt);
	c->una_rtx_mark = c->snd_max;
	/* the path works again: forget the timer's backoff (as BSD and
	 * Linux do) rather than keep it until Karn allows a sample,
	 * which under steady loss may take many timeouts */
	if (c->retries && c->rtt_seeded)
		rto_from_estimate(c);
	c->retries = 0;
	c->soft_error = 0;
	if (c->rto_recovery && SEQ_GEQ(ack, c->recover))
		c->rto_recovery = false;
}

/* Recovery on a new ACK of acked bytes up to ack: RFC 6675's pipe with
 * SACK, else NewReno's partial and full ACKs (RFC 6582); outside it, the
 * window grows. */
static void recovery_ack(struct tcp_conn *c, uint32_t ack, uint32_t acked)
{
	if (!c->in_recovery) {
		tcp_cc_on_ack(c, acked);
		return;
	}
	if (SEQ_GEQ(ack, c->recover)) {
		c->in_recovery = false;
		c->una_rtx_armed = c->una_resend = false;
		tcp_cc_on_recovery_end(c);
		return;
	}
	/* a partial ACK: without SACK, the next hole goes at once */
	if (!c->sack_ok) {
		uint32_t len = una_segment_len(c);

		if (len)
			retransmit_una(c, len);
	}
	tcp_cc_on_partial_ack(c, acked);
}

/* An ACK of new data: false if the connection ended in the app's callback. */
static bool new_ack(struct tcp_conn *c, uint32_t ack)
{
	uint32_t acked = ack - c->snd_una;

	una_advance(c, ack);
	recovery_ack(c, ack, acked);
	c->dupacks = 0;
	if (c->snd_una == c->snd_max)
		sched_timer_stop(&c->rtx);
	else
		tcp_rtx_arm(c); /* RFC 6298 5.3 */
	/* the peer holds more than three segments past a hole */
	if (!c->in_recovery && !c->rto_recovery && tcp_sack_una_lost(c))
		fast_retransmit(c);
	tcp_event_call(c, TCP_EV_SENT);
	return alive(c);
}

/* A duplicate ACK (RFC 5681; with SACK, RFC 6675's: one that SACKs new
 * data)? */
static bool is_dupack(const struct tcp_conn *c, const struct seg *s, bool new_sack)
{
	if (s->ack != c->snd_una || c->snd_una == c->snd_max)
		return false;
	return new_sack || (s->len == 0 && !(s->flags & (TCP_SYN | TCP_FIN)) &&
			    (s->wnd << c->snd_wscale) == c->snd_wnd);
}

/* Fast retransmit after three duplicates; before, new data (RFC 3042's
 * limited transmit). */
static void dupack_input(struct tcp_conn *c)
{
	c->dupacks++;
	if (!c->in_recovery && !c->rto_recovery && (c->dupacks >= 3 || tcp_sack_una_lost(c)))
		fast_retransmit(c);
	else if (c->in_recovery)
		tcp_cc_on_dupack(c);
	else if (c->dupacks < 3)
		tcp_output_limited(c, c->dupacks * c->snd_mss);
}

/* The resend of the oldest segment in this recovery is lost too once the
 * peer SACKs data sent after it: it goes once more. */
static void una_resend_check(struct tcp_conn *c)
{
	if (c->in_recovery && c->una_rtx_armed && c->nsacked &&
	    SEQ_GT(c->sacked[c->nsacked - 1].end, c->una_rtx_mark)) {
		c->una_rtx_armed = false;
		c->una_resend = true;
		tcp_counters.lost_retransmits++;
	}
}

/* The send window (RFC 9293 3.10.7.4), from the newest segment. */
static void window_update(struct tcp_conn *c, const struct seg *s)
{
	if (!SEQ_LT(c->snd_wl1, s->seq) && !(c->snd_wl1 == s->seq && SEQ_LEQ(c->snd_wl2, s->ack)))
		return;
	c->snd_wnd = s->wnd << c->snd_wscale;
	if (c->snd_wnd > c->max_snd_wnd)
		c->max_snd_wnd = c->snd_wnd;
	c->snd_wl1 = s->seq;
	c->snd_wl2 = s->ack;
	if (c->snd_wnd == 0)
		c->retries = 0; /* the peer answers our zero-window probes */
	if (c->snd_wnd && c->snd_una == c->snd_max && sched_timer_pending(&c->rtx) &&
	    c->snd_una == c->snd_nxt)
		sched_timer_stop(&c->rtx); /* the window opened: probing ends */
}

/* Processes an acceptable ACK (RFC 9293 3.10.7.4, fifth check). Returns
 * false if the segment is to be dropped. */
static bool ack_input(struct tcp_conn *c, const struct seg *s)
{
	bool new_sack = false;

	if (!ack_acceptable(c, s))
		return false;
	if (c->sack_ok)
		new_sack = tcp_sack_take(c, SEQ_GT(s->ack, c->snd_una) ? s->ack : c->snd_una,
					 s->sack, s->nsack);
	if (SEQ_GT(s->ack, c->snd_una)) {
		if (!new_ack(c, s->ack))
			return false;
	} else if (is_dupack(c, s, new_sack)) {
		dupack_input(c);
	}
	una_resend_check(c);
	window_update(c, s);
	return true;
}

/* Pops the out-of-order ranges that rcv_nxt has reached. */
static void ooo_advance(struct tcp_conn *c)
{
	while (c->nooo && SEQ_LEQ(c->ooo[0].start, c->rcv_nxt)) {
		if (SEQ_GT(c->ooo[0].end, c->rcv_nxt)) {
			c->rlen += c->ooo[0].end - c->rcv_nxt;
			c->rcv_nxt = c->ooo[0].end;
		}
		tcp_ranges_remove(c->ooo, &c->nooo, 0);
	}
}

/* Records [start, end) ahead of rcv_nxt; false when there is no room. */
static bool ooo_add(struct tcp_conn *c, uint32_t start, uint32_t end)
{
	return tcp_ranges_add(c->ooo, &c->nooo, TCP_OOO_MAX, start, end);
}

/* Puts the (trimmed, in-window) data into the receive buffer. */
static void data_input(struct tcp_conn *c, uint32_t seq, const uint8_t *data, uint32_t len)
{
	size_t off, at, first;
	uint32_t room = tcp_rcv_window(c);

	if (!len)
		return;
	off = seq - c->rcv_nxt;
	if (off >= room) {
		drop(TCP_DROP_OUT_OF_WINDOW_DATA);
		c->ack_pending = c->ack_now = true;
		return;
	}
	if (len > room - off)
		len = (uint32_t)(room - off);
	if (off > 0 && !ooo_add(c, seq, seq + len)) {
		drop(TCP_DROP_OOO_FULL);
		return;
	}
	at = (c->rhead + c->rlen + off) % CONFIG_TCP_RCVBUF;
	first = CONFIG_TCP_RCVBUF - at;
	if (first > len)
		first = len;
	memcpy(c->rbuf + at, data, first);
	memcpy(c->rbuf, data + first, len - first);
	if (off == 0) {
		/* filling a hole: the ACK goes at once (RFC 5681 4.2) */
		if (c->nooo)
			c->ack_now = true;
		c->rcv_nxt += len;
		c->rlen += len;
		c->unacked++;
		c->progress_ns = sched_now_ns();
		tcp_counters.rx_bytes += len;
		ooo_advance(c);
	} else {
		tcp_counters.rx_out_of_order++;
		c->ooo_recent = seq;
		c->ack_now = true; /* a duplicate ACK at once */
	}
	c->ack_pending = true;
}

static void fin_input(struct tcp_conn *c)
{
	c->fin_rcvd_pending = false;
	c->rcv_nxt++;
	c->ack_pending = true;
	switch (c->state) {
	case TCP_SYN_RECEIVED:
	case TCP_ESTABLISHED:
		c->state = TCP_CLOSE_WAIT;
		break;
	case TCP_FIN_WAIT_1:
		if (our_fin_acked(c)) {
			tcp_send_ack(c);
			tcp_enter_time_wait(c);
			return;
		}
		c->state = TCP_CLOSING;
		break;
	case TCP_FIN_WAIT_2:
		tcp_send_ack(c);
		tcp_enter_time_wait(c);
		return;
	default:
		return;
	}
	tcp_send_ack(c);
	tcp_event_call(c, TCP_EV_PEER_CLOSED);
}

/* The peer's SYN again in SYN-RECEIVED: a lost SYN-ACK (ours goes again,
 * and false: the segment ends here), or a simultaneous open's SYN-ACK,
 * whose SYN we have. */
static bool syn_again(struct tcp_conn *c, struct seg *s)
{
	if (c->state != TCP_SYN_RECEIVED || !(s->flags & TCP_SYN) || s->seq != c->irs)
		return true;
	if (!(s->flags & TCP_ACK)) {
		tcp_tx(c, c->iss, TCP_SYN | TCP_ACK, 0);
		return false;
	}
	s->flags &= (uint8_t)~TCP_SYN;
	s->seq++;
	return true;
}

static bool in_rcv_window(const struct tcp_conn *c, uint32_t seq, uint32_t wnd)
{
	return SEQ_LEQ(c->rcv_nxt, seq) && SEQ_LT(seq, c->rcv_nxt + wnd);
}

/* RFC 9293 3.10.7.4's four cases of an acceptable segment. */
static bool seq_acceptable(const struct tcp_conn *c, const struct seg *s, uint32_t wnd)
{
	uint32_t space = seg_space(s);

	if (space == 0)
		return wnd == 0 ? s->seq == c->rcv_nxt : in_rcv_window(c, s->seq, wnd);
	return wnd != 0 &&
	       (in_rcv_window(c, s->seq, wnd) || in_rcv_window(c, s->seq + space - 1, wnd));
}

/* First, the sequence number: false if the segment is dropped. */
static bool seq_check(struct tcp_conn *c, struct seg *s, uint32_t wnd)
{
	if (seq_acceptable(c, s, wnd))
		return true;
	/* a zero window still takes ACKs and RSTs at rcv_nxt (RFC 9293 3.10.7.4) */
	if (wnd == 0 && s->seq == c->rcv_nxt) {
		if (s->len) {
			drop(TCP_DROP_OUT_OF_WINDOW_DATA);
			c->ack_pending = c->ack_now = true;
		}
		s->len = 0;
		s->flags &= (uint8_t) ~(TCP_FIN | TCP_SYN);
		return true;
	}
	if (s->flags & TCP_RST) {
		drop(TCP_DROP_RST_IGNORED);
		return false;
	}
	if (c->state == TCP_TIME_WAIT && (s->flags & TCP_FIN))
		tcp_enter_time_wait(c);
	if (s->len || (s->flags & (TCP_SYN | TCP_FIN)))
		tcp_counters.rx_duplicate++;
	tcp_challenge_ack(c);
	drop(TCP_DROP_BAD_SEQUENCE);
	return false;
}

/* Second, RST (RFC 5961 3.2): only at rcv_nxt, else a challenge ACK. */
static void rst_input(struct tcp_conn *c, const struct seg *s)
{
	if (s->seq != c->rcv_nxt) {
		tcp_challenge_ack(c);
		drop(TCP_DROP_RST_CHALLENGED);
		return;
	}
	tcp_counters.resets_received++;
	if (c->state == TCP_SYN_RECEIVED && c->passive) {
		c->closed_app = true; /* the app never saw it */
		tcp_conn_free(c);
		return;
	}
	if (c->state == TCP_TIME_WAIT) {
		tcp_conn_free(c);
		return;
	}
	tcp_conn_done(c, c->state == TCP_SYN_RECEIVED ? -ECONNREFUSED : -ECONNRESET);
}

/* Trims what came before rcv_nxt, and what lies past the window. */
static void trim(struct tcp_conn *c, struct seg *s, uint32_t wnd)
{
	if (SEQ_LT(s->seq, c->rcv_nxt)) {
		uint32_t d = c->rcv_nxt - s->seq;

		if (s->flags & TCP_SYN) {
			s->flags &= (uint8_t)~TCP_SYN;
			s->seq++;
			d--;
		}
		if (d > s->len) {
			/* only an old FIN is left (it lies before rcv_nxt) */
			s->flags &= (uint8_t)~TCP_FIN;
			d = s->len;
		}
		s->data += d;
		s->len -= d;
		s->seq += d;
		tcp_counters.rx_duplicate++;
		c->ack_pending = c->ack_now = true;
	}
	if (SEQ_GT(s->seq + s->len, c->rcv_nxt + wnd)) {
		s->len = c->rcv_nxt + wnd - s->seq;
		s->flags &= (uint8_t)~TCP_FIN;
	}
}

/* Fourth, a SYN in a synchronised state (a challenge ACK, RFC 5961 4), and
 * a segment without ACK: false if the segment is dropped. */
static bool flags_check(struct tcp_conn *c, const struct seg *s)
{
	if (s->flags & TCP_SYN) {
		tcp_challenge_ack(c);
		drop(TCP_DROP_BAD_FLAGS);
		return false;
	}
	if (!(s->flags & TCP_ACK)) {
		drop(TCP_DROP_BAD_FLAGS);
		if (c->ack_pending)
			tcp_ack_owed(c);
		return false;
	}
	return true;
}

/* Hands a passive connection, now established, to its listener's app. */
static void accept_conn(struct tcp_conn *c)
{
	struct tcp_listener *l = c->listener;

	l->half_open--;
	c->listener = NULL;
	c->busy++;
	l->fn(l, c, l->arg);
	c->busy--;
}

/* Fifth, in SYN-RECEIVED: the ACK of our SYN ends the handshake. False if
 * the segment ends here. */
static bool syn_received_ack(struct tcp_conn *c, const struct seg *s)
{
	if (SEQ_LEQ(s->ack, c->snd_una) || SEQ_GT(s->ack, c->snd_max)) {
		tcp_send_rst(c->laddr, c->raddr, c->lport, c->rport, s->ack, 0, false);
		drop(TCP_DROP_BAD_ACK);
		return false;
	}
	c->state = TCP_ESTABLISHED;
	c->snd_wnd = s->wnd << c->snd_wscale;
	c->max_snd_wnd = c->snd_wnd;
	c->snd_wl1 = s->seq;
	c->snd_wl2 = s->ack;
	c->retries = 0;
	handshake_rtt(c);
	tcp_idle_init(c);
	if (c->listener)
		accept_conn(c);
	else
		tcp_event_call(c, TCP_EV_CONNECTED);
	return alive(c);
}

/* The ACK in each synchronised state, then what the ACK of our FIN does:
 * false if the segment ends here. */
static bool ack_by_state(struct tcp_conn *c, const struct seg *s)
{
	switch (c->state) {
	case TCP_ESTABLISHED:
	case TCP_FIN_WAIT_1:
	case TCP_FIN_WAIT_2:
	case TCP_CLOSE_WAIT:
	case TCP_CLOSING:
	case TCP_LAST_ACK:
		if (!ack_input(c, s))
			return false;
		break;
	case TCP_TIME_WAIT:
		if (s->flags & TCP_FIN) {
			tcp_send_ack(c);
			tcp_enter_time_wait(c);
		}
		return false;
	default:
		return false;
	}
	if (!our_fin_acked(c))
		return true;
	switch (c->state) {
	case TCP_FIN_WAIT_1:
		c->state = TCP_FIN_WAIT_2;
		tcp_idle_arm(c); /* the wait for the peer's FIN is bounded */
		return true;
	case TCP_CLOSING:
		tcp_enter_time_wait(c);
		return false;
	case TCP_LAST_ACK:
		tcp_conn_done(c, 0);
		return false;
	default:
		return true;
	}
}

/* Seventh, the data; eighth, the FIN: false if the connection ended. */
static bool text_input(struct tcp_conn *c, const struct seg *s)
{
	if (c->state != TCP_ESTABLISHED && c->state != TCP_FIN_WAIT_1 &&
	    c->state != TCP_FIN_WAIT_2) {
		/* data or a FIN after the peer's FIN: acknowledge what we have */
		if (s->len || (s->flags & TCP_FIN))
			c->ack_pending = c->ack_now = true;
		return true;
	}
	data_input(c, s->seq, s->data, s->len);
	if (s->flags & TCP_FIN) {
		c->fin_rcvd_pending = true;
		c->fin_rcvd_seq = s->seq + s->len;
		c->ack_pending = c->ack_now = true;
	}
	tcp_deliver(c);
	if (!alive(c))
		return false;
	if (c->fin_rcvd_pending && c->fin_rcvd_seq == c->rcv_nxt)
		fin_input(c);
	return alive(c);
}

/* A segment for a synchronised (or SYN-RECEIVED) connection, checked in
 * RFC 9293 3.10.7.4's order. */
static void conn_input(struct tcp_conn *c, const struct seg *s0)
{
	struct seg s = *s0;
	uint32_t wnd = tcp_rcv_window(c);

	if (!syn_again(c, &s) || !seq_check(c, &s, wnd))
		return;
	tcp_idle_rx(c);
	if (s.flags & TCP_RST) {
		rst_input(c, &s);
		return;
	}
	trim(c, &s, wnd);
	if (!flags_check(c, &s))
		return;
	if (c->state == TCP_SYN_RECEIVED && !syn_received_ack(c, &s))
		return;
	if (!ack_by_state(c, &s) || !text_input(c, &s))
		return;
	/* what the app left in the buffer, also after the peer's FIN */
	tcp_deliver(c);
	if (!alive(c))
		return;
	if (c->state != TCP_TIME_WAIT)
		tcp_output(c);
	if (alive(c) && c->state != TCP_CLOSED)
		tcp_ack_owed(c);
}

/* Checks the header and reads it into s: false if the segment is dropped. */
static bool seg_parse(const struct ipv4_packet *pkt, struct seg *s)
{
	const uint8_t *p = pkt->payload;
	size_t off;

	if (pkt->len < TCP_HEADER_LEN) {
		drop(TCP_DROP_TOO_SHORT);
		return false;
	}
	off = (size_t)(p[12] >> 4) * 4;
	if (off < TCP_HEADER_LEN || off > pkt->len) {
		drop(TCP_DROP_BAD_OFFSET);
		return false;
	}
	if (ipv4_sum_finish(
		ipv4_sum(ipv4_pseudo_sum(pkt->src, pkt->dst, IPV4_PROTO_TCP, (uint16_t)pkt->len), p,
			 pkt->len)) != 0) {
		drop(TCP_DROP_BAD_CHECKSUM);
		return false;
	}
	memset(s, 0, sizeof(*s));
	s->sport = netdev_be16(p);
	s->dport = netdev_be16(p + 2);
	s->seq = netdev_be32(p + 4);
	s->ack = netdev_be32(p + 8);
	s->flags = p[13] & 0x3f;
	s->wnd = netdev_be16(p + 14);
	s->data = p + off;
	s->len = (uint32_t)(pkt->len - off);
	if (pkt->broadcast || !s->sport || !s->dport) {
		drop(TCP_DROP_BAD_ADDRESS);
		return false;
	}
	if (!parse_options(p + TCP_HEADER_LEN, off - TCP_HEADER_LEN, s)) {
		drop(TCP_DROP_BAD_OPTION);
		return false;
	}
	return true;
}

static void tcp_input(const struct ipv4_packet *pkt)
{
	struct tcp_listener *l;
	struct tcp_conn *c;
	struct seg s;

	if (!seg_parse(pkt, &s))
		return;
	tcp_counters.rx_segments++;
	c = lookup(pkt->dst, s.dport, pkt->src, s.sport);
	if (c) {
		c->busy++;
		if (c->state == TCP_SYN_SENT)
			syn_sent_input(c, &s);
		else
			conn_input(c, &s);
		c->busy--;
		if (c->release) {
			c->release = false;
			tcp_conn_free(c);
		}
		return;
	}
	l = lookup_listener(pkt->dst, s.dport);
	if (l) {
		listen_input(l, pkt, &s);
		return;
	}
	drop(TCP_DROP_NO_CONNECTION);
	reply_rst(pkt, &s);
}

/* RFC 1122 4.2.3.9 and RFC 5927: an ICMP error about one of our segments. */
static void tcp_icmp_error(const struct ipv4_icmp_error *e)
{
	struct tcp_conn *c;
	uint32_t seq;
	int err = -EHOSTUNREACH;

	c = lookup(e->src, netdev_be16(e->transport), e->dst, netdev_be16(e->transport + 2));
	seq = netdev_be32(e->transport + 4);
	/* only for what is in flight: a forged error must guess it */
	if (!c || c->state == TCP_TIME_WAIT || SEQ_LT(seq, c->snd_una) ||
	    SEQ_GEQ(seq, c->snd_max)) {
		tcp_counters.icmp_ignored++;
		return;
	}
	if (e->type == TCP_ICMP_DEST_UNREACH) {
		if (e->code == 4) { /* fragmentation needed: no path MTU discovery yet */
			tcp_counters.icmp_ignored++;
			return;
		}
		if (e->code == 2 || e->code == 3)
			err = -ECONNREFUSED; /* protocol, port unreachable: hard */
		else if (e->code == 0 || e->code == 6)
			err = -ENETUNREACH;
	}
	tcp_counters.icmp_errors++;
	if (c->state == TCP_SYN_SENT && e->type == TCP_ICMP_DEST_UNREACH) {
		tcp_conn_done(c, err);
		return;
	}
	c->soft_error = err;
}

int tcp_init(void)
{
	int r;

	tcp_secret_init();
	r = ipv4_register(IPV4_PROTO_TCP, tcp_input);
	if (r == 0)
		r = ipv4_register_icmp_error(IPV4_PROTO_TCP, tcp_icmp_error);
	return r;
}
