/* The client's response parser alone: heads, framing, chunked bodies with
 * extensions and trailers, interim responses, the limits, and every
 * response fed whole, a byte at a time and split at every byte boundary
 * with the same outcome. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "client_priv.h"

/* What a parse produced. */
struct out {
	int heads, status;
	bool keep_alive, chunked;
	int64_t length;
	char server[64];
	uint8_t body[4096];
	size_t body_len;
	enum hc_state state;
	enum hc_error error;
	size_t used;
};

static struct hc_parser parser;

static void on_head(void *arg, const struct http_response *r)
{
	struct out *o = arg;
	const char *s = http_response_header(r, "server");

	o->heads++;
	o->status = r->status;
	o->keep_alive = r->keep_alive;
	o->chunked = r->chunked;
	o->length = r->length;
	snprintf(o->server, sizeof(o->server), "%s", s ? s : "-");
}

static void on_body(void *arg, const void *d, size_t n)
{
	struct out *o = arg;

	assert_true(n > 0);
	assert_true(o->body_len + n <= sizeof(o->body));
	memcpy(o->body + o->body_len, d, n);
	o->body_len += n;
}

/* Feeds s in pieces cut at the offsets in cuts (ncuts of them), then the
 * end of the connection when eof. */
static void run(const char *s, size_t len, bool head, const size_t *cuts, size_t ncuts, bool eof,
		struct out *o)
{
	size_t from = 0, k;

	memset(o, 0, sizeof(*o));
	hc_parser_start(&parser, head);
	parser.on_head = on_head;
	parser.on_body = on_body;
	parser.arg = o;
	for (k = 0; k <= ncuts; k++) {
		size_t to = k < ncuts ? cuts[k] : len, used;

		used = hc_parser_feed(&parser, (const uint8_t *)s + from, to - from);
		o->used += used;
		if (parser.state == HC_DONE || parser.state == HC_FAILED)
			break;
		assert_int_equal(used, to - from);
		from = to;
	}
	if (eof && parser.state != HC_DONE && parser.state != HC_FAILED)
		hc_parser_eof(&parser);
	o->state = parser.state;
	o->error = parser.error;
}

static void same(const struct out *a, const struct out *b)
{
	assert_int_equal(a->heads, b->heads);
	assert_int_equal(a->status, b->status);
	assert_int_equal(a->keep_alive, b->keep_alive);
	assert_int_equal(a->length, b->length);
	assert_string_equal(a->server, b->server);
	assert_int_equal(a->body_len, b->body_len);
	assert_memory_equal(a->body, b->body, a->body_len);
	assert_int_equal(a->state, b->state);
	assert_int_equal(a->error, b->error);
	if (a->state == HC_DONE)
		assert_int_equal(a->used, b->used); /* after a failure, nothing counts */
}

/* Parses s whole, and checks that every split in two and a byte at a time
 * give the same. Returns the whole parse in o. */
static void parse(const char *s, bool head, bool eof, struct out *o)
{
	static struct out p;
	static size_t cuts[8192];
	size_t len = strlen(s), i;

	assert_true(len < 8192);
	run(s, len, head, NULL, 0, eof, o);
	for (i = 1; i < len; i++) {
		run(s, len, head, &i, 1, eof, &p);
		same(o, &p);
	}
	for (i = 1; i < len; i++)
		cuts[i - 1] = i;
	run(s, len, head, cuts, len ? len - 1 : 0, eof, &p);
	same(o, &p);
}

static void ok(const char *s, bool head, bool eof, int status, const char *body, struct out *o)
{
	parse(s, head, eof, o);
	assert_int_equal(o->state, HC_DONE);
	assert_int_equal(o->heads, 1);
	assert_int_equal(o->status, status);
	assert_int_equal(o->body_len, strlen(body));
	assert_memory_equal(o->body, body, o->body_len);
}

static void bad(const char *s, enum hc_error e)
{
	struct out o;

	parse(s, false, true, &o);
	assert_int_equal(o.state, HC_FAILED);
	assert_int_equal(o.error, e);
}

static void test_length(void **state)
{
	struct out o;
	const char *r = "HTTP/1.1 200 OK\r\nServer: nginx\r\nContent-Length: 5\r\n\r\nhello";

	(void)state;
	ok(r, false, false, 200, "hello", &o);
	assert_true(o.keep_alive);
	assert_int_equal(o.length, 5);
	assert_string_equal(o.server, "nginx");
	assert_int_equal(o.used, strlen(r));
	/* what follows the response is not taken */
	parse("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nhiHTTP/1.1", false, false, &o);
	assert_int_equal(o.state, HC_DONE);
	assert_int_equal(o.used, 40);
	/* a bare LF ends lines too; trailing whitespace of values goes */
	ok("HTTP/1.1 404 Not Found\nServer:  x y \t\nContent-Length: 0\n\n", false, false, 404, "",
	   &o);
	assert_string_equal(o.server, "x y");
	/* an empty reason, even without its SP; repeated equal lengths */
	ok("HTTP/1.1 200 \r\nContent-Length: 1\r\ncontent-length: 1\r\n\r\nx", false, false, 200,
	   "x", &o);
	ok("HTTP/1.1 200\r\nContent-Length: 1\r\n\r\nx", false, false, 200, "x", &o);
}

static void test_chunked(void **state)
{
	struct out o;

	(void)state;
	ok("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
	   "5\r\nhello\r\n1;name=value;x=\"q d\"\r\n,\r\nA \t; ext\r\n world 123\r\n"
	   "0\r\nExpires: never\r\nX-T: 1\r\n\r\n",
	   false, false, 200, "hello, world 123", &o);
	assert_true(o.chunked);
	assert_int_equal(o.length, -1);
	assert_true(o.keep_alive);
	/* upper-case hex, leading zeros, bare LFs, no trailers */
	ok("HTTP/1.1 200 OK\r\nTransfer-Encoding: "
	   "Chunked\r\n\r\n00000000000000B\nabcdefghijk\n0\n\n",
	   false, false, 200, "abcdefghijk", &o);
	/* bad sizes and lines */
	bad("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", HC_MALFORMED);
	bad("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n-1\r\n", HC_MALFORMED);
	bad("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n\r\n", HC_MALFORMED);
	bad("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n;x\r\n", HC_MALFORMED);
	bad("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5x\r\n", HC_MALFORMED);
	bad("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0x5\r\n", HC_MALFORMED);
	bad("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n10000000000000000\r\n",
	    HC_MALFORMED);
	bad("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabc\r\n", HC_MALFORMED);
	bad("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\rab\r\n", HC_MALFORMED);
	bad("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1\r\na\r\n0\r\n folded\r\n\r\n",
	    HC_MALFORMED);
	bad("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1;a\001\r\n", HC_MALFORMED);
	/* the end of the connection inside a chunk */
	bad("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhel", HC_TRUNCATED);
	bad("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n", HC_TRUNCATED);
}

static void test_no_body(void **state)
{
	struct out o;

	(void)state;
	ok("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n", true, false, 200, "", &o);
	ok("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n", true, false, 200, "", &o);
	ok("HTTP/1.1 204 No Content\r\nContent-Length: 9\r\n\r\n", false, false, 204, "", &o);
	ok("HTTP/1.1 304 Not Modified\r\nETag: \"x\"\r\n\r\n", false, false, 304, "", &o);
	assert_true(o.keep_alive);
	ok("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n", false, false, 200, "", &o);
}

static void test_until_close(void **state)
{
	struct out o;

	(void)state;
	ok("HTTP/1.0 200 OK\r\nServer: old\r\n\r\nall of it\r\n", false, true, 200, "all of it\r\n",
	   &o);
	assert_false(o.keep_alive);
	assert_int_equal(o.length, -1);
	ok("HTTP/1.1 200 OK\r\n\r\n", false, true, 200, "", &o);
	bad("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort", HC_TRUNCATED);
	bad("HTTP/1.1 200 OK\r\nContent-", HC_TRUNCATED);
}

static void test_persistence(void **state)
{
	struct out o;

	(void)state;
	ok("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 0\r\n\r\n", false, false, 200,
	   "", &o);
	assert_false(o.keep_alive);
	ok("HTTP/1.1 200 OK\r\nConnection: foo, Close\r\nContent-Length: 0\r\n\r\n", false, false,
	   200, "", &o);
	assert_false(o.keep_alive);
	ok("HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n", false, false, 200, "", &o);
	assert_false(o.keep_alive);
	ok("HTTP/1.0 200 OK\r\nConnection: keep-alive\r\nContent-Length: 0\r\n\r\n", false, false,
	   200, "", &o);
	assert_true(o.keep_alive);
}

static void test_interim(void **state)
{
	struct out o;
	static char many[4096];
	int i;

	(void)state;
	ok("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a.css>\r\n\r\n"
	   "HTTP/1.1 200 OK\r\nServer: s\r\nContent-Length: 2\r\n\r\nok",
	   false, false, 200, "ok", &o);
	assert_string_equal(o.server, "s");
	assert_int_equal(parser.interim, 2);
	bad("HTTP/1.1 101 Switching Protocols\r\nUpgrade: h2c\r\n\r\n", HC_MALFORMED);
	for (i = 0; i <= HC_MAX_INTERIM; i++)
		strcat(many, "HTTP/1.1 100 Continue\r\n\r\n");
	bad(many, HC_TOO_BIG);
}

static void test_malformed(void **state)
{
	static const char *const heads[] = {
	    "HTTP/2.0 200 OK\r\n\r\n",
	    "TTP/1.1 200 OK\r\n\r\n",
	    "http/1.1 200 OK\r\n\r\n",
	    "HTTP/1.1  200 OK\r\n\r\n",
	    "HTTP/1.1 20 OK\r\n\r\n",
	    "HTTP/1.1 2000 OK\r\n\r\n",
	    "HTTP/1.1 099 Low\r\n\r\n",
	    "HTTP/1.1 600 High\r\n\r\n",
	    "HTTP/1.1 200 O\001K\r\n\r\n",
	    "HTTP/1.1 200 OK\r\r\n\r\n",
	    "\r\nHTTP/1.1 200 OK\r\n\r\n",
	    "HTTP/1.1 200 OK\r\nServer : x\r\n\r\n",
	    "HTTP/1.1 200 OK\r\n: x\r\n\r\n",
	    "HTTP/1.1 200 OK\r\nServer: x\r\n folded\r\n\r\n",
	    "HTTP/1.1 200 OK\r\nSe(rver: x\r\n\r\n",
	    "HTTP/1.1 200 OK\r\nServer: a\rb\r\n\r\n",
	    "HTTP/1.1 200 OK\r\nServer: a\177\r\n\r\n",
	    "HTTP/1.1 200 OK\r\nNo colon\r\n\r\n",
	    "HTTP/1.1 200 OK\r\nContent-Length: 1x\r\n\r\n",
	    "HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n",
	    "HTTP/1.1 200 OK\r\nContent-Length: \r\n\r\n",
	    "HTTP/1.1 200 OK\r\nContent-Length: 1, 1\r\n\r\n",
	    "HTTP/1.1 200 OK\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n",
	    "HTTP/1.1 200 OK\r\nContent-Length: 1234567890123456789\r\n\r\n",
	    "HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\n\r\n",
	    "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n",
	    "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n",
	    "HTTP/1.0 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n",
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(heads) / sizeof(heads[0]); i++) {
		print_message("%s", heads[i]);
		bad(heads[i], HC_MALFORMED);
	}
	/* a NUL byte in a value (strlen cannot carry it) */
	{
		static const char r[] = "HTTP/1.1 200 OK\r\nServer: a\0b\r\n\r\n";
		struct out o;

		run(r, sizeof(r) - 1, false, NULL, 0, true, &o);
		assert_int_equal(o.state, HC_FAILED);
		assert_int_equal(o.error, HC_MALFORMED);
	}
}

/* A response of the status line, n fields "X-n: v" and the end. */
static char *head_with(size_t line, unsigned n, size_t value)
{
	char *s = malloc(line + n * (value + 16) + 64), *p = s;
	unsigned i;

	p += sprintf(p, "HTTP/1.1 200 ");
	while ((size_t)(p - s) < line - 2)
		*p++ = 'r';
	p += sprintf(p, "\r\n");
	for (i = 0; i < n; i++) {
		p += sprintf(p, "X-%u: ", i);
		memset(p, 'v', value);
		p += value;
		p += sprintf(p, "\r\n");
	}
	sprintf(p, "Content-Length: 0\r\n\r\n");
	return s;
}

/* s = a, then n bytes c, then b. */
static void fill(char *s, const char *a, char c, size_t n, const char *b)
{
	size_t k = strlen(a);

	memcpy(s, a, k);
	memset(s + k, c, n);
	strcpy(s + k + n, b);
}

static void test_limits(void **state)
{
	struct out o;
	char *s;

	(void)state;
	/* the status line at its limit, then one byte over */
	s = head_with(CONFIG_HTTP_CLIENT_MAX_STATUS_LINE, 0, 0);
	ok(s, false, false, 200, "", &o);
	free(s);
	s = head_with(CONFIG_HTTP_CLIENT_MAX_STATUS_LINE + 1, 0, 0);
	bad(s, HC_TOO_BIG);
	free(s);
	/* the field count: all of them, then one more */
	s = head_with(20, CONFIG_HTTP_CLIENT_MAX_HEADERS - 1, 1);
	ok(s, false, false, 200, "", &o);
	free(s);
	s = head_with(20, CONFIG_HTTP_CLIENT_MAX_HEADERS, 1);
	bad(s, HC_TOO_BIG);
	free(s);
	/* the header bytes */
	s = head_with(20, 1, CONFIG_HTTP_CLIENT_MAX_HEADER_BYTES);
	bad(s, HC_TOO_BIG);
	free(s);
	/* a chunk's extensions, a trailer section */
	s = malloc(2 * CONFIG_HTTP_CLIENT_MAX_HEADER_BYTES + 200);
	fill(s, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1;", 'e',
	     CONFIG_HTTP_CLIENT_MAX_HEADER_BYTES + 1, "\r\nx\r\n0\r\n\r\n");
	bad(s, HC_TOO_BIG);
	fill(s, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1;", 'e',
	     CONFIG_HTTP_CLIENT_MAX_HEADER_BYTES, "\r\nx\r\n0\r\n\r\n");
	ok(s, false, false, 200, "x", &o);
	fill(s, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0\r\nT: ", 't',
	     CONFIG_HTTP_CLIENT_MAX_HEADER_BYTES, "\r\n\r\n");
	bad(s, HC_TOO_BIG);
	free(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_length),	cmocka_unit_test(test_chunked),
	    cmocka_unit_test(test_no_body),	cmocka_unit_test(test_until_close),
	    cmocka_unit_test(test_persistence), cmocka_unit_test(test_interim),
	    cmocka_unit_test(test_malformed),	cmocka_unit_test(test_limits),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
