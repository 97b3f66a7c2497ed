/* Keepalive (RFC 9293 3.8.4, RFC 1122 4.2.3.6) and the app's idle timeout:
 * one timer per connection. Keepalive probes a peer that sent nothing for
 * ka_idle (an ACK for snd_una - 1, which a live peer must answer) every
 * ka_intvl, and ends the connection after ka_probes unanswered ones. The
 * idle timeout ends a connection on which no data moved either way (none
 * received in order, none of ours acknowledged) for idle_ms, whatever the
 * peer keeps answering: a zero-window or silent peer cannot hold a slot.
 * FIN-WAIT-2 has its own bound (CONFIG_TCP_FIN_WAIT_2_TIMEOUT_S): the app
 * has closed, our FIN is acknowledged, and a peer that never sends its FIN
 * must not keep the connection whatever the idle timeout says.
 * The timer is not moved by every segment: it fires at the earliest
 * deadline and is armed again from the times that segments recorded. */
#include <errno.h>

#include "tcp.h"

#define MS(x) ((uint64_t)(x)*SCHED_NS_PER_MS)

static bool keepalive_state(const struct tcp_conn *c)
{
	return c->state == TCP_ESTABLISHED || c->state == TCP_CLOSE_WAIT ||
	       c->state == TCP_FIN_WAIT_2;
}

/* When the next keepalive probe is due; 0: none. */
static uint64_t keepalive_due(const struct tcp_conn *c)
{
	if (!c->ka_idle_ms || !keepalive_state(c))
		return 0;
	if (c->ka_sent)
		return c->ka_last_ns + MS(c->ka_intvl_ms);
	return c->rx_ns + MS(c->ka_idle_ms);
}

static uint64_t idle_due(const struct tcp_conn *c)
{
	if (!c->idle_ms || c->state == TCP_TIME_WAIT || c->state < TCP_ESTABLISHED)
		return 0;
	return c->progress_ns + MS(c->idle_ms);
}

/* When FIN-WAIT-2 ends for want of the peer's FIN (the ACK of our FIN
 * counted as progress); 0: not in FIN-WAIT-2, or no bound. */
static uint64_t fin_wait_2_due(const struct tcp_conn *c)
{
	if (!CONFIG_TCP_FIN_WAIT_2_TIMEOUT_S || c->state != TCP_FIN_WAIT_2)
		return 0;
	return c->progress_ns + (uint64_t)CONFIG_TCP_FIN_WAIT_2_TIMEOUT_S * SCHED_NS_PER_S;
}

/* The earliest of two deadlines, 0 meaning none. */
static uint64_t earliest(uint64_t a, uint64_t b)
{
	return a && (!b || a < b) ? a : b;
}

static void idle_timer(void *arg);

void tcp_idle_arm(struct tcp_conn *c)
{
	uint64_t due = earliest(earliest(keepalive_due(c), idle_due(c)), fin_wait_2_due(c));

	if (!due) {
		sched_timer_stop(&c->idle);
		return;
	}
	if (!sched_timer_pending(&c->idle) || c->idle_deadline != due) {
		c->idle_deadline = due;
		sched_timer_start(&c->idle, due, idle_timer, c);
	}
}

static void give_up(struct tcp_conn *c)
{
	tcp_send_rst(c->laddr, c->raddr, c->lport, c->rport, c->snd_nxt, 0, false);
	tcp_conn_done(c, -ETIMEDOUT);
}

static void idle_timer(void *arg)
{
	struct tcp_conn *c = arg;
	uint64_t now = sched_now_ns(), ka = keepalive_due(c), idle = idle_due(c),
		 fin2 = fin_wait_2_due(c);

	if (fin2 && now >= fin2) {
		tcp_counters.fin_wait_2_timeouts++;
		give_up(c);
		return;
	}
	if (idle && now >= idle) {
		tcp_counters.idle_timeouts++;
		give_up(c);
		return;
	}
	if (ka && now >= ka) {
		if (c->ka_sent >= c->ka_probes) {
			tcp_counters.keepalive_timeouts++;
			give_up(c);
			return;
		}
		/* nothing of ours in flight: the probe is an old ACK; with
		 * data in flight the retransmission timer speaks for us */
		if (c->snd_una == c->snd_max) {
			tcp_tx(c, c->snd_una - 1, TCP_ACK, 0);
			tcp_counters.keepalive_probes++;
		}
		c->ka_sent++;
		c->ka_last_ns = now;
	}
	tcp_idle_arm(c);
}

void tcp_idle_rx(struct tcp_conn *c)
{
	c->rx_ns = sched_now_ns();
	c->ka_sent = 0;
}

void tcp_idle_init(struct tcp_conn *c)
{
	c->rx_ns = c->progress_ns = sched_now_ns();
	c->idle_ms = (uint64_t)CONFIG_TCP_IDLE_TIMEOUT_S * 1000;
	if (CONFIG_TCP_KEEPALIVE_IDLE_S)
		tcp_set_keepalive(c, CONFIG_TCP_KEEPALIVE_IDLE_S, CONFIG_TCP_KEEPALIVE_INTVL_S,
				  CONFIG_TCP_KEEPALIVE_PROBES);
	tcp_idle_arm(c);
}

int tcp_set_keepalive(struct tcp_conn *c, unsigned idle_s, unsigned intvl_s, unsigned probes)
{
	if (!c->used || c->closed_app || (idle_s && (!intvl_s || !probes)))
		return -EINVAL;
	c->ka_idle_ms = (uint64_t)idle_s * 1000;
	c->ka_intvl_ms = (uint64_t)intvl_s * 1000;
	c->ka_probes = probes;
	c->ka_sent = 0;
	tcp_idle_arm(c);
	return 0;
}

int tcp_set_idle_timeout(struct tcp_conn *c, uint64_t ms)
{
	if (!c->used || c->closed_app)
		return -EINVAL;
	c->idle_ms = ms;
	c->progress_ns = sched_now_ns();
	tcp_idle_arm(c);
	return 0;
}
