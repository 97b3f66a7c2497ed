/* http's parsers alone: request heads (RFC 9112 2-6), the chunked coding
 * (7.1), targets and their normalisation, IMF-fixdate, Accept-Encoding,
 * If-None-Match and Range. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "http.h"

static struct http_head head;
static char buf[4096];

static int parse(const char *s)
{
	size_t n = strlen(s);

	assert_true(n < sizeof(buf));
	memcpy(buf, s, n + 1);
	return http_parse_head(buf, n, &head);
}

static void test_request_line(void **state)
{
	(void)state;
	assert_int_equal(parse("GET /a?b=c HTTP/1.1\r\nHost: x\r\n\r\n"), 0);
	assert_string_equal(head.method, "GET");
	assert_string_equal(head.target, "/a?b=c");
	assert_int_equal(head.target_len, 6);
	assert_int_equal(head.version, 11);
	assert_false(head.close);
	assert_int_equal(head.framing, HTTP_BODY_NONE);
	/* bare LF ends lines too (RFC 9112 2.2) */
	assert_int_equal(parse("GET / HTTP/1.0\n\n"), 0);
	assert_int_equal(head.version, 10);
	assert_true(head.close);
	/* a later minor version is served as 1.1; another major is 505 */
	assert_int_equal(parse("GET / HTTP/1.7\r\nHost: x\r\n\r\n"), 0);
	assert_int_equal(head.version, 11);
	assert_int_equal(parse("GET / HTTP/2.0\r\n\r\n"), 505);
	assert_int_equal(parse("GET / HTTP/1.1 \r\nHost: x\r\n\r\n"), 400);
	assert_int_equal(parse("GET  / HTTP/1.1\r\nHost: x\r\n\r\n"), 400);
	assert_int_equal(parse("GET / http/1.1\r\nHost: x\r\n\r\n"), 400);
	assert_int_equal(parse("G(T / HTTP/1.1\r\nHost: x\r\n\r\n"), 400);
	assert_int_equal(parse("GET /\x01 HTTP/1.1\r\nHost: x\r\n\r\n"), 400);
	assert_int_equal(parse("GET /\xc3\xa9 HTTP/1.1\r\nHost: x\r\n\r\n"), 400);
	assert_int_equal(parse("GET / HTTP/1.1\rX\nHost: x\r\n\r\n"), 400);
	assert_int_equal(parse("GET /\r\n\r\n"), 400); /* HTTP/0.9 */
}

static void test_fields(void **state)
{
	(void)state;
	assert_int_equal(parse("GET / HTTP/1.1\r\nHost: x\r\nAccept:  a, b \t\r\nX-E:\r\n\r\n"), 0);
	assert_int_equal(head.nfields, 3);
	assert_string_equal(http_head_field(&head, "accept"), "a, b");
	assert_string_equal(http_head_field(&head, "X-E"), "");
	assert_null(http_head_field(&head, "Nope"));
	/* RFC 9112 5.1: no whitespace before the colon; 5.2: no folding */
	assert_int_equal(parse("GET / HTTP/1.1\r\nHost : x\r\n\r\n"), 400);
	assert_int_equal(parse("GET / HTTP/1.1\r\nHost: x\r\nA: b\r\n c\r\n\r\n"), 400);
	assert_int_equal(parse("GET / HTTP/1.1\r\nHost: x\r\n: b\r\n\r\n"), 400);
	assert_int_equal(parse("GET / HTTP/1.1\r\nHost: x\r\nNoColon\r\n\r\n"), 400);
	memcpy(buf, "GET / HTTP/1.1\r\nHost: x\r\nA: b\x7f\r\n\r\n", 34);
	assert_int_equal(http_parse_head(buf, 34, &head), 400);
	memcpy(buf, "GET / HTTP/1.1\r\nHost: x\r\nA: \0\r\n\r\n", 32);
	assert_int_equal(http_parse_head(buf, 32, &head), 400);
	/* CONFIG_HTTP_MAX_HEADERS (8 in the tests) */
	assert_int_equal(
	    parse("GET / HTTP/1.1\r\nHost: x\r\nA: 1\r\nA: 2\r\nA: 3\r\nA: 4\r\nA: 5\r\n"
		  "A: 6\r\nA: 7\r\n\r\n"),
	    0);
	assert_int_equal(
	    parse("GET / HTTP/1.1\r\nHost: x\r\nA: 1\r\nA: 2\r\nA: 3\r\nA: 4\r\nA: 5\r\n"
		  "A: 6\r\nA: 7\r\nA: 8\r\n\r\n"),
	    431);
}

static void test_host(void **state)
{
	(void)state;
	/* RFC 9112 3.2: exactly one Host in HTTP/1.1 */
	assert_int_equal(parse("GET / HTTP/1.1\r\n\r\n"), 400);
	assert_int_equal(parse("GET / HTTP/1.1\r\nHost: a\r\nHost: a\r\n\r\n"), 400);
	assert_int_equal(parse("GET / HTTP/1.1\r\nHost: a b\r\n\r\n"), 400);
	assert_int_equal(parse("GET / HTTP/1.1\r\nHost: [::1]:80\r\n\r\n"), 0);
	assert_int_equal(parse("GET / HTTP/1.1\r\nHost:\r\n\r\n"), 0);
	assert_int_equal(parse("GET / HTTP/1.0\r\n\r\n"), 0);
}

static void test_framing(void **state)
{
	(void)state;
	assert_int_equal(parse("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 12\r\n\r\n"), 0);
	assert_int_equal(head.framing, HTTP_BODY_LENGTH);
	assert_int_equal(head.content_length, 12);
	assert_int_equal(parse("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n"), 0);
	assert_int_equal(head.framing, HTTP_BODY_NONE);
	assert_int_equal(
	    parse(
		"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5, 5\r\nContent-Length: 5\r\n\r\n"),
	    0);
	assert_int_equal(head.content_length, 5);
	assert_int_equal(
	    parse("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\n"),
	    400);
	assert_int_equal(parse("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n"), 400);
	assert_int_equal(parse("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 0x10\r\n\r\n"), 400);
	assert_int_equal(parse("POST / HTTP/1.1\r\nHost: x\r\nContent-Length:\r\n\r\n"), 400);
	assert_int_equal(parse("POST / HTTP/1.1\r\nHost: x\r\n"
			       "Content-Length: 99999999999999999999999\r\n\r\n"),
			 400);
	/* CONFIG_HTTP_MAX_BODY (1024 in the tests) */
	assert_int_equal(parse("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1024\r\n\r\n"), 0);
	assert_int_equal(parse("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1025\r\n\r\n"), 413);
	assert_int_equal(parse("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"),
			 0);
	assert_int_equal(head.framing, HTTP_BODY_CHUNKED);
	assert_int_equal(parse("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: Chunked\r\n\r\n"),
			 0);
	/* RFC 9112 6.1, 6.3 */
	assert_int_equal(parse("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n"
			       "Content-Length: 3\r\n\r\n"),
			 400);
	assert_int_equal(parse("POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n"), 400);
	assert_int_equal(
	    parse("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked, chunked\r\n\r\n"),
	    400);
	assert_int_equal(parse("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\n"),
			 501);
	assert_int_equal(
	    parse("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip, chunked\r\n\r\n"), 501);
	assert_int_equal(parse("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: ,\r\n\r\n"), 0);
	assert_int_equal(parse("POST / HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\n"
			       "Content-Length: 3\r\n\r\n"),
			 0);
	assert_true(head.expect_continue);
	assert_int_equal(parse("POST / HTTP/1.1\r\nHost: x\r\nExpect: tea\r\n\r\n"), 417);
}

static void test_persistence(void **state)
{
	(void)state;
	assert_int_equal(parse("GET / HTTP/1.1\r\nHost: x\r\nConnection: Close\r\n\r\n"), 0);
	assert_true(head.close);
	assert_int_equal(parse("GET / HTTP/1.1\r\nHost: x\r\nConnection: keep-alive\r\n\r\n"), 0);
	assert_false(head.close);
	assert_false(head.keep_alive_10);
	assert_int_equal(parse("GET / HTTP/1.0\r\nConnection: foo, Keep-Alive\r\n\r\n"), 0);
	assert_false(head.close);
	assert_true(head.keep_alive_10);
	assert_int_equal(parse("GET / HTTP/1.0\r\n\r\n"), 0);
	assert_true(head.close);
}

static int chunked(const char *in, size_t step, char *out, size_t *out_len, size_t *used)
{
	struct http_chunked c;
	size_t n = strlen(in), i = 0;
	int st = 0;
	bool done = false;

	http_chunked_init(&c, HTTP_MAX_CHUNK_EXT, CONFIG_HTTP_MAX_HEADER_BYTES);
	*out_len = 0;
	while (i < n && !done && !st) {
		size_t k = n - i < step ? n - i : step;

		i += http_chunked_body(&c, (const uint8_t *)in + i, k, (uint8_t *)out, out_len, 32,
				       &st, &done);
	}
	*used = i;
	if (st)
		return st;
	return done ? 0 : -1;
}

static void test_chunked(void **state)
{
	static const char ok[] = "4\r\nWiki\r\n5;ext=\"x\"\r\npedia\r\nE\r\n in\r\n\r\nchunks.\r\n"
				 "0\r\nTrailer: x\r\n\r\nGET";
	char out[32];
	size_t len, used, step;

	(void)state;
	/* the same, whatever the pieces it arrives in */
	for (step = 1; step < sizeof(ok); step++) {
		assert_int_equal(chunked(ok, step, out, &len, &used), 0);
		assert_int_equal(len, 23);
		assert_memory_equal(out, "Wikipedia in\r\n\r\nchunks.", 23);
		assert_int_equal(used, sizeof(ok) - 4); /* "GET" is the next request */
	}
	assert_int_equal(chunked("0\r\n\r\n", 1, out, &len, &used), 0);
	assert_int_equal(len, 0);
	assert_int_equal(chunked("1\nA\n0\n\n", 3, out, &len, &used), 0);
	assert_int_equal(len, 1);
	assert_int_equal(chunked("3\r\nabc", 2, out, &len, &used), -1);
	assert_int_equal(chunked("g\r\n", 1, out, &len, &used), 400);
	assert_int_equal(chunked("\r\n", 1, out, &len, &used), 400);
	assert_int_equal(chunked("3\r\nabcX\r\n", 1, out, &len, &used), 400);
	assert_int_equal(chunked("1\r\na\r\n0\r\nBad\x01\r\n\r\n", 1, out, &len, &used), 400);
	assert_int_equal(chunked("1\r\n\x00", 9, out, &len, &used), -1);
	/* the cap (32 here) and sizes beyond any body */
	assert_int_equal(chunked("21\r\n", 4, out, &len, &used), 413);
	assert_int_equal(chunked("10\r\n0123456789abcdef\r\n11\r\n", 100, out, &len, &used), 413);
	assert_int_equal(chunked("ffffffffffffffffff\r\n", 100, out, &len, &used), 413);
	/* 413 is decided when the size line ends, not before */
	assert_int_equal(chunked("21", 1, out, &len, &used), -1);
	assert_int_equal(chunked("21;x", 1, out, &len, &used), -1);
	/* a size's leading zeros are its digits too (1*HEXDIG) */
	assert_int_equal(chunked("000000000000000000001\r\nA\r\n0\r\n\r\n", 5, out, &len, &used),
			 0);
	assert_int_equal(len, 1);
	/* no obs-fold in trailers, as in heads */
	assert_int_equal(chunked("1\r\na\r\n0\r\nT: 1\r\n folded\r\n\r\n", 1, out, &len, &used),
			 400);
}

/* A size line's extensions and the trailer section, at their limits. */
static void test_chunked_limits(void **state)
{
	static char in[2 * CONFIG_HTTP_MAX_HEADER_BYTES];
	char out[32];
	size_t len, used;

	(void)state;
	snprintf(in, sizeof(in), "1;%0*d\r\na\r\n0\r\n\r\n", HTTP_MAX_CHUNK_EXT, 0);
	assert_int_equal(chunked(in, 7, out, &len, &used), 0);
	snprintf(in, sizeof(in), "1;%0*d\r\na\r\n0\r\n\r\n", HTTP_MAX_CHUNK_EXT + 1, 0);
	assert_int_equal(chunked(in, 7, out, &len, &used), 400);
	/* the trailer section's bytes: its lines and their ends, the last
	 * empty line's included */
	snprintf(in, sizeof(in), "0\r\nT: %0*d\r\n\r\n", CONFIG_HTTP_MAX_HEADER_BYTES - 7, 0);
	assert_int_equal(chunked(in, 7, out, &len, &used), 0);
	snprintf(in, sizeof(in), "0\r\nT: %0*d\r\n\r\n", CONFIG_HTTP_MAX_HEADER_BYTES - 6, 0);
	assert_int_equal(chunked(in, 7, out, &len, &used), 431);
}

static int target(const char *t, char *out)
{
	const char *q;
	size_t n;
	int r = http_target_path(t, strlen(t), out, 64, &n, &q);

	if (!r)
		assert_int_equal(n, strlen(out));
	return r;
}

static void test_target(void **state)
{
	static const struct {
		const char *in, *out;
	} ok[] = {
	    {"/", "/"},
	    {"/a/b", "/a/b"},
	    {"/a/b/", "/a/b/"},
	    {"/a/./b", "/a/b"},
	    {"/a/../b", "/b"},
	    {"/../../etc/passwd", "/etc/passwd"},
	    {"/a/..", "/"},
	    {"/a/.", "/a/"},
	    {"/a//b///c", "/a/b/c"},
	    {"/%2e%2e/%2E%2E/x", "/x"},
	    {"/a/%2e%2e%2f%2e%2e%2fsecret", "/secret"},
	    {"/..%2f..%2fx", "/x"},
	    {"/a%20b", "/a b"},
	    {"/caf%C3%A9", "/caf\xc3\xa9"},
	    {"/.hidden/..", "/"},
	    {"/...", "/..."},
	    {"/a/b/../../../..", "/"},
	    {"http://example.com/x/../y?z", "/y"},
	    {"HTTPS://example.com", "/"},
	    {"http://example.com?q", "/"},
	};
	char out[64];
	const char *q;
	size_t i, n;

	(void)state;
	for (i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
		assert_int_equal(target(ok[i].in, out), 0);
		assert_string_equal(out, ok[i].out);
	}
	assert_int_equal(http_target_path("/a?x=%2e&y", 10, out, 64, &n, &q), 0);
	assert_string_equal(q, "x=%2e&y");
	assert_int_equal(http_target_path("/a", 2, out, 64, &n, &q), 0);
	assert_string_equal(q, "");
	assert_int_equal(target("/a%00b", out), 400);
	assert_int_equal(target("/a\\b", out), 400);
	assert_int_equal(target("/a%5cb", out), 400);
	assert_int_equal(target("/a%5C..%5Cb", out), 400);
	assert_int_equal(target("/a%0ab", out), 400);
	assert_int_equal(target("/a%", out), 400);
	assert_int_equal(target("/a%4", out), 400);
	assert_int_equal(target("/a%zz", out), 400);
	assert_int_equal(target("/a#frag", out), 400);
	assert_int_equal(target("*", out), 400);
	assert_int_equal(target("example.com:80", out), 400);
	assert_int_equal(target("ftp://x/y", out), 400);
	assert_int_equal(
	    target("/0123456789012345678901234567890123456789012345678901234567890123", out), 414);
}

static void test_date(void **state)
{
	char d[30];

	(void)state;
	http_date(0, d);
	assert_string_equal(d, "Thu, 01 Jan 1970 00:00:00 GMT");
	http_date(784111777, d);
	assert_string_equal(d, "Sun, 06 Nov 1994 08:49:37 GMT");
	http_date(951782400, d); /* a leap day of a year divisible by 400 */
	assert_string_equal(d, "Tue, 29 Feb 2000 00:00:00 GMT");
	http_date(4133980799ull, d);
	assert_string_equal(d, "Fri, 31 Dec 2100 23:59:59 GMT");
}

static void test_accept_encoding(void **state)
{
	(void)state;
	assert_false(http_accepts_gzip(NULL));
	assert_false(http_accepts_gzip(""));
	assert_true(http_accepts_gzip("gzip"));
	assert_true(http_accepts_gzip("deflate, GZIP;q=0.5, br"));
	assert_true(http_accepts_gzip("x-gzip"));
	assert_false(http_accepts_gzip("gzip;q=0"));
	assert_false(http_accepts_gzip("gzip; q=0.000"));
	assert_false(http_accepts_gzip("*;q=1, gzip;q=0"));
	assert_true(http_accepts_gzip("*"));
	assert_false(http_accepts_gzip("*;q=0"));
	assert_false(http_accepts_gzip("identity, br"));
	assert_false(http_accepts_gzip("gzip;q=2"));
	assert_false(http_accepts_gzip("gzip;q=0.0001"));
	assert_false(http_accepts_gzip("gzipx"));
	assert_true(http_accepts_gzip("gzip;q=0.001"));
	assert_true(http_accepts_gzip("gzip;level=1;q=1.0"));
}

static void test_etag(void **state)
{
	(void)state;
	assert_true(http_etag_match("\"abc\"", "\"abc\""));
	assert_true(http_etag_match("W/\"abc\"", "\"abc\""));
	assert_true(http_etag_match("\"x\", \"abc\"", "\"abc\""));
	assert_true(http_etag_match("*", "\"abc\""));
	assert_false(http_etag_match("\"abcd\"", "\"abc\""));
	assert_false(http_etag_match("abc", "\"abc\""));
	assert_false(http_etag_match(NULL, "\"abc\""));
	assert_false(http_etag_match("\"abc", "\"abc\""));
}

static void test_range(void **state)
{
	uint64_t a, b;

	(void)state;
	assert_int_equal(http_range("bytes=0-9", 100, &a, &b), 1);
	assert_int_equal(a, 0);
	assert_int_equal(b, 9);
	assert_int_equal(http_range("bytes=90-", 100, &a, &b), 1);
	assert_int_equal(a, 90);
	assert_int_equal(b, 99);
	assert_int_equal(http_range("bytes=-10", 100, &a, &b), 1);
	assert_int_equal(a, 90);
	assert_int_equal(b, 99);
	assert_int_equal(http_range("bytes=-1000", 100, &a, &b), 1);
	assert_int_equal(a, 0);
	assert_int_equal(http_range("bytes=50-1000", 100, &a, &b), 1);
	assert_int_equal(b, 99);
	assert_int_equal(http_range("bytes=100-", 100, &a, &b), -1);
	assert_int_equal(http_range("bytes=-0", 100, &a, &b), -1);
	assert_int_equal(http_range("bytes=0-0", 0, &a, &b), -1);
	assert_int_equal(http_range("bytes=5-4", 100, &a, &b), 0);
	assert_int_equal(http_range("bytes=0-1,5-6", 100, &a, &b), 0);
	assert_int_equal(http_range("items=0-1", 100, &a, &b), 0);
	assert_int_equal(http_range("bytes=-", 100, &a, &b), 0);
	assert_int_equal(http_range("bytes=99999999999999999999-", 100, &a, &b), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_request_line),   cmocka_unit_test(test_fields),
	    cmocka_unit_test(test_host),	   cmocka_unit_test(test_framing),
	    cmocka_unit_test(test_persistence),	   cmocka_unit_test(test_chunked),
	    cmocka_unit_test(test_chunked_limits), cmocka_unit_test(test_target),
	    cmocka_unit_test(test_date),	   cmocka_unit_test(test_accept_encoding),
	    cmocka_unit_test(test_etag),	   cmocka_unit_test(test_range),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
