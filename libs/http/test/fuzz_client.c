/* libFuzzer target of the client's response parser (client_parse.c,
 * client_head.c, chunked.c): each record's bytes are what a server
 * sends, fed as they would arrive. Flags: 1 starts a new response first
 * (2: to a HEAD), 4 ends the connection after. It checks what the parser
 * promises: one head per response, no body after HEAD, 204 or 304, never
 * more body than the length, nothing taken past the end. */
#include <stdio.h>
#include <stdlib.h>

#include "client_priv.h"
#include "fuzz.h"

static struct hc_parser parser;
static bool started;
static unsigned heads;
static uint64_t body;

#define CHECK(c)                                                                                   \
	do {                                                                                       \
		if (!(c)) {                                                                        \
			fprintf(stderr, "fuzz_client: %s\n", #c);                                  \
			abort();                                                                   \
		}                                                                                  \
	} while (0)

static void on_head(void *arg, const struct http_response *r)
{
	(void)arg;
	CHECK(++heads == 1);
	CHECK(r->status >= 200 && r->status <= 599);
	CHECK(http_response_header(r, "\x01") == NULL);
}

static void on_body(void *arg, const void *d, size_t n)
{
	(void)arg;
	(void)d;
	CHECK(heads == 1 && n > 0);
	CHECK(!parser.head_request && parser.resp.status != 204 && parser.resp.status != 304);
	body += n;
	CHECK(parser.resp.length < 0 || body <= (uint64_t)parser.resp.length);
}

void fuzz_record(const uint8_t *p, size_t n, uint8_t flags)
{
	size_t used;

	if (!started || (flags & 1)) {
		hc_parser_start(&parser, flags & 2);
		parser.on_head = on_head;
		parser.on_body = on_body;
		heads = 0;
		body = 0;
		started = true;
	}
	used = hc_parser_feed(&parser, p, n);
	CHECK(used <= n);
	CHECK(used == n || parser.state == HC_DONE || parser.state == HC_FAILED);
	if (flags & 4)
		hc_parser_eof(&parser);
	if (parser.state == HC_DONE) {
		CHECK(heads == 1);
		CHECK(parser.resp.length < 0 || !parser.resp.body ||
		      body == (uint64_t)parser.resp.length);
	}
}
