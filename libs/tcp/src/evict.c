/* Making room in a full pool: the oldest connection in TIME-WAIT goes
 * first (it is over; RFC 6191 lets a new SYN end it anyway), then the
 * oldest half-open one (its peer, if it is real, can still complete the
 * handshake with the cookie that was its ISN, but loses window scaling and
 * SACK), then, where the app allows it (CONFIG_TCP_EVICT_IDLE_MS), the
 * connection that moved no data for the longest time. TIME-WAIT first
 * matters for a server whose clients close: at a few thousand connections
 * a second the pool is soon all TIME-WAIT, and taking half-open slots
 * instead cut bench/http.sh's "close" rate to less than half. */
#include <errno.h>

#include "tcp.h"

static struct tcp_conn *oldest_half_open(const struct tcp_listener *l, uint64_t older_than_ns)
{
	uint64_t now = sched_now_ns();
	struct tcp_conn *best = NULL;
	unsigned i;

	for (i = 0; i < CONFIG_TCP_MAX_CONNECTIONS; i++) {
		struct tcp_conn *c = &tcp_pool[i];

		if (!c->used || c->release || c->busy || !c->listener || (l && c->listener != l) ||
		    now - c->opened_ns < older_than_ns)
			continue;
		if (!best || c->opened_ns < best->opened_ns)
			best = c;
	}
	return best;
}

bool tcp_evict_half_open(const struct tcp_listener *l, uint64_t older_than_ns)
{
	struct tcp_conn *c = oldest_half_open(l, older_than_ns);

	if (!c)
		return false;
	tcp_counters.evictions++;
	c->closed_app = true; /* the app never saw it */
	tcp_conn_free(c);
	return true;
}

static struct tcp_conn *oldest_time_wait(void)
{
	struct tcp_conn *best = NULL;
	unsigned i;

	for (i = 0; i < CONFIG_TCP_MAX_CONNECTIONS; i++) {
		struct tcp_conn *c = &tcp_pool[i];

		if (c->used && !c->release && !c->busy && c->state == TCP_TIME_WAIT &&
		    (!best || c->progress_ns < best->progress_ns))
			best = c;
	}
	return best;
}

/* The established connection idle longest, if longer than the limit. */
static struct tcp_conn *most_idle(void)
{
	uint64_t now = sched_now_ns(), limit = (uint64_t)CONFIG_TCP_EVICT_IDLE_MS * SCHED_NS_PER_MS;
	struct tcp_conn *best = NULL;
	unsigned i;

	for (i = 0; i < CONFIG_TCP_MAX_CONNECTIONS; i++) {
		struct tcp_conn *c = &tcp_pool[i];

		if (!c->used || c->release || c->busy || c->closed_app ||
		    c->state < TCP_ESTABLISHED || now - c->progress_ns < limit)
			continue;
		if (!best || c->progress_ns < best->progress_ns)
			best = c;
	}
	return best;
}

bool tcp_evict(void)
{
	struct tcp_conn *c;

	c = oldest_time_wait();
	if (c) {
		tcp_counters.evictions++;
		tcp_conn_free(c);
		return true;
	}
	if (tcp_evict_half_open(NULL, 0))
		return true;
	if (!CONFIG_TCP_EVICT_IDLE_MS)
		return false;
	c = most_idle();
	if (!c)
		return false;
	tcp_counters.evictions++;
	tcp_send_rst(c->laddr, c->raddr, c->lport, c->rport, c->snd_nxt, 0, false);
	tcp_conn_done(c, -ETIMEDOUT);
	return true;
}

struct tcp_conn *tcp_conn_alloc_evicting(void)
{
	struct tcp_conn *c = tcp_conn_alloc();

	if (!c && tcp_evict())
		c = tcp_conn_alloc();
	return c;
}
