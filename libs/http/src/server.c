/* The server: listening, the pool of connections, reading a request (head,
 * then body) as tcp delivers it, dispatching it, one response at a time,
 * and the timers that end slow or idle connections. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "http.h"

/* The one allocation of a connection: head, path, body, out, extra. */
#define HTTP_CONN_MEM                                                                              \
	(HTTP_HEAD_CAP + HTTP_PATH_CAP + CONFIG_HTTP_MAX_BODY + CONFIG_HTTP_RESPONSE_BUF +         \
	 CONFIG_HTTP_RESPONSE_HEADERS)

struct http_conn http_conns[CONFIG_HTTP_MAX_CONNECTIONS];

static const char busy[] = "HTTP/1.1 503 Service Unavailable\r\n"
			   "Content-Length: 0\r\nConnection: close\r\n\r\n";
static const char continue_100[] = "HTTP/1.1 100 Continue\r\n\r\n";

/* What a connection we no longer serve still receives. */
static size_t discard(struct tcp_conn *c, const void *data, size_t len, void *arg)
{
	(void)c;
	(void)data;
	(void)arg;
	return len;
}

static void release(struct http_conn *h)
{
	unsigned gen = h->gen + 1;

	sched_timer_stop(&h->timer);
	free(h->mem);
	h->srv->stats.conns_active--;
	memset(h, 0, sizeof(*h));
	h->gen = gen;
}

void http_conn_abort(struct http_conn *h)
{
	tcp_abort(h->tcp);
	release(h);
}

/* Orderly: what was handed to tcp goes, then a FIN; tcp ends it if the
 * peer stops there (FIN-WAIT-2 forever, a window that stays shut). */
static void close_tcp(struct tcp_conn *c)
{
	tcp_set_callbacks(c, discard, NULL, NULL);
	if (CONFIG_HTTP_IDLE_TIMEOUT_S)
		tcp_set_idle_timeout(c, CONFIG_HTTP_IDLE_TIMEOUT_S * 1000ull);
	tcp_close(c);
}

/* Our state goes now; tcp's when the close is done. */
static void conn_close(struct http_conn *h)
{
	close_tcp(h->tcp);
	release(h);
}

static void on_timer(void *arg)
{
	struct http_conn *h = arg;

	if (h->timer_kind == HTTP_T_HEADER) {
		h->srv->stats.header_timeouts++;
		http_conn_abort(h);
		return;
	}
	h->srv->stats.idle_timeouts++;
	if (h->state == HTTP_C_HEAD && !h->hlen)
		conn_close(h); /* between requests: nothing is lost */
	else
		http_conn_abort(h);
}

static void arm(struct http_conn *h, enum http_timer_kind kind, unsigned seconds)
{
	h->timer_kind = kind;
	if (!seconds) {
		sched_timer_stop(&h->timer);
		return;
	}
	sched_timer_start(&h->timer, sched_now_ns() + seconds * SCHED_NS_PER_S, on_timer, h);
}

static void start_request(struct http_conn *h)
{
	h->state = HTTP_C_HEAD;
	h->hlen = 0;
	h->leading_crlf = 0;
	h->line_done = false;
	h->body_len = 0;
	h->body_need = 0;
	http_chunked_init(&h->chunked, HTTP_MAX_CHUNK_EXT, CONFIG_HTTP_MAX_HEADER_BYTES);
	memset(&h->head, 0, sizeof(h->head));
	memset(&h->req, 0, sizeof(h->req));
	h->close_after = false;
	http_response_reset(h);
	arm(h, HTTP_T_IDLE, CONFIG_HTTP_IDLE_TIMEOUT_S);
}

static void count_error(struct http_stats *st, int status)
{
	if (status == 400)
		st->parse_errors++;
	else if (status == 414)
		st->line_too_long++;
	else if (status == 431)
		st->headers_too_big++;
	else if (status == 413)
		st->body_too_big++;
	else if (status == 501 || status == 505)
		st->not_implemented++;
}

/* Answers a request we could not read with status, then closes. */
static void fail(struct http_conn *h, int status)
{
	struct http_request *r = &h->req;

	count_error(&h->srv->stats, status);
	h->srv->stats.requests++;
	h->state = HTTP_C_RESPOND;
	h->close_after = true;
	sched_timer_stop(&h->timer);
	r->conn = h;
	r->version = h->head.version ? h->head.version : 11;
	r->method = h->head.method ? h->head.method : "";
	r->head = !strcmp(r->method, "HEAD");
	r->path = "";
	r->query = "";
	r->target = "";
	http_response_reset(h);
	http_error(r, status);
	arm(h, HTTP_T_IDLE, CONFIG_HTTP_IDLE_TIMEOUT_S);
	http_pump(h);
}

static void dispatch(struct http_conn *h)
{
	struct http_request *r = &h->req;
	unsigned gen = h->gen;
	int st;

	h->state = HTTP_C_RESPOND;
	h->close_after = h->head.close;
	h->srv->stats.requests++;
	sched_timer_stop(&h->timer);
	r->conn = h;
	r->method = h->head.method;
	r->target = h->head.target;
	r->version = h->head.version;
	r->head = !strcmp(r->method, "HEAD");
	r->body = h->body;
	r->body_len = h->body_len;
	r->path = h->path;
	st = http_target_path(h->head.target, h->head.target_len, h->path, HTTP_PATH_CAP,
			      &r->path_len, &r->query);
	if (st) {
		count_error(&h->srv->stats, st);
		r->path = "";
		r->query = "";
		http_error(r, st);
	} else if (!http_route_dispatch(h->srv, r)) {
		http_static_serve(r);
	}
	if (h->gen != gen)
		return;
	if (!h->responded) {
		h->srv->stats.handler_errors++;
		http_response_reset(h);
		http_error(r, 500);
	}
	arm(h, HTTP_T_IDLE, CONFIG_HTTP_IDLE_TIMEOUT_S);
	http_pump(h);
}

static void head_done(struct http_conn *h)
{
	int st = http_parse_head(h->headbuf, h->hlen, &h->head);

	if (st) {
		fail(h, st);
		return;
	}
	if (h->head.framing == HTTP_BODY_NONE) {
		dispatch(h);
		return;
	}
	h->state = HTTP_C_BODY;
	h->body_need = h->head.content_length;
	arm(h, HTTP_T_IDLE, CONFIG_HTTP_IDLE_TIMEOUT_S);
	/* RFC 9110 10.1.1; skipped if it cannot go whole (the client goes on
	 * after a while anyway) */
	if (h->head.expect_continue && h->head.version == 11 &&
	    tcp_send_space(h->tcp) >= sizeof(continue_100) - 1)
		tcp_send(h->tcp, continue_100, sizeof(continue_100) - 1);
}

/* Takes head bytes; returns how many (up to the end of the head). */
static size_t head_feed(struct http_conn *h, const char *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		char c = p[i];

		if (!h->hlen && (c == '\r' || c == '\n')) {
			if (++h->leading_crlf > HTTP_MAX_LEADING_CRLF) {
				fail(h, 400);
				return i + 1;
			}
			continue;
		}
		if (!h->hlen)
			arm(h, HTTP_T_HEADER, CONFIG_HTTP_HEADER_TIMEOUT_S);
		if (h->hlen == HTTP_HEAD_CAP) {
			fail(h, h->line_done ? 431 : 414);
			return i + 1;
		}
		h->headbuf[h->hlen++] = c;
		if (!h->line_done) {
			if (c == '\n') {
				h->line_done = true;
				h->line_len = h->hlen;
			} else if (h->hlen > CONFIG_HTTP_MAX_REQUEST_LINE) {
				fail(h, 414);
				return i + 1;
			}
			continue;
		}
		if (h->hlen - h->line_len > CONFIG_HTTP_MAX_HEADER_BYTES) {
			fail(h, 431);
			return i + 1;
		}
		if (c != '\n')
			continue;
		if (h->headbuf[h->hlen - 2] == '\n' ||
		    (h->headbuf[h->hlen - 2] == '\r' && h->headbuf[h->hlen - 3] == '\n')) {
			head_done(h);
			return i + 1;
		}
	}
	return n;
}

static size_t body_feed(struct http_conn *h, const uint8_t *p, size_t n)
{
	size_t k;

	arm(h, HTTP_T_IDLE, CONFIG_HTTP_IDLE_TIMEOUT_S);
	if (h->head.framing == HTTP_BODY_LENGTH) {
		k = n < h->body_need ? n : (size_t)h->body_need;
		memcpy(h->body + h->body_len, p, k);
		h->body_len += k;
		h->body_need -= k;
		if (!h->body_need)
			dispatch(h);
	} else {
		int st;
		bool done;

		k = http_chunked_body(&h->chunked, p, n, h->body, &h->body_len,
				      CONFIG_HTTP_MAX_BODY, &st, &done);
		if (st)
			fail(h, st);
		else if (done)
			dispatch(h);
	}
	return k;
}

/* Closes a connection whose peer sent its FIN once nothing of ours is
 * under way. */
static void end_if_peer_done(struct http_conn *h)
{
	if (h->peer_closed && h->state != HTTP_C_RESPOND)
		conn_close(h);
}

void http_response_done(struct http_conn *h)
{
	unsigned gen;

	if (h->status)
		h->srv->stats.responses[h->status / 100 - 1]++;
	if (h->status == 304)
		h->srv->stats.not_modified++;
	if (h->status == 206)
		h->srv->stats.partial++;
	if (h->close_after) {
		conn_close(h);
		return;
	}
	start_request(h);
	if (h->in_recv)
		return; /* the data callback goes on with what is left */
	gen = h->gen;
	tcp_resume(h->tcp); /* the next request, if the peer sent one */
	if (h->gen == gen)
		end_if_peer_done(h);
}

static size_t on_recv(struct tcp_conn *c, const void *data, size_t n, void *arg)
{
	struct http_conn *h = arg;
	const uint8_t *p = data;
	unsigned gen = h->gen;
	size_t used = 0;

	(void)c;
	h->in_recv = true;
	while (used < n && h->gen == gen && (h->state == HTTP_C_HEAD || h->state == HTTP_C_BODY)) {
		if (h->state == HTTP_C_HEAD)
			used += head_feed(h, (const char *)p + used, n - used);
		else
			used += body_feed(h, p + used, n - used);
	}
	if (h->gen != gen)
		return n; /* the connection ended: drop the rest */
	h->in_recv = false;
	return used;
}

static void on_event(struct tcp_conn *c, enum tcp_event ev, void *arg)
{
	struct http_conn *h = arg;

	switch (ev) {
	case TCP_EV_SENT:
		if (h->state == HTTP_C_RESPOND) {
			arm(h, HTTP_T_IDLE, CONFIG_HTTP_IDLE_TIMEOUT_S);
			http_pump(h);
		}
		break;
	case TCP_EV_PEER_CLOSED:
		h->peer_closed = true;
		end_if_peer_done(h);
		break;
	case TCP_EV_CLOSED:
		if (tcp_error(c))
			h->srv->stats.peer_resets++;
		release(h);
		break;
	default:
		break;
	}
}

static void on_accept(struct tcp_listener *l, struct tcp_conn *c, void *arg)
{
	struct http_server *s = arg;
	struct http_conn *h = NULL;
	unsigned i;

	(void)l;
	for (i = 0; i < CONFIG_HTTP_MAX_CONNECTIONS && !h; i++)
		if (http_conns[i].state == HTTP_C_FREE)
			h = &http_conns[i];
	if (h && !(h->mem = malloc(HTTP_CONN_MEM)))
		h = NULL;
	if (!h) {
		s->stats.conns_rejected++;
		tcp_send(c, busy, sizeof(busy) - 1);
		close_tcp(c);
		return;
	}
	h->srv = s;
	h->tcp = c;
	h->headbuf = (char *)h->mem;
	h->path = h->headbuf + HTTP_HEAD_CAP;
	h->body = (uint8_t *)h->path + HTTP_PATH_CAP;
	h->out = (char *)h->body + CONFIG_HTTP_MAX_BODY;
	h->extra = h->out + CONFIG_HTTP_RESPONSE_BUF;
	s->stats.conns_accepted++;
	s->stats.conns_active++;
	tcp_set_callbacks(c, on_recv, on_event, h);
	start_request(h);
}

int http_server_start(struct http_server *s, uint32_t addr, uint16_t port)
{
	int r;

	if (!s || s->running)
		return -EINVAL;
	r = tcp_listen(&s->listener, addr, port, 0, on_accept, s);
	if (r)
		return r;
	s->running = true;
	return 0;
}

void http_server_stop(struct http_server *s)
{
	unsigned i;

	if (!s->running)
		return;
	tcp_unlisten(&s->listener);
	for (i = 0; i < CONFIG_HTTP_MAX_CONNECTIONS; i++)
		if (http_conns[i].state != HTTP_C_FREE && http_conns[i].srv == s)
			http_conn_abort(&http_conns[i]);
	s->running = false;
}

unsigned http_conn_count(void)
{
	unsigned i, n = 0;

	for (i = 0; i < CONFIG_HTTP_MAX_CONNECTIONS; i++)
		n += http_conns[i].state != HTTP_C_FREE;
	return n;
}
