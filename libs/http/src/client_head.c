/* A response head (RFC 9112 4-6): the status line, the header fields, and
 * the framing and persistence they decide, parsed strictly in place. */
#include <string.h>
#include <strings.h>

#include "client_priv.h"
#include "http.h"

/* HTTP-version SP 3DIGIT [SP reason-phrase] (a missing SP before an empty
 * reason is tolerated). */
static enum hc_error status_line(struct hc_parser *p, char *s, long n)
{
	long i;

	if (n < 12 || memcmp(s, "HTTP/", 5) || s[5] != '1' || s[6] != '.' || s[7] < '0' ||
	    s[7] > '9' || s[8] != ' ')
		return HC_MALFORMED; /* only HTTP/1.x: a client of 1.1 talks to 1.x servers */
	for (i = 9; i < 12; i++)
		if (s[i] < '0' || s[i] > '9')
			return HC_MALFORMED;
	p->resp.version = s[7] == '0' ? 10 : 11;
	p->resp.status = (s[9] - '0') * 100 + (s[10] - '0') * 10 + (s[11] - '0');
	if (p->resp.status < 100 || p->resp.status > 599)
		return HC_MALFORMED;
	if (n > 12 && s[12] != ' ')
		return HC_MALFORMED;
	for (i = 13; i < n; i++)
		if (!http_is_text((unsigned char)s[i]))
			return HC_MALFORMED;
	s[n] = 0;
	p->resp.reason = n > 12 ? s + 13 : s + n;
	return HC_OK;
}

/* A field line [s, eol) into p->fields. */
static enum hc_error field_line(struct hc_parser *p, char *s, char *eol)
{
	const char **f = &p->fields[2 * p->resp.nfields];

	if (p->resp.nfields == CONFIG_HTTP_CLIENT_MAX_HEADERS)
		return HC_TOO_BIG;
	if (!http_field_split(s, eol, &f[0], &f[1]))
		return HC_MALFORMED;
	p->resp.nfields++;
	return HC_OK;
}

/* The framing (RFC 9112 6.3) and persistence (9.3) of the response. */
static enum hc_error framing(struct hc_parser *p)
{
	struct http_response *r = &p->resp;
	bool has_cl = false, has_te = false, close = false, ka = false;
	uint64_t cl = 0;
	unsigned i;

	for (i = 0; i < r->nfields; i++) {
		const char *n = p->fields[2 * i], *v = p->fields[2 * i + 1];

		if (!strcasecmp(n, "Content-Length")) {
			/* one value a field: unlike a request's (parse.c), no
			 * list; a server has no reason to send one */
			if (!http_length_value(v, strlen(v), &has_cl, &cl))
				return HC_MALFORMED;
		} else if (!strcasecmp(n, "Transfer-Encoding")) {
			/* identity was asked for: chunked is the only coding
			 * (a server takes a list of them, parse.c, and answers
			 * 501 to the ones it lacks) */
			if (has_te || strcasecmp(v, "chunked"))
				return HC_MALFORMED;
			has_te = true;
		} else if (!strcasecmp(n, "Connection")) {
			http_connection_options(v, &close, &ka);
		}
	}
	if (has_te && (has_cl || r->version == 10))
		return HC_MALFORMED; /* smuggling's shapes (RFC 9112 6.1, 6.3) */
	r->keep_alive = http_persistent(r->version, close, ka);
	r->chunked = false;
	r->length = 0;
	r->body = false;
	if (p->head_request || r->status < 200 || r->status == 204 || r->status == 304) {
		p->state = HC_DONE;
	} else if (has_te) {
		r->chunked = r->body = true;
		r->length = -1;
		http_chunked_init(&p->chunked, CONFIG_HTTP_CLIENT_MAX_HEADER_BYTES,
				  CONFIG_HTTP_CLIENT_MAX_HEADER_BYTES);
		p->state = HC_BODY_CHUNKED;
	} else if (has_cl) {
		r->length = (int64_t)cl;
		r->body = cl > 0;
		p->remaining = cl;
		p->state = cl ? HC_BODY_LENGTH : HC_DONE;
	} else {
		r->length = -1;
		r->body = true;
		r->keep_alive = false; /* the end of the connection ends the body */
		p->state = HC_BODY_CLOSE;
	}
	return HC_OK;
}

enum hc_error hc_parse_head(struct hc_parser *p)
{
	char *s = p->head, *end = p->head + p->len, *eol, *next;
	enum hc_error e;

	p->resp.nfields = 0;
	p->resp.fields = p->fields;
	eol = http_line_end(s, s + p->status_end, &next);
	if (!eol || status_line(p, s, eol - s))
		return HC_MALFORMED;
	for (s = next; s < end; s = next) {
		if (!(eol = http_line_end(s, end, &next)))
			return HC_MALFORMED;
		if (eol == s)
			break; /* the empty line */
		if ((e = field_line(p, s, eol)))
			return e;
	}
	return framing(p);
}
