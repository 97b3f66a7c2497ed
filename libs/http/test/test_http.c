/* http over the whole stack with tcp: the test plays a client at 10.0.0.1
 * against a server on port 80 serving the test site (site.c) and a few
 * routes. Static files (types, ETag and 304, ranges, gzip by
 * Accept-Encoding, folders, the custom 404), methods (405, 501),
 * persistence and pipelining, HTTP/1.0, request bodies (length, chunked,
 * 100-continue), the limits (400, 413, 414, 431, 501), target
 * normalisation end to end, streaming under flow control, the timeouts,
 * the pool, and the counters. */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <cmocka.h>

#include <http/http.h>

#include "clock.h"
#include "harness.h"
#include "peer.h"
#include "site.h"

static struct http_server srv;
static struct http_stats before;
static struct peer peer;

/* A response as the client reads it. */
struct resp {
	int status;
	char head[2048];
	uint8_t *body;
	size_t body_len;
	size_t used; /* bytes of the stream it took */
};

static void resp_free(struct resp *r)
{
	free(r->body);
	r->body = NULL;
}

/* The value of header name in r (first), or NULL. */
static const char *hdr(const struct resp *r, const char *name)
{
	static char v[512];
	const char *p = strstr(r->head, "\r\n");
	size_t n = strlen(name);

	while (p && p[2]) {
		p += 2;
		if (!strncasecmp(p, name, n) && p[n] == ':') {
			const char *s = p + n + 1, *e = strstr(s, "\r\n");

			while (*s == ' ')
				s++;
			snprintf(v, sizeof(v), "%.*s", (int)(e - s), s);
			return v;
		}
		p = strstr(p, "\r\n");
	}
	return NULL;
}

/* Reads the response at offset off of what the peer got; head_only: a
 * response to HEAD (no body whatever the headers say). */
static bool read_resp(const struct peer *p, size_t off, bool head_only, struct resp *r)
{
	const char *s = (const char *)p->got + off, *e;
	size_t avail = p->ngot - off, hl;
	const char *cl, *te;

	memset(r, 0, sizeof(*r));
	for (e = s; e + 4 <= s + avail && memcmp(e, "\r\n\r\n", 4); e++)
		;
	if (e + 4 > s + avail)
		return false;
	hl = (size_t)(e - s) + 4;
	assert_true(hl < sizeof(r->head));
	memcpy(r->head, s, hl);
	r->head[hl] = 0;
	assert_int_equal(sscanf(r->head, "HTTP/1.1 %d ", &r->status), 1);
	r->body = malloc(PEER_MAX);
	r->used = hl;
	cl = hdr(r, "Content-Length");
	if (head_only || r->status == 304 || r->status == 204 || r->status < 200)
		return true;
	if (cl) {
		r->body_len = strtoul(cl, NULL, 10);
		if (hl + r->body_len > avail)
			return false;
		memcpy(r->body, s + hl, r->body_len);
		r->used += r->body_len;
		return true;
	}
	te = hdr(r, "Transfer-Encoding");
	if (te && !strcmp(te, "chunked")) {
		const char *q = s + hl;

		for (;;) {
			char *end;
			size_t n = strtoul(q, &end, 16);

			if (end == q || end[0] != '\r')
				return false;
			q = end + 2;
			if (!n)
				break;
			memcpy(r->body + r->body_len, q, n);
			r->body_len += n;
			q += n + 2;
		}
		q += 2;
		r->used = (size_t)(q - s);
		return true;
	}
	/* until the connection closes */
	r->body_len = avail - hl;
	memcpy(r->body, s + hl, r->body_len);
	r->used = avail;
	return true;
}

/* Opens a connection, sends req, reads one response. */
static void get(const char *req, bool head_only, struct resp *r)
{
	assert_true(peer_open(&peer));
	peer_sends(&peer, req);
	assert_true(read_resp(&peer, 0, head_only, r));
}

static uint64_t delta(size_t field_offset)
{
	struct http_stats now;

	http_server_stats(&srv, &now);
	return *(uint64_t *)((char *)&now + field_offset) -
	       *(uint64_t *)((char *)&before + field_offset);
}
#define D(field) delta(offsetof(struct http_stats, field))

/* Routes. */
static void api(struct http_request *r, void *arg)
{
	char body[256];
	int n;

	(void)arg;
	n = snprintf(body, sizeof(body), "%s %s ?%s v%u body=%.*s", r->method, r->path, r->query,
		     r->version, (int)r->body_len, (const char *)r->body);
	http_add_header(r, "X-Api", "1");
	http_respond(r, 200, "text/plain", body, (size_t)n);
}

static void silent(struct http_request *r, void *arg)
{
	(void)r;
	(void)arg;
}

static size_t stream_left, stream_calls;

static bool produce(struct http_request *r, void *arg)
{
	static uint8_t block[1000];
	long n;

	(void)arg;
	stream_calls++;
	while (stream_left) {
		size_t k = stream_left < sizeof(block) ? stream_left : sizeof(block);

		memset(block, 'a' + (int)(stream_left % 26), k);
		n = http_write(r, block, k);
		assert_true(n >= 0);
		if (!n)
			return false;
		stream_left -= (size_t)n;
	}
	return true;
}

static void stream(struct http_request *r, void *arg)
{
	stream_left = 2000000;
	stream_calls = 0;
	http_stream(r, 200, "application/octet-stream", arg ? 2000000 : -1, produce, NULL);
}

static int setup(void **state)
{
	static bool ready;

	(void)state;
	if (!ready) {
		h_init();
		assert_int_equal(tcp_init(), 0);
		assert_int_equal(http_server_start(&srv, IPV4_ANY, 80), 0);
		assert_int_equal(http_route(&srv, "GET", "/api", api, NULL), 0);
		assert_int_equal(http_route(&srv, "POST", "/api", api, NULL), 0);
		assert_int_equal(http_route(&srv, "GET", "/silent", silent, NULL), 0);
		assert_int_equal(http_route(&srv, "GET", "/stream", stream, NULL), 0);
		assert_int_equal(http_route(&srv, "GET", "/stream/len", stream, &srv), 0);
		ready = true;
	}
	h_settle();
	assert_int_equal(http_conn_count(), 0);
	h_learn(H_PEER_IP, h_peer_mac);
	test_wallclock_ns = 784111777ull * 1000000000ull;
	http_server_stats(&srv, &before);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	peer_free(&peer);
	h_settle();
	return 0;
}

static void test_counter_table(void **state)
{
	(void)state;
	assert_true(uk_counter_table_complete(&http_counter_table));
	assert_int_equal(http_route(&srv, "GET", "/api", api, NULL), -EEXIST);
	assert_int_equal(http_route(&srv, "G T", "/x", api, NULL), -EINVAL);
	assert_int_equal(http_route(&srv, "GET", "x", api, NULL), -EINVAL);
	assert_int_equal(http_server_start(&srv, IPV4_ANY, 80), -EINVAL);
}

static void test_get_index(void **state)
{
	struct resp r;

	(void)state;
	get("GET / HTTP/1.1\r\nHost: x\r\n\r\n", false, &r);
	assert_int_equal(r.status, 200);
	assert_string_equal(hdr(&r, "Content-Type"), "text/html; charset=utf-8");
	assert_string_equal(hdr(&r, "Content-Length"), "35");
	assert_string_equal(hdr(&r, "ETag"), "\"idx1\"");
	assert_string_equal(hdr(&r, "Cache-Control"), "no-cache");
	assert_string_equal(hdr(&r, "Date"), "Sun, 06 Nov 1994 08:49:37 GMT");
	assert_string_equal(hdr(&r, "Accept-Ranges"), "bytes");
	assert_null(hdr(&r, "Vary"));
	assert_null(hdr(&r, "Connection"));
	assert_memory_equal(r.body, "<!doctype html><title>home</title>\n", 35);
	assert_false(peer.fin); /* persistent */
	assert_int_equal(D(requests), 1);
	assert_int_equal(D(responses[HTTP_CLASS_2XX]), 1);
	assert_int_equal(http_conn_count(), 1);
	resp_free(&r);
	/* no wall clock: no Date */
	test_wallclock_ns = 0;
	peer_clear(&peer);
	peer_sends(&peer, "GET /index.html HTTP/1.1\r\nHost: x\r\n\r\n");
	assert_true(read_resp(&peer, 0, false, &r));
	assert_int_equal(r.status, 200);
	assert_null(hdr(&r, "Date"));
	resp_free(&r);
}

static void test_head(void **state)
{
	struct resp r;

	(void)state;
	get("HEAD /style.css HTTP/1.1\r\nHost: x\r\n\r\n", true, &r);
	assert_int_equal(r.status, 200);
	assert_string_equal(hdr(&r, "Content-Length"), "23");
	assert_int_equal(peer.ngot, r.used); /* no body */
	resp_free(&r);
	/* the next request on the connection is read right after */
	peer_clear(&peer);
	peer_sends(&peer, "HEAD /nope HTTP/1.1\r\nHost: x\r\n\r\n");
	assert_true(read_resp(&peer, 0, true, &r));
	assert_int_equal(r.status, 404);
	assert_int_equal(peer.ngot, r.used);
	resp_free(&r);
}

static void test_gzip(void **state)
{
	struct resp r;

	(void)state;
	get("GET /style.css HTTP/1.1\r\nHost: x\r\nAccept-Encoding: br, gzip;q=0.8\r\n\r\n", false,
	    &r);
	assert_int_equal(r.status, 200);
	assert_string_equal(hdr(&r, "Content-Encoding"), "gzip");
	assert_string_equal(hdr(&r, "Vary"), "Accept-Encoding");
	assert_string_equal(hdr(&r, "ETag"), "\"css1-gz\"");
	assert_string_equal(hdr(&r, "Content-Type"), "text/css; charset=utf-8");
	assert_int_equal(r.body_len, 10);
	assert_memory_equal(r.body, "GZIP-BYTES", 10);
	assert_int_equal(D(gzip), 1);
	resp_free(&r);
	peer_clear(&peer);
	peer_sends(&peer,
		   "GET /style.css HTTP/1.1\r\nHost: x\r\nAccept-Encoding: gzip;q=0\r\n\r\n");
	assert_true(read_resp(&peer, 0, false, &r));
	assert_null(hdr(&r, "Content-Encoding"));
	assert_string_equal(hdr(&r, "Vary"), "Accept-Encoding");
	assert_string_equal(hdr(&r, "ETag"), "\"css1\"");
	assert_int_equal(r.body_len, 23);
	resp_free(&r);
}

static void test_not_modified(void **state)
{
	struct resp r;

	(void)state;
	get("GET /index.html HTTP/1.1\r\nHost: x\r\nIf-None-Match: \"zz\", W/\"idx1\"\r\n\r\n",
	    false, &r);
	assert_int_equal(r.status, 304);
	assert_string_equal(hdr(&r, "ETag"), "\"idx1\"");
	assert_null(hdr(&r, "Content-Length"));
	assert_int_equal(peer.ngot, r.used);
	assert_int_equal(D(not_modified), 1);
	resp_free(&r);
	/* the gzip variant's tag is its own */
	peer_clear(&peer);
	peer_sends(&peer, "GET /style.css HTTP/1.1\r\nHost: x\r\nAccept-Encoding: gzip\r\n"
			  "If-None-Match: \"css1\"\r\n\r\n");
	assert_true(read_resp(&peer, 0, false, &r));
	assert_int_equal(r.status, 200);
	resp_free(&r);
}

static void test_range(void **state)
{
	struct resp r;
	char want[64];

	(void)state;
	get("GET /big.bin HTTP/1.1\r\nHost: x\r\nRange: bytes=100-199\r\n\r\n", false, &r);
	assert_int_equal(r.status, 206);
	snprintf(want, sizeof(want), "bytes 100-199/%d", SITE_BIG_LEN);
	assert_string_equal(hdr(&r, "Content-Range"), want);
	assert_int_equal(r.body_len, 100);
	assert_memory_equal(r.body, site_big + 100, 100);
	assert_int_equal(D(partial), 1);
	resp_free(&r);
	peer_clear(&peer);
	peer_sends(&peer, "GET /big.bin HTTP/1.1\r\nHost: x\r\nRange: bytes=999999-\r\n\r\n");
	assert_true(read_resp(&peer, 0, false, &r));
	assert_int_equal(r.status, 416);
	snprintf(want, sizeof(want), "bytes */%d", SITE_BIG_LEN);
	assert_string_equal(hdr(&r, "Content-Range"), want);
	resp_free(&r);
	/* If-Range with another tag: the whole file */
	peer_clear(&peer);
	peer_sends(&peer, "GET /index.html HTTP/1.1\r\nHost: x\r\nRange: bytes=0-1\r\n"
			  "If-Range: \"old\"\r\n\r\n");
	assert_true(read_resp(&peer, 0, false, &r));
	assert_int_equal(r.status, 200);
	assert_int_equal(r.body_len, 35);
	resp_free(&r);
}

static void test_big_file(void **state)
{
	struct resp r;

	(void)state;
	for (size_t i = 0; i < SITE_BIG_LEN; i++)
		site_big[i] = (uint8_t)(i * 7 + i / 1000);
	get("GET /big.bin HTTP/1.1\r\nHost: x\r\n\r\n", false, &r);
	assert_int_equal(r.status, 200);
	assert_int_equal(r.body_len, SITE_BIG_LEN);
	assert_memory_equal(r.body, site_big, SITE_BIG_LEN);
	assert_int_equal(D(body_bytes), SITE_BIG_LEN);
	resp_free(&r);
}

static void test_folders(void **state)
{
	struct resp r;

	(void)state;
	get("GET /docs?x=1 HTTP/1.1\r\nHost: x\r\n\r\n", false, &r);
	assert_int_equal(r.status, 301);
	assert_string_equal(hdr(&r, "Location"), "/docs/?x=1");
	resp_free(&r);
	peer_clear(&peer);
	peer_sends(&peer, "GET /docs/ HTTP/1.1\r\nHost: x\r\n\r\n");
	assert_true(read_resp(&peer, 0, false, &r));
	assert_int_equal(r.status, 200);
	assert_memory_equal(r.body, "<p>docs</p>\n", 12);
	resp_free(&r);
	peer_clear(&peer);
	peer_sends(&peer, "GET /docs/a%20b.txt HTTP/1.1\r\nHost: x\r\n\r\n");
	assert_true(read_resp(&peer, 0, false, &r));
	assert_int_equal(r.status, 200);
	assert_memory_equal(r.body, "spaced\n", 7);
	resp_free(&r);
}

static void test_not_found(void **state)
{
	struct resp r;

	(void)state;
	get("GET /missing HTTP/1.1\r\nHost: x\r\n\r\n", false, &r);
	assert_int_equal(r.status, 404);
	assert_string_equal(hdr(&r, "Content-Type"), "text/html; charset=utf-8");
	assert_memory_equal(r.body, "<p>no such page</p>\n", 20);
	assert_int_equal(D(responses[HTTP_CLASS_4XX]), 1);
	resp_free(&r);
}

/* Dot segments and encodings never leave the site. */
static void test_traversal(void **state)
{
	static const struct {
		const char *target;
		int status;
	} cases[] = {
	    {"/../../index.html", 200},	    {"/%2e%2e/%2e%2e/index.html", 200},
	    {"/docs/..%2findex.html", 200}, {"/../../etc/passwd", 404},
	    {"/index.html%00.txt", 400},    {"/..\\index.html", 400},
	    {"/%5c..%5cindex.html", 400},   {"/a%ZZ", 400},
	};
	char req[128];
	struct resp r;
	size_t i;

	(void)state;
	assert_true(peer_open(&peer));
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		if (peer.fin) {
			peer_free(&peer);
			assert_true(peer_open(&peer));
		}
		peer_clear(&peer);
		snprintf(req, sizeof(req), "GET %s HTTP/1.1\r\nHost: x\r\n\r\n", cases[i].target);
		peer_sends(&peer, req);
		assert_true(read_resp(&peer, 0, false, &r));
		if (r.status != cases[i].status)
			fail_msg("%s: %d, not %d", cases[i].target, r.status, cases[i].status);
		resp_free(&r);
	}
}

static void test_methods(void **state)
{
	struct resp r;

	(void)state;
	get("POST /index.html HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n", false, &r);
	assert_int_equal(r.status, 405);
	assert_string_equal(hdr(&r, "Allow"), "GET, HEAD");
	resp_free(&r);
	peer_clear(&peer);
	peer_sends(&peer, "PUT /api/x HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n");
	assert_true(read_resp(&peer, 0, false, &r));
	assert_int_equal(r.status, 405);
	assert_string_equal(hdr(&r, "Allow"), "GET, HEAD, POST");
	resp_free(&r);
	peer_clear(&peer);
	peer_sends(&peer, "BREW / HTTP/1.1\r\nHost: x\r\n\r\n");
	assert_true(read_resp(&peer, 0, false, &r));
	assert_int_equal(r.status, 501);
	resp_free(&r);
}

static void test_routes(void **state)
{
	struct resp r;

	(void)state;
	get("GET /api/a%20b?q=1 HTTP/1.1\r\nHost: x\r\n\r\n", false, &r);
	assert_int_equal(r.status, 200);
	assert_string_equal(hdr(&r, "X-Api"), "1");
	assert_int_equal(r.body_len, strlen("GET /api/a b ?q=1 v11 body="));
	assert_memory_equal(r.body, "GET /api/a b ?q=1 v11 body=", r.body_len);
	resp_free(&r);
	/* "/api" does not match "/apix": the static files do (404) */
	peer_clear(&peer);
	peer_sends(&peer, "GET /apix HTTP/1.1\r\nHost: x\r\n\r\n");
	assert_true(read_resp(&peer, 0, false, &r));
	assert_int_equal(r.status, 404);
	resp_free(&r);
	/* HEAD goes to the GET route, without the body */
	peer_clear(&peer);
	peer_sends(&peer, "HEAD /api HTTP/1.1\r\nHost: x\r\n\r\n");
	assert_true(read_resp(&peer, 0, true, &r));
	assert_int_equal(r.status, 200);
	assert_int_equal(peer.ngot, r.used);
	resp_free(&r);
	/* a handler that does not respond: 500 */
	peer_clear(&peer);
	peer_sends(&peer, "GET /silent HTTP/1.1\r\nHost: x\r\n\r\n");
	assert_true(read_resp(&peer, 0, false, &r));
	assert_int_equal(r.status, 500);
	assert_int_equal(D(handler_errors), 1);
	resp_free(&r);
}

static void test_bodies(void **state)
{
	struct resp r;

	(void)state;
	get("POST /api HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello", false, &r);
	assert_int_equal(r.status, 200);
	assert_memory_equal(r.body, "POST /api ? v11 body=hello", r.body_len);
	resp_free(&r);
	peer_clear(&peer);
	peer_sends(&peer, "POST /api HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
			  "3\r\nabc\r\n2;x=y\r\nde\r\n0\r\nT: 1\r\n\r\n");
	assert_true(read_resp(&peer, 0, false, &r));
	assert_int_equal(r.status, 200);
	assert_memory_equal(r.body, "POST /api ? v11 body=abcde", r.body_len);
	resp_free(&r);
	/* 100-continue, then the body in its own segment */
	peer_clear(&peer);
	peer_sends(&peer, "POST /api HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\n"
			  "Content-Length: 2\r\n\r\n");
	assert_int_equal(peer.ngot, 25);
	assert_memory_equal(peer.got, "HTTP/1.1 100 Continue\r\n\r\n", 25);
	peer_sends(&peer, "ok");
	assert_true(read_resp(&peer, 25, false, &r));
	assert_int_equal(r.status, 200);
	assert_memory_equal(r.body, "POST /api ? v11 body=ok", r.body_len);
	resp_free(&r);
}

static void test_pipelining(void **state)
{
	struct resp a, b, c;

	(void)state;
	assert_true(peer_open(&peer));
	peer_sends(&peer, "GET /big.bin HTTP/1.1\r\nHost: x\r\n\r\n"
			  "GET /api/2 HTTP/1.1\r\nHost: x\r\n\r\n"
			  "HEAD /index.html HTTP/1.1\r\nHost: x\r\n\r\nGET /api/3 HTTP/1.1\r\n");
	assert_true(read_resp(&peer, 0, false, &a));
	assert_int_equal(a.body_len, SITE_BIG_LEN);
	assert_true(read_resp(&peer, a.used, false, &b));
	assert_memory_equal(b.body, "GET /api/2 ", 11);
	assert_true(read_resp(&peer, a.used + b.used, true, &c));
	assert_int_equal(c.status, 200);
	assert_int_equal(peer.ngot, a.used + b.used + c.used);
	resp_free(&a);
	resp_free(&b);
	resp_free(&c);
	/* the rest of the fourth */
	peer_clear(&peer);
	peer_sends(&peer, "Host: x\r\n\r\n");
	assert_true(read_resp(&peer, 0, false, &a));
	assert_memory_equal(a.body, "GET /api/3 ", 11);
	resp_free(&a);
	assert_int_equal(D(requests), 4);
}

static void test_http10(void **state)
{
	struct resp r;

	(void)state;
	get("GET /index.html HTTP/1.0\r\n\r\n", false, &r);
	assert_int_equal(r.status, 200);
	assert_string_equal(hdr(&r, "Connection"), "close");
	assert_true(peer.fin);
	resp_free(&r);
	peer_free(&peer);
	get("GET /index.html HTTP/1.0\r\nConnection: keep-alive\r\n\r\n", false, &r);
	assert_string_equal(hdr(&r, "Connection"), "keep-alive");
	assert_false(peer.fin);
	resp_free(&r);
	/* a stream of unknown length to HTTP/1.0: delimited by the close */
	peer_clear(&peer);
	peer_sends(&peer, "GET /stream HTTP/1.0\r\n\r\n");
	assert_true(peer.fin);
	assert_true(read_resp(&peer, 0, false, &r));
	assert_null(hdr(&r, "Transfer-Encoding"));
	assert_int_equal(r.body_len, 2000000);
	resp_free(&r);
}

static void test_connection_close(void **state)
{
	struct resp r;

	(void)state;
	get("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\nGET / HTTP/1.1\r\n\r\n", false,
	    &r);
	assert_int_equal(r.status, 200);
	assert_string_equal(hdr(&r, "Connection"), "close");
	assert_true(peer.fin);
	assert_int_equal(peer.ngot, r.used); /* the second was not answered */
	assert_int_equal(http_conn_count(), 0);
	resp_free(&r);
	/* the peer's FIN after a request: answered, then closed */
	peer_free(&peer);
	assert_true(peer_open(&peer));
	peer_sends(&peer, "GET / HTTP/1.1\r\nHost: x\r\n\r\n");
	peer_fin(&peer);
	assert_true(peer.fin);
	assert_int_equal(http_conn_count(), 0);
}

static void expect_error(const char *req, int status)
{
	struct resp r;

	get(req, false, &r);
	if (r.status != status)
		fail_msg("%d, not %d, for %s", r.status, status, req);
	assert_string_equal(hdr(&r, "Connection"), "close");
	assert_true(peer.fin);
	resp_free(&r);
	peer_free(&peer);
}

static void test_errors(void **state)
{
	char req[700];

	(void)state;
	expect_error("GET / HTTP/1.1\r\n\r\n", 400);
	expect_error("GET / HTTP/1.1\r\nHost: x\r\nBad Header: y\r\n\r\n", 400);
	expect_error("GET / HTTP/2.0\r\n\r\n", 505);
	expect_error("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\n", 501);
	expect_error("POST /api HTTP/1.1\r\nHost: x\r\nContent-Length: 1025\r\n\r\n", 413);
	expect_error("POST /api HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
		     "401\r\n",
		     413);
	memset(req, 'a', sizeof(req));
	memcpy(req, "GET /", 5);
	req[200] = 0;
	expect_error(req, 414);
	expect_error("GET / HTTP/1.1\r\nHost: x\r\nA: 1\r\nA: 2\r\nA: 3\r\nA: 4\r\nA: 5\r\nA: 6\r\n"
		     "A: 7\r\nA: 8\r\n\r\n",
		     431);
	snprintf(req, sizeof(req), "GET / HTTP/1.1\r\nHost: x\r\nA: %0600d\r\n\r\n", 0);
	expect_error(req, 431);
	expect_error("\r\n\r\n\r\n\r\n\r\n", 400);
	assert_int_equal(D(parse_errors), 3);
	assert_int_equal(D(not_implemented), 2);
	assert_int_equal(D(body_too_big), 2);
	assert_int_equal(D(line_too_long), 1);
	assert_int_equal(D(headers_too_big), 2);
	assert_int_equal(http_conn_count(), 0);
}

static void test_stream(void **state)
{
	struct resp r;

	(void)state;
	assert_true(peer_open(&peer));
	/* a small window: the producer waits for room, again and again */
	peer.wnd = 4000;
	peer_sends(&peer, "GET /stream HTTP/1.1\r\nHost: x\r\n\r\n");
	assert_true(read_resp(&peer, 0, false, &r));
	assert_string_equal(hdr(&r, "Transfer-Encoding"), "chunked");
	assert_int_equal(r.body_len, 2000000);
	assert_true(stream_calls > 100);
	assert_int_equal(peer.ngot, r.used);
	resp_free(&r);
	peer_clear(&peer);
	peer.wnd = 65535;
	peer_sends(&peer, "GET /stream/len HTTP/1.1\r\nHost: x\r\n\r\n");
	assert_true(read_resp(&peer, 0, false, &r));
	assert_string_equal(hdr(&r, "Content-Length"), "2000000");
	assert_int_equal(r.body_len, 2000000);
	resp_free(&r);
}

/* A client that sends its head a byte a second is cut off. */
static void test_slow_header(void **state)
{
	const char *req = "GET / HTTP/1.1\r\nHost: x\r\nX-Slow: aaaaaaaaaaaaaaaaaaaaaaaa\r\n\r\n";
	size_t i;

	(void)state;
	assert_true(peer_open(&peer));
	for (i = 0; req[i] && !peer.rst; i++) {
		peer_send(&peer, req + i, 1);
		sched_run_for(SCHED_NS_PER_S);
		peer_take(&peer);
	}
	assert_true(peer.rst);
	assert_true(i <= 12);
	assert_int_equal(peer.ngot, 0);
	assert_int_equal(D(header_timeouts), 1);
	assert_int_equal(http_conn_count(), 0);
	assert_int_equal(D(conns_active), 0);
}

static void test_idle(void **state)
{
	(void)state;
	assert_true(peer_open(&peer));
	sched_run_for(29 * SCHED_NS_PER_S);
	peer_take(&peer);
	assert_false(peer.fin);
	sched_run_for(2 * SCHED_NS_PER_S);
	peer_take(&peer);
	assert_true(peer.fin);
	assert_false(peer.rst);
	assert_int_equal(D(idle_timeouts), 1);
	assert_int_equal(http_conn_count(), 0);
}

static void test_pool_full(void **state)
{
	struct peer more[3];
	size_t i;

	(void)state;
	for (i = 0; i < 3; i++)
		if (!peer_open(&more[i]))
			fail_msg("peer %zu: rst %d ack %u", i, more[i].rst, more[i].ack);
	assert_int_equal(http_conn_count(), 3);
	assert_true(peer_open(&peer));
	assert_true(peer.fin);
	assert_memory_equal(peer.got, "HTTP/1.1 503 ", 13);
	assert_int_equal(D(conns_rejected), 1);
	assert_int_equal(D(conns_accepted), 3);
	for (i = 0; i < 3; i++)
		peer_free(&more[i]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_counter_table, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_get_index, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_head, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_gzip, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_not_modified, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_range, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_big_file, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_folders, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_not_found, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_traversal, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_methods, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_routes, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_bodies, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_pipelining, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_http10, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_connection_close, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_errors, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_stream, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_slow_header, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_idle, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_pool_full, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
