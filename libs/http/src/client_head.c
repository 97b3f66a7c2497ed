/* A response head (RFC 9112 4-6): the status line, the header fields, and
 * the framing and persistence they decide, parsed strictly in place. */
#include <string.h>
#include <strings.h>

#include "client_priv.h"
#include "http.h"

/* field-vchar, obs-text, SP, HTAB */
static bool text_byte(unsigned char c)
{
	return c == '\t' || (c >= 0x20 && c != 0x7f);
}

/* The line [p, end) without its terminator (CRLF or a bare LF): its
 * length, or -1 when a CR is anywhere else. */
static long line_len(const char *p, const char *end)
{
	const char *cr;
	long n = (long)(end - p) - 1; /* the LF */

	if (n > 0 && p[n - 1] == '\r')
		n--;
	cr = memchr(p, '\r', (size_t)n);
	return cr ? -1 : n;
}

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
		if (!text_byte((unsigned char)s[i]))
			return HC_MALFORMED;
	s[n] = 0;
	p->resp.reason = n > 12 ? s + 13 : s + n;
	return HC_OK;
}

/* field-name ":" OWS field-value OWS, NUL-terminated in place. */
static enum hc_error field_line(struct hc_parser *p, char *s, long n)
{
	long i = 0, v, e;

	if (p->resp.nfields == CONFIG_HTTP_CLIENT_MAX_HEADERS)
		return HC_TOO_BIG;
	while (i < n && http_is_tchar((unsigned char)s[i]))
		i++;
	if (!i || i == n || s[i] != ':')
		return HC_MALFORMED; /* obs-fold, whitespace before ':', a bad byte */
	s[i] = 0;
	for (v = i + 1; v < n && (s[v] == ' ' || s[v] == '\t'); v++)
		;
	for (e = v; e < n; e++)
		if (!text_byte((unsigned char)s[e]))
			return HC_MALFORMED;
	while (e > v && (s[e - 1] == ' ' || s[e - 1] == '\t'))
		e--;
	s[e] = 0;
	p->fields[2 * p->resp.nfields] = s;
	p->fields[2 * p->resp.nfields + 1] = s + v;
	p->resp.nfields++;
	return HC_OK;
}

/* Content-Length: digits, one value however many fields carry it. */
static enum hc_error content_length(const char *v, bool *seen, uint64_t *len)
{
	uint64_t n = 0;
	size_t i, k = strlen(v);

	if (!k || k > 18)
		return HC_MALFORMED;
	for (i = 0; i < k; i++) {
		if (v[i] < '0' || v[i] > '9')
			return HC_MALFORMED;
		n = n * 10 + (uint64_t)(v[i] - '0');
	}
	if (*seen && n != *len)
		return HC_MALFORMED;
	*seen = true;
	*len = n;
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
			if (content_length(v, &has_cl, &cl))
				return HC_MALFORMED;
		} else if (!strcasecmp(n, "Transfer-Encoding")) {
			/* identity was asked for: chunked is the only coding */
			if (has_te || strcasecmp(v, "chunked"))
				return HC_MALFORMED;
			has_te = true;
		} else if (!strcasecmp(n, "Connection")) {
			close |= http_list_has(v, "close");
			ka |= http_list_has(v, "keep-alive");
		}
	}
	if (has_te && (has_cl || r->version == 10))
		return HC_MALFORMED; /* smuggling's shapes (RFC 9112 6.1, 6.3) */
	r->keep_alive = r->version == 11 ? !close : ka && !close;
	r->chunked = false;
	r->length = 0;
	r->body = false;
	if (p->head_request || r->status < 200 || r->status == 204 || r->status == 304) {
		p->state = HC_DONE;
	} else if (has_te) {
		r->chunked = r->body = true;
		r->length = -1;
		memset(&p->chunked, 0, sizeof(p->chunked));
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
	char *s = p->head, *end = p->head + p->len;
	enum hc_error e;
	long n;

	p->resp.nfields = 0;
	p->resp.fields = p->fields;
	n = line_len(s, s + p->status_end);
	if (n < 0 || (e = status_line(p, s, n)))
		return HC_MALFORMED;
	s += p->status_end;
	while (s < end) {
		char *lf = memchr(s, '\n', (size_t)(end - s));

		if (!lf || (n = line_len(s, lf + 1)) < 0)
			return HC_MALFORMED;
		if (!n)
			break; /* the empty line */
		if ((e = field_line(p, s, n)))
			return e;
		s = lf + 1;
	}
	return framing(p);
}
