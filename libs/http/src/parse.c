/* Request heads (RFC 9112 2-6): the request line, the header fields and the
 * framing and persistence they decide, parsed strictly from a whole head. */
#include <string.h>
#include <strings.h>

#include "http.h"

/* method SP request-target SP HTTP-version */
static int request_line(char *p, char *eol, struct http_head *h)
{
	char *sp;

	h->method = p;
	while (p < eol && http_is_tchar((unsigned char)*p))
		p++;
	if (p == h->method || p == eol || *p != ' ')
		return 400;
	*p++ = 0;
	h->target = p;
	while (p < eol && (unsigned char)*p > 0x20 && (unsigned char)*p < 0x7f)
		p++;
	if (p == h->target || p == eol || *p != ' ')
		return 400;
	h->target_len = (size_t)(p - h->target);
	*p++ = 0;
	sp = p;
	if (eol - sp != 8 || memcmp(sp, "HTTP/", 5) || sp[6] != '.' || sp[5] < '0' || sp[5] > '9' ||
	    sp[7] < '0' || sp[7] > '9')
		return 400;
	if (sp[5] != '1')
		return 505;
	h->version = sp[7] == '0' ? 10 : 11;
	return 0;
}

const char *http_head_field(const struct http_head *h, const char *name)
{
	unsigned i;

	for (i = 0; i < h->nfields; i++)
		if (!strcasecmp(h->fields[i].name, name))
			return h->fields[i].value;
	return NULL;
}

/* Content-Length: every value of every field one and the same number (a
 * list of them, RFC 9110 8.6). */
static int content_length(struct http_head *h, const char *v, bool *seen)
{
	const char *e;
	size_t len;

	while ((e = http_list_next(&v, &len)))
		if (!http_length_value(e, len, seen, &h->content_length))
			return 400;
	return *seen ? 0 : 400;
}

/* Transfer-Encoding: chunked once and last, nothing else (501). */
static int transfer_encoding(const struct http_head *h, bool *chunked)
{
	bool unknown = false, last_chunked = false;
	unsigned i;

	for (i = 0; i < h->nfields; i++) {
		const char *v = h->fields[i].value, *e;
		size_t len, k;

		if (strcasecmp(h->fields[i].name, "Transfer-Encoding"))
			continue;
		while ((e = http_list_next(&v, &len))) {
			for (k = 0; k < len && http_is_tchar((unsigned char)e[k]); k++)
				;
			if (!k)
				return 400;
			if (k == 7 && !strncasecmp(e, "chunked", 7)) {
				if (*chunked || k != len)
					return 400; /* twice, or with parameters */
				*chunked = last_chunked = true;
			} else {
				unknown = true;
				last_chunked = false;
			}
		}
	}
	if (unknown)
		return 501;
	if (*chunked && !last_chunked)
		return 400;
	return 0;
}

static bool host_ok(const char *v)
{
	for (; *v; v++)
		if (!http_is_tchar((unsigned char)*v) && !strchr(":[]();,=@", *v))
			return false;
	return true;
}

/* What the fields decide: Host, the body's framing, persistence. */
static int semantics(struct http_head *h)
{
	bool has_length = false, chunked = false;
	unsigned i, hosts = 0;
	int r;

	for (i = 0; i < h->nfields; i++) {
		const char *n = h->fields[i].name, *v = h->fields[i].value;

		if (!strcasecmp(n, "Host")) {
			if (++hosts > 1 || !host_ok(v))
				return 400;
		} else if (!strcasecmp(n, "Content-Length")) {
			if ((r = content_length(h, v, &has_length)))
				return r;
		} else if (!strcasecmp(n, "Connection")) {
			http_connection_options(v, &h->close, &h->keep_alive_10);
		} else if (!strcasecmp(n, "Expect")) {
			if (strcasecmp(v, "100-continue"))
				return 417;
			h->expect_continue = true;
		}
	}
	if (h->version == 11 && hosts != 1)
		return 400;
	if ((r = transfer_encoding(h, &chunked)))
		return r;
	if (chunked && (has_length || h->version == 10))
		return 400; /* RFC 9112 6.1: framing a proxy may read otherwise */
	h->close = !http_persistent(h->version, h->close, h->keep_alive_10);
	if (h->version == 11)
		h->keep_alive_10 = false;
	if (chunked)
		h->framing = HTTP_BODY_CHUNKED;
	else if (has_length && h->content_length)
		h->framing = HTTP_BODY_LENGTH;
	if (has_length && h->content_length > CONFIG_HTTP_MAX_BODY)
		return 413;
	return 0;
}

int http_parse_head(char *buf, size_t len, struct http_head *h)
{
	char *p = buf, *end = buf + len, *next, *eol;
	int r;

	memset(h, 0, sizeof(*h));
	h->version = 11;
	if (!(eol = http_line_end(p, end, &next)))
		return 400;
	if ((r = request_line(p, eol, h)))
		return r;
	for (p = next;;) {
		if (p >= end || !(eol = http_line_end(p, end, &next)))
			return 400;
		if (eol == p)
			break; /* the empty line */
		if (http_is_ows((unsigned char)*p))
			return 400; /* obs-fold */
		if (h->nfields == CONFIG_HTTP_MAX_HEADERS)
			return 431;
		if (!http_field_split(p, eol, &h->fields[h->nfields].name,
				      &h->fields[h->nfields].value))
			return 400;
		h->nfields++;
		p = next;
	}
	if (next != end)
		return 400;
	return semantics(h);
}
