/* libFuzzer target: the HTTP server over tcp, fed by a client on port 80
 * (peer.c) whose bytes are the records, and the parsers alone on the same
 * bytes. Flags: bit 0 opens a new connection before the record (one is
 * opened anyway when there is none), bit 1 sends a FIN after it, bit 2
 * shuts the client's window (it stops reading). After each record: at
 * most the pool's connections, and every response starts with a status
 * line. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "http.h"
#include "peer.h"

static struct http_server srv;
static struct peer peer;

static void echo(struct http_request *r, void *arg)
{
	(void)arg;
	http_add_header(r, "X-Query", r->query);
	http_respond(r, 200, "application/octet-stream", r->body, r->body_len);
}

static size_t left;

static bool produce(struct http_request *r, void *arg)
{
	static const uint8_t block[512];
	long n;

	(void)arg;
	while (left && (n = http_write(r, block, left < sizeof(block) ? left : sizeof(block))) > 0)
		left -= (size_t)n;
	return !left;
}

static void stream(struct http_request *r, void *arg)
{
	left = 20000;
	http_stream(r, 200, NULL, arg ? 20000 : -1, produce, NULL);
}

/* The parsers alone on the record's bytes. */
static void parsers(const uint8_t *p, size_t n)
{
	static char buf[70000], out[HTTP_PATH_CAP];
	static uint8_t body[CONFIG_HTTP_MAX_BODY];
	struct http_chunked c;
	struct http_head h;
	uint64_t a, b;
	size_t len = 0, k;
	const char *q;
	bool done;
	int st;

	memcpy(buf, p, n);
	buf[n] = 0;
	http_parse_head(buf, n, &h);
	memcpy(buf, p, n);
	if (!http_target_path(buf, n, out, sizeof(out), &k, &q) &&
	    (k != strlen(out) || out[0] != '/'))
		abort();
	http_chunked_init(&c, HTTP_MAX_CHUNK_EXT, CONFIG_HTTP_MAX_HEADER_BYTES);
	http_chunked_body(&c, p, n, body, &len, sizeof(body), &st, &done);
	if (len > sizeof(body))
		abort();
	http_accepts_gzip(buf);
	http_etag_match(buf, "\"abc\"");
	if (http_range(buf, 1000, &a, &b) > 0 && (a > b || b >= 1000))
		abort();
}

void fuzz_record(const uint8_t *p, size_t n, uint8_t flags)
{
	static bool ready;

	if (!ready) {
		tcp_init();
		http_server_start(&srv, IPV4_ANY, 80);
		http_route(&srv, "POST", "/echo", echo, NULL);
		http_route(&srv, "GET", "/stream", stream, NULL);
		http_route(&srv, "GET", "/stream/len", stream, &srv);
		ready = true;
	}
	if (n > 65000)
		n = 65000;
	parsers(p, n);
	h_learn(H_PEER_IP, h_peer_mac);
	if ((flags & 1) || !peer.open || peer.fin || peer.rst) {
		peer_free(&peer);
		if (!peer_open(&peer))
			return;
	}
	peer.wnd = flags & 4 ? 0 : 65535;
	peer_send(&peer, p, n);
	if (flags & 2)
		peer_fin(&peer);
	if (http_conn_count() > CONFIG_HTTP_MAX_CONNECTIONS)
		abort();
	if (peer.ngot >= 9 && memcmp(peer.got, "HTTP/1.1 ", 9)) {
		fprintf(stderr, "fuzz_http: a response without a status line\n");
		abort();
	}
	peer_clear(&peer);
}
