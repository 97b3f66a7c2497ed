/* A response as its bytes arrive: the head gathered line by line within
 * the limits, interim responses skipped, then the body by its framing,
 * passed on in spans. */
#include <string.h>

#include "client_priv.h"

void hc_parser_start(struct hc_parser *p, bool head_request)
{
	p->state = HC_HEAD;
	p->error = HC_OK;
	p->head_request = head_request;
	p->len = p->line = p->status_end = 0;
	p->interim = 0;
	memset(&p->resp, 0, sizeof(p->resp));
}

static size_t fail(struct hc_parser *p, enum hc_error e, size_t used)
{
	p->state = HC_FAILED;
	p->error = e;
	return used;
}

/* The head is complete: an interim response is dropped (the final one
 * follows), the final one goes to on_head. */
static void head_done(struct hc_parser *p)
{
	enum hc_error e;

	p->head[p->len] = 0;
	if ((e = hc_parse_head(p))) {
		fail(p, e, 0);
		return;
	}
	if (p->resp.status < 200) {
		if (p->resp.status == 101) {
			fail(p, HC_MALFORMED, 0); /* no upgrade was asked for */
			return;
		}
		if (++p->interim > HC_MAX_INTERIM) {
			fail(p, HC_TOO_BIG, 0); /* a server that never answers */
			return;
		}
		p->state = HC_HEAD;
		p->len = p->line = p->status_end = 0;
		return;
	}
	if (p->on_head)
		p->on_head(p->arg, &p->resp);
}

/* Head bytes, a line at a time; returns the bytes taken. */
static size_t head_bytes(struct hc_parser *p, const uint8_t *in, size_t n)
{
	size_t i = 0;

	while (i < n) {
		const uint8_t *lf = memchr(in + i, '\n', n - i);
		size_t k = lf ? (size_t)(lf - (in + i)) + 1 : n - i;
		size_t limit = p->status_end ? p->status_end + CONFIG_HTTP_CLIENT_MAX_HEADER_BYTES
					     : CONFIG_HTTP_CLIENT_MAX_STATUS_LINE;

		if (p->len + k > limit)
			return fail(p, HC_TOO_BIG, i);
		memcpy(p->head + p->len, in + i, k);
		p->len += k;
		i += k;
		if (!lf)
			break;
		if (!p->status_end) {
			p->status_end = p->len;
		} else if (p->len - p->line == 1 ||
			   (p->len - p->line == 2 && p->head[p->line] == '\r')) {
			head_done(p);
			return i;
		}
		p->line = p->len;
	}
	return i;
}

static void body(struct hc_parser *p, const void *d, size_t n)
{
	if (n && p->on_body)
		p->on_body(p->arg, d, n);
}

size_t hc_parser_feed(struct hc_parser *p, const uint8_t *in, size_t n)
{
	size_t i = 0;

	while (i < n) {
		const uint8_t *d;
		size_t k;
		enum http_chunked_error e;
		bool done;

		switch (p->state) {
		case HC_HEAD:
			i += head_bytes(p, in + i, n - i);
			break;
		case HC_BODY_LENGTH:
			k = n - i < p->remaining ? n - i : (size_t)p->remaining;
			p->remaining -= k;
			if (!p->remaining)
				p->state = HC_DONE;
			body(p, in + i, k);
			i += k;
			break;
		case HC_BODY_CHUNKED:
			i += http_chunked_feed(&p->chunked, in + i, n - i, &d, &k, &e, &done);
			if (e == HTTP_CHUNKED_LONG_EXT || e == HTTP_CHUNKED_LONG_TRAILER)
				return fail(p, HC_TOO_BIG, i);
			if (e)
				return fail(p, HC_MALFORMED, i); /* or a size past 64 bits */
			if (done)
				p->state = HC_DONE;
			body(p, d, k);
			break;
		case HC_BODY_CLOSE:
			body(p, in + i, n - i);
			i = n;
			break;
		default:
			return i;
		}
	}
	return i;
}

bool hc_parser_eof(struct hc_parser *p)
{
	if (p->state == HC_BODY_CLOSE)
		p->state = HC_DONE;
	if (p->state == HC_DONE)
		return true;
	if (p->state != HC_FAILED)
		fail(p, HC_TRUNCATED, 0);
	return false;
}
