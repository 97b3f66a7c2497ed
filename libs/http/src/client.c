/* The client (http/client.h): one connection at a time to its server, made
 * when a request needs it and kept while the server keeps it, a request
 * sent again once when a kept-alive connection turns out closed, and the
 * response timeout. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "client_priv.h"

/* "255.255.255.255:65535", or a host name of up to 255 bytes and a port */
#define HC_HOST_CAP 264

struct http_client {
	uint32_t addr;
	uint16_t port;
	char host[HC_HOST_CAP];
	unsigned long connections;

	struct tcp_conn *tcp;  /* NULL: none */
	bool connected;	       /* the handshake completed */
	bool peer_closed;      /* the server's FIN came */
	unsigned sent_on_conn; /* requests sent on this connection */

	/* the request under way */
	bool busy, head, retried, got_bytes;
	const struct http_client_cbs *cbs;
	void *arg;
	char req[CONFIG_HTTP_CLIENT_MAX_REQUEST];
	size_t req_len, req_off;
	struct sched_timer timer;

	unsigned depth; /* inside the client's own callbacks */
	bool closed;	/* freed once depth is back to 0 */
	struct hc_parser parser;
};

struct http_client_stats hc_stats;

/* A connection the client let go of takes what still comes, and ends. */
static size_t sink_recv(struct tcp_conn *t, const void *d, size_t n, void *arg)
{
	(void)t;
	(void)d;
	(void)arg;
	return n;
}

static void sink_event(struct tcp_conn *t, enum tcp_event ev, void *arg)
{
	(void)t;
	(void)ev;
	(void)arg;
}

static void drop_conn(struct http_client *c, bool reset)
{
	if (!c->tcp)
		return;
	tcp_set_callbacks(c->tcp, sink_recv, sink_event, NULL);
	if (reset || !c->connected)
		tcp_abort(c->tcp);
	else
		tcp_close(c->tcp);
	c->tcp = NULL;
}

static void enter(struct http_client *c)
{
	c->depth++;
}

static void leave(struct http_client *c)
{
	if (!--c->depth && c->closed)
		free(c);
}

static void on_timeout(void *arg);

static void arm(struct http_client *c)
{
	sched_timer_start(&c->timer, sched_now_ns() + CONFIG_HTTP_CLIENT_TIMEOUT_S * SCHED_NS_PER_S,
			  on_timeout, c);
}

/* The request ends with error (0: the whole response came). */
static void finish(struct http_client *c, int error)
{
	sched_timer_stop(&c->timer);
	c->busy = false;
	if (!c->closed && c->cbs->done)
		c->cbs->done(c, error, c->arg);
}

/* A response that broke the rules: counted, the connection reset. */
static void failed(struct http_client *c)
{
	switch (c->parser.error) {
	case HC_TOO_BIG:
		hc_stats.too_big++;
		break;
	case HC_TRUNCATED:
		hc_stats.truncated++;
		break;
	default:
		hc_stats.malformed++;
		break;
	}
	drop_conn(c, true);
	finish(c, -EPROTO);
}

static void pump(struct http_client *c)
{
	while (c->tcp && c->connected && c->req_off < c->req_len) {
		long r = tcp_send(c->tcp, c->req + c->req_off, c->req_len - c->req_off);

		if (r <= 0)
			return; /* full: TCP_EV_SENT comes; an error: TCP_EV_CLOSED */
		c->req_off += (size_t)r;
	}
}

static size_t on_recv(struct tcp_conn *t, const void *d, size_t n, void *arg);
static void on_event(struct tcp_conn *t, enum tcp_event ev, void *arg);

static int connect_server(struct http_client *c)
{
	int r = tcp_connect(&c->tcp, c->addr, c->port, on_recv, on_event, c);

	if (r) {
		c->tcp = NULL;
		return r;
	}
	c->connected = c->peer_closed = false;
	c->sent_on_conn = 0;
	c->connections++;
	hc_stats.connects++;
	return 0;
}

static void send_request(struct http_client *c)
{
	c->req_off = 0;
	c->got_bytes = false;
	if (c->sent_on_conn++)
		hc_stats.reused++;
	hc_stats.requests++;
	hc_parser_start(&c->parser, c->head);
	arm(c);
	pump(c);
}

/* The connection ended (FIN, or TCP_EV_CLOSED with error) while c->tcp. */
static void conn_ended(struct http_client *c, int error)
{
	bool reused = c->sent_on_conn > 1;

	drop_conn(c, false);
	if (!c->busy)
		return; /* an idle connection: the next request makes a new one */
	if (c->got_bytes) {
		if (hc_parser_eof(&c->parser))
			finish(c, 0); /* a body delimited by the close */
		else
			failed(c);
		return;
	}
	if (reused && !c->retried) {
		/* the server timed the idle connection out as the request went */
		c->retried = true;
		hc_stats.retries++;
		if (!(error = connect_server(c))) {
			send_request(c);
			return;
		}
	}
	finish(c, error ? error : -ECONNRESET);
}

static void on_event(struct tcp_conn *t, enum tcp_event ev, void *arg)
{
	struct http_client *c = arg;
	int error;

	enter(c);
	switch (ev) {
	case TCP_EV_CONNECTED:
		c->connected = true;
		if (c->busy)
			arm(c);
		pump(c);
		break;
	case TCP_EV_SENT:
		pump(c);
		break;
	case TCP_EV_PEER_CLOSED:
		c->peer_closed = true;
		conn_ended(c, 0);
		break;
	case TCP_EV_CLOSED:
		error = tcp_error(t);
		c->tcp = NULL; /* the handle dies with this event */
		if (error)
			hc_stats.conn_errors++;
		conn_ended(c, error);
		break;
	}
	leave(c);
}

static size_t on_recv(struct tcp_conn *t, const void *d, size_t n, void *arg)
{
	struct http_client *c = arg;
	size_t used;

	(void)t;
	enter(c);
	if (!c->busy) {
		hc_stats.stray++; /* nothing asked: the connection is out of step */
		drop_conn(c, true);
		leave(c);
		return n;
	}
	c->got_bytes = true;
	arm(c);
	used = hc_parser_feed(&c->parser, d, n);
	if (!c->closed && c->parser.state == HC_FAILED) {
		failed(c);
	} else if (!c->closed && c->parser.state == HC_DONE) {
		if (used < n)
			hc_stats.stray++; /* more than the response: out of step */
		if (used < n || !c->parser.resp.keep_alive)
			drop_conn(c, used < n);
		finish(c, 0);
	}
	leave(c);
	return n;
}

static void on_timeout(void *arg)
{
	struct http_client *c = arg;

	enter(c);
	hc_stats.timeouts++;
	drop_conn(c, true);
	finish(c, -ETIMEDOUT);
	leave(c);
}

static void on_head(void *arg, const struct http_response *r)
{
	struct http_client *c = arg;

	hc_stats.responses[r->status / 100 - 1]++;
	hc_stats.interim += c->parser.interim;
	if (!c->closed && c->cbs->head)
		c->cbs->head(c, r, c->arg);
}

static void on_body(void *arg, const void *data, size_t len)
{
	struct http_client *c = arg;

	hc_stats.body_bytes += len;
	if (!c->closed && c->cbs->body)
		c->cbs->body(c, data, len, c->arg);
}

/* Visible ASCII, the whole of s, at least one byte. */
static bool visible(const char *s, size_t max)
{
	size_t i;

	for (i = 0; s[i]; i++)
		if (i == max || (unsigned char)s[i] <= 0x20 || (unsigned char)s[i] >= 0x7f)
			return false;
	return i > 0;
}

int http_client_open(struct http_client **out, uint32_t addr, uint16_t port, const char *host)
{
	struct http_client *c;

	if (!out || !port || (host && !visible(host, 255)))
		return -EINVAL;
	if (!(c = calloc(1, sizeof(*c))))
		return -ENOMEM;
	c->addr = addr;
	c->port = port;
	if (host)
		snprintf(c->host, sizeof(c->host), "%s", host);
	else
		snprintf(c->host, sizeof(c->host), port == 80 ? "%u.%u.%u.%u" : "%u.%u.%u.%u:%u",
			 (unsigned)(addr >> 24), (unsigned)(addr >> 16 & 0xff),
			 (unsigned)(addr >> 8 & 0xff), (unsigned)(addr & 0xff), (unsigned)port);
	c->parser.on_head = on_head;
	c->parser.on_body = on_body;
	c->parser.arg = c;
	*out = c;
	return 0;
}

int http_client_request(struct http_client *c, const char *method, const char *path,
			const struct http_client_cbs *cbs, void *arg)
{
	int n, r;

	if (!c || c->closed || !method || !path || !cbs || path[0] != '/' ||
	    !visible(path, CONFIG_HTTP_CLIENT_MAX_REQUEST))
		return -EINVAL;
	if (strcmp(method, "GET") && strcmp(method, "HEAD"))
		return -EINVAL;
	if (c->busy)
		return -EBUSY;
	n = snprintf(c->req, sizeof(c->req),
		     "%s %s HTTP/1.1\r\nHost: %s\r\nUser-Agent: uk\r\n"
		     "Accept-Encoding: identity\r\n\r\n",
		     method, path, c->host);
	if (n < 0 || (size_t)n >= sizeof(c->req))
		return -EMSGSIZE;
	if (c->tcp && c->peer_closed)
		drop_conn(c, false);
	if (!c->tcp && (r = connect_server(c)))
		return r;
	c->req_len = (size_t)n;
	c->head = method[0] == 'H';
	c->cbs = cbs;
	c->arg = arg;
	c->busy = true;
	c->retried = false;
	send_request(c);
	return 0;
}

void http_client_close(struct http_client *c)
{
	if (!c || c->closed)
		return;
	c->closed = true;
	sched_timer_stop(&c->timer);
	drop_conn(c, c->busy);
	c->busy = false;
	c->depth++;
	leave(c);
}

unsigned long http_client_connections(const struct http_client *c)
{
	return c->connections;
}

const char *http_response_header(const struct http_response *r, const char *name)
{
	unsigned i;

	for (i = 0; i < r->nfields; i++)
		if (!strcasecmp(r->fields[2 * i], name))
			return r->fields[2 * i + 1];
	return NULL;
}
