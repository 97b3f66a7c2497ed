/* Connections: the pool, the app's calls, ISNs, ports, delivery, ending. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <rng/rng.h>

#include "tcp.h"

struct tcp_conn tcp_pool[CONFIG_TCP_MAX_CONNECTIONS];
struct tcp_listener *tcp_listeners;

const char *const tcp_state_names[TCP_STATE_COUNT] = {
    "CLOSED",	  "LISTEN",	"SYN-SENT", "SYN-RECEIVED", "ESTABLISHED", "FIN-WAIT-1",
    "FIN-WAIT-2", "CLOSE-WAIT", "CLOSING",  "LAST-ACK",	    "TIME-WAIT",
};

struct tcp_conn *tcp_conn_alloc(void)
{
	struct tcp_conn *c;
	unsigned i;

	for (i = 0; i < CONFIG_TCP_MAX_CONNECTIONS; i++) {
		c = &tcp_pool[i];
		if (c->used)
			continue;
		memset(c, 0, sizeof(*c));
		c->sbuf = malloc(CONFIG_TCP_SNDBUF);
		c->rbuf = malloc(CONFIG_TCP_RCVBUF);
		if (!c->sbuf || !c->rbuf) {
			free(c->sbuf);
			free(c->rbuf);
			c->sbuf = c->rbuf = NULL;
			return NULL;
		}
		c->used = true;
		c->rto_us = TCP_INIT_RTO_US;
		c->snd_mss = TCP_DEFAULT_MSS;
		c->ssthresh = UINT32_MAX;
		return c;
	}
	return NULL;
}

void tcp_conn_free(struct tcp_conn *c)
{
	if (!c->used)
		return;
	if (c->busy) {
		c->release = true;
		return;
	}
	sched_timer_stop(&c->rtx);
	sched_timer_stop(&c->tw);
	sched_timer_stop(&c->delack);
	sched_timer_stop(&c->idle);
	if (c->listener) {
		c->listener->half_open--;
		c->listener = NULL;
	}
	free(c->sbuf);
	free(c->rbuf);
	memset(c, 0, sizeof(*c));
	tcp_counters.conns_closed++;
}

void tcp_event_call(struct tcp_conn *c, enum tcp_event ev)
{
	if (c->closed_app || !c->event)
		return;
	if (ev == TCP_EV_CLOSED)
		c->closed_app = true;
	c->busy++;
	c->event(c, ev, c->arg);
	c->busy--;
}

void tcp_conn_done(struct tcp_conn *c, int err)
{
	if (!c->used)
		return;
	sched_timer_stop(&c->rtx);
	c->state = TCP_CLOSED;
	c->error = err;
	tcp_event_call(c, TCP_EV_CLOSED);
	c->closed_app = true;
	tcp_conn_free(c);
}

static void time_wait_end(void *arg)
{
	tcp_conn_free(arg);
}

void tcp_enter_time_wait(struct tcp_conn *c)
{
	c->state = TCP_TIME_WAIT;
	sched_timer_stop(&c->rtx);
	sched_timer_start(&c->tw, sched_now_ns() + 2ull * CONFIG_TCP_MSL_MS * SCHED_NS_PER_MS,
			  time_wait_end, c);
	tcp_event_call(c, TCP_EV_CLOSED);
	c->closed_app = true;
}

/* RFC 6528: a clock (4 us ticks) plus a keyed hash of the connection. */
uint32_t tcp_iss(uint32_t laddr, uint16_t lport, uint32_t raddr, uint16_t rport)
{
	uint32_t v[3] = {laddr, raddr, (uint32_t)lport << 16 | rport};

	return (uint32_t)tcp_secret_hash(v, sizeof(v)) + (uint32_t)(sched_now_ns() / 4000);
}

uint32_t tcp_rcv_window(const struct tcp_conn *c)
{
	return (uint32_t)(CONFIG_TCP_RCVBUF - c->rlen);
}

void tcp_rtx_arm(struct tcp_conn *c)
{
	sched_timer_start(&c->rtx, sched_now_ns() + c->rto_us * 1000, tcp_rtx_timeout, c);
}

void tcp_deliver(struct tcp_conn *c)
{
	if (c->delivering)
		return;
	c->delivering = true;
	while (c->used && !c->release && c->rlen && c->recv && !c->closed_app) {
		size_t chunk = CONFIG_TCP_RCVBUF - c->rhead, n;

		if (chunk > c->rlen)
			chunk = c->rlen;
		c->busy++;
		n = c->recv(c, c->rbuf + c->rhead, chunk, c->arg);
		c->busy--;
		if (n > chunk)
			n = chunk;
		c->rhead = (c->rhead + n) % CONFIG_TCP_RCVBUF;
		c->rlen -= n;
		if (n < chunk)
			break;
	}
	c->delivering = false;
}

static bool port_taken(uint16_t port)
{
	struct tcp_listener *l;
	unsigned i;

	for (l = tcp_listeners; l; l = l->next)
		if (l->port == port)
			return true;
	for (i = 0; i < CONFIG_TCP_MAX_CONNECTIONS; i++)
		if (tcp_pool[i].used && tcp_pool[i].lport == port)
			return true;
	return false;
}

int tcp_listen(struct tcp_listener *l, uint32_t addr, uint16_t port, unsigned backlog,
	       tcp_accept_fn fn, void *arg)
{
	struct tcp_listener *o;

	if (l->listening || !port || !fn)
		return -EINVAL;
	for (o = tcp_listeners; o; o = o->next)
		if (o->port == port && (o->addr == addr || !o->addr || !addr))
			return -EADDRINUSE;
	l->addr = addr;
	l->port = port;
	l->backlog = backlog ? backlog : CONFIG_TCP_SYN_BACKLOG;
	l->half_open = 0;
	l->fn = fn;
	l->arg = arg;
	l->next = tcp_listeners;
	l->listening = true;
	tcp_listeners = l;
	return 0;
}

void tcp_unlisten(struct tcp_listener *l)
{
	struct tcp_listener **at = &tcp_listeners;
	unsigned i;

	if (!l->listening)
		return;
	while (*at && *at != l)
		at = &(*at)->next;
	if (*at)
		*at = l->next;
	for (i = 0; i < CONFIG_TCP_MAX_CONNECTIONS; i++) {
		struct tcp_conn *c = &tcp_pool[i];

		if (c->used && c->listener == l) {
			tcp_send_rst(c->laddr, c->raddr, c->lport, c->rport, c->snd_nxt, 0, false);
			tcp_conn_free(c);
		}
	}
	l->next = NULL;
	l->listening = false;
}

int tcp_connect(struct tcp_conn **out, uint32_t dst, uint16_t port, tcp_recv_fn recv,
		tcp_event_fn event, void *arg)
{
	struct ipv4_route rt;
	struct tcp_conn *c;
	unsigned tries;
	uint16_t lport = 0, next;
	int r;

	if (!port || !dst || dst == IPV4_BROADCAST)
		return -EINVAL;
	r = ipv4_route(dst, &rt);
	if (r < 0)
		return r;
	if (!rt.src)
		return -ENETUNREACH;
	/* RFC 6056's algorithm 1: a random port, then the next free one */
	next = (uint16_t)(TCP_EPHEMERAL_FIRST +
			  rng_uniform(TCP_EPHEMERAL_LAST - TCP_EPHEMERAL_FIRST + 1));
	for (tries = 0; tries <= TCP_EPHEMERAL_LAST - TCP_EPHEMERAL_FIRST; tries++) {
		uint16_t p = next;

		next = p == TCP_EPHEMERAL_LAST ? TCP_EPHEMERAL_FIRST : (uint16_t)(p + 1);
		if (!port_taken(p)) {
			lport = p;
			break;
		}
	}
	if (!lport)
		return -EAGAIN;
	c = tcp_conn_alloc();
	if (!c) {
		tcp_counters.drops[TCP_DROP_NO_MEMORY]++;
		return -ENOMEM;
	}
	c->laddr = rt.src;
	c->raddr = dst;
	c->lport = lport;
	c->rport = port;
	c->recv = recv;
	c->event = event;
	c->arg = arg;
	c->rcv_mss =
	    (uint32_t)(netdev_mtu(rt.dev) > IPV4_MAX_MTU ? IPV4_MAX_MTU : netdev_mtu(rt.dev)) - 40;
	c->iss = tcp_iss(c->laddr, c->lport, c->raddr, c->rport);
	c->snd_una = c->iss;
	c->snd_nxt = c->iss;
	c->snd_max = c->iss;
	c->sbase = c->iss + 1;
	c->rcv_wscale = 0;
	while (c->rcv_wscale < TCP_MAX_WSCALE && (CONFIG_TCP_RCVBUF >> c->rcv_wscale) > 65535)
		c->rcv_wscale++;
	c->state = TCP_SYN_SENT;
	c->rtt_start = sched_now_ns();
	tcp_counters.active_opens++;
	tcp_tx(c, c->iss, TCP_SYN, 0);
	c->snd_nxt = c->snd_max = c->iss + 1;
	tcp_rtx_arm(c);
	*out = c;
	return 0;
}

void tcp_set_callbacks(struct tcp_conn *c, tcp_recv_fn recv, tcp_event_fn event, void *arg)
{
	c->recv = recv;
	c->event = event;
	c->arg = arg;
}

long tcp_send(struct tcp_conn *c, const void *data, size_t len)
{
	size_t room, n, at, first;

	if (!c->used || c->closed_app)
		return -ENOTCONN;
	if (c->fin_queued)
		return -EPIPE;
	if (c->state != TCP_ESTABLISHED && c->state != TCP_CLOSE_WAIT && c->state != TCP_SYN_SENT &&
	    c->state != TCP_SYN_RECEIVED)
		return -ENOTCONN;
	room = CONFIG_TCP_SNDBUF - c->slen;
	n = len < room ? len : room;
	at = (c->shead + c->slen) % CONFIG_TCP_SNDBUF;
	first = CONFIG_TCP_SNDBUF - at;
	if (first > n)
		first = n;
	memcpy(c->sbuf + at, data, first);
	memcpy(c->sbuf, (const uint8_t *)data + first, n - first);
	c->slen += n;
	if (n && c->state >= TCP_ESTABLISHED)
		tcp_output(c);
	return (long)n;
}

size_t tcp_send_space(const struct tcp_conn *c)
{
	return c->used ? CONFIG_TCP_SNDBUF - c->slen : 0;
}

void tcp_resume(struct tcp_conn *c)
{
	uint32_t before;

	if (!c->used || c->closed_app || c->delivering)
		return;
	before = c->rcv_adv;
	tcp_deliver(c);
	if (c->release) {
		if (!c->busy) {
			c->release = false;
			tcp_conn_free(c);
		}
		return;
	}
	if (!c->used)
		return;
	/* a window update when it opened by two segments or half the buffer */
	if (c->state >= TCP_ESTABLISHED &&
	    SEQ_GEQ(c->rcv_nxt + tcp_rcv_window(c) - before, c->rcv_mss * 2 < CONFIG_TCP_RCVBUF / 2
								 ? c->rcv_mss * 2
								 : CONFIG_TCP_RCVBUF / 2))
		tcp_send_ack(c);
}

void tcp_close(struct tcp_conn *c)
{
	if (!c->used || c->closed_app || c->fin_queued)
		return;
	switch (c->state) {
	case TCP_SYN_SENT:
		tcp_conn_done(c, 0);
		return;
	case TCP_SYN_RECEIVED:
	case TCP_ESTABLISHED:
		c->fin_queued = true;
		c->state = TCP_FIN_WAIT_1;
		break;
	case TCP_CLOSE_WAIT:
		c->fin_queued = true;
		c->state = TCP_LAST_ACK;
		break;
	default:
		return;
	}
	tcp_output(c);
}

void tcp_abort(struct tcp_conn *c)
{
	if (!c->used)
		return;
	if (c->state != TCP_SYN_SENT && c->state != TCP_TIME_WAIT && c->state != TCP_CLOSED) {
		tcp_send_rst(c->laddr, c->raddr, c->lport, c->rport, c->snd_nxt, 0, false);
	}
	c->closed_app = true;
	c->state = TCP_CLOSED;
	c->error = -ECONNABORTED;
	sched_timer_stop(&c->rtx);
	tcp_conn_free(c);
}

enum tcp_state tcp_state(const struct tcp_conn *c)
{
	return c->used ? c->state : TCP_CLOSED;
}

int tcp_error(const struct tcp_conn *c)
{
	return c->error;
}

void tcp_endpoints(const struct tcp_conn *c, uint32_t *laddr, uint16_t *lport, uint32_t *raddr,
		   uint16_t *rport)
{
	if (laddr)
		*laddr = c->laddr;
	if (lport)
		*lport = c->lport;
	if (raddr)
		*raddr = c->raddr;
	if (rport)
		*rport = c->rport;
}

void tcp_info(const struct tcp_conn *c, struct tcp_conn_info *out)
{
	memset(out, 0, sizeof(*out));
	out->state = tcp_state(c);
	out->snd_mss = c->snd_mss;
	out->rcv_mss = c->rcv_mss;
	out->snd_wscale = c->wscale_ok ? c->snd_wscale : 0xff;
	out->rcv_wscale = c->wscale_ok ? c->rcv_wscale : 0xff;
	out->sack = c->sack_ok;
	out->cwnd = c->cwnd;
	out->ssthresh = c->ssthresh;
	out->snd_wnd = c->snd_wnd;
	out->rcv_wnd = tcp_rcv_window(c);
	out->srtt_us = c->srtt_us;
	out->rttvar_us = c->rttvar_us;
	out->rto_ms = c->rto_us / 1000;
	out->retransmits = c->retransmits;
	out->send_queued = c->slen;
	out->recv_queued = c->rlen;
	out->flight = c->snd_max - c->snd_una;
	for (unsigned i = 0; i < c->nsacked; i++)
		out->sacked += c->sacked[i].end - c->sacked[i].start;
	out->recovery = c->in_recovery ? 1 : c->rto_recovery ? 2 : 0;
}

unsigned tcp_conn_count(void)
{
	unsigned i, n = 0;

	for (i = 0; i < CONFIG_TCP_MAX_CONNECTIONS; i++)
		n += tcp_pool[i].used;
	return n;
}

struct tcp_stats tcp_counters;

const char *const tcp_drop_names[TCP_DROP_COUNT] = {
    [TCP_DROP_TOO_SHORT] = "too_short",	      [TCP_DROP_BAD_OFFSET] = "bad_offset",
    [TCP_DROP_BAD_OPTION] = "bad_option",     [TCP_DROP_BAD_CHECKSUM] = "bad_checksum",
    [TCP_DROP_BAD_ADDRESS] = "bad_address",   [TCP_DROP_NO_CONNECTION] = "no_connection",
    [TCP_DROP_BAD_SEQUENCE] = "bad_sequence", [TCP_DROP_BAD_ACK] = "bad_ack",
    [TCP_DROP_BAD_FLAGS] = "bad_flags",	      [TCP_DROP_RST_CHALLENGED] = "rst_challenged",
    [TCP_DROP_RST_IGNORED] = "rst_ignored",   [TCP_DROP_SYN_BACKLOG] = "syn_backlog",
    [TCP_DROP_NO_MEMORY] = "no_memory",	      [TCP_DROP_OUT_OF_WINDOW_DATA] = "out_of_window_data",
    [TCP_DROP_OOO_FULL] = "ooo_full",
};

void tcp_stats(struct tcp_stats *out)
{
	*out = tcp_counters;
}

/* struct tcp_stats by name, in its order */
static const struct uk_counter_desc counter_descs[] = {
    UK_COUNTER(struct tcp_stats, rx_segments),
    UK_COUNTER(struct tcp_stats, tx_segments),
    UK_COUNTER(struct tcp_stats, rx_bytes),
    UK_COUNTER(struct tcp_stats, tx_bytes),
    UK_COUNTER(struct tcp_stats, retransmits),
    UK_COUNTER(struct tcp_stats, timeouts),
    UK_COUNTER(struct tcp_stats, fast_recoveries),
    UK_COUNTER(struct tcp_stats, lost_retransmits),
    UK_COUNTER(struct tcp_stats, icmp_errors),
    UK_COUNTER(struct tcp_stats, icmp_ignored),
    UK_COUNTER(struct tcp_stats, rx_out_of_order),
    UK_COUNTER(struct tcp_stats, rx_duplicate),
    UK_COUNTER(struct tcp_stats, active_opens),
    UK_COUNTER(struct tcp_stats, passive_opens),
    UK_COUNTER(struct tcp_stats, resets_sent),
    UK_COUNTER(struct tcp_stats, resets_received),
    UK_COUNTER(struct tcp_stats, conns_closed),
    UK_COUNTER(struct tcp_stats, tx_failures),
    UK_COUNTER(struct tcp_stats, syncookies_sent),
    UK_COUNTER(struct tcp_stats, syncookies_accepted),
    UK_COUNTER(struct tcp_stats, syncookies_rejected),
    UK_COUNTER(struct tcp_stats, evictions),
    UK_COUNTER(struct tcp_stats, challenge_acks),
    UK_COUNTER(struct tcp_stats, challenge_acks_suppressed),
    UK_COUNTER(struct tcp_stats, keepalive_probes),
    UK_COUNTER(struct tcp_stats, keepalive_timeouts),
    UK_COUNTER(struct tcp_stats, idle_timeouts),
    UK_COUNTER(struct tcp_stats, fin_wait_2_timeouts),
    UK_COUNTER_ARRAY(struct tcp_stats, drops, "drop", tcp_drop_names),
};

const struct uk_counter_table tcp_counter_table =
    UK_COUNTER_TABLE("tcp", struct tcp_stats, counter_descs);
