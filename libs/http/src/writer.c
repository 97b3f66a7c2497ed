/* Responses: the head (status line, Date, framing, Connection, the added
 * headers) in the connection's out buffer, then the body (copied there,
 * borrowed, or produced), handed to tcp as its send buffer has room. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <time/time.h>

#include "http.h"

/* Room a chunk's framing needs: 16 hex digits, two CRLFs, and the last
 * chunk after it. */
#define CHUNK_OVERHEAD 24

static bool field_text(const char *s)
{
	for (; *s; s++)
		if (!http_is_text((unsigned char)*s))
			return false;
	return true;
}

static bool out_addf(struct http_conn *h, const char *fmt, ...)
{
	size_t room = CONFIG_HTTP_RESPONSE_BUF - h->out_len;
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(h->out + h->out_len, room, fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= room)
		return false;
	h->out_len += (size_t)n;
	return true;
}

int http_add_header(struct http_request *r, const char *name, const char *value)
{
	struct http_conn *h = r->conn;
	size_t nl, vl;
	const char *p;

	if (h->responded)
		return -EALREADY;
	if (!name || !value || !*name || !field_text(value))
		return -EINVAL;
	for (p = name; *p; p++)
		if (!http_is_tchar((unsigned char)*p))
			return -EINVAL;
	nl = strlen(name);
	vl = strlen(value);
	if (h->extra_len + nl + vl + 4 > CONFIG_HTTP_RESPONSE_HEADERS)
		return -ENOSPC;
	memcpy(h->extra + h->extra_len, name, nl);
	memcpy(h->extra + h->extra_len + nl, ": ", 2);
	memcpy(h->extra + h->extra_len + nl + 2, value, vl);
	memcpy(h->extra + h->extra_len + nl + 2 + vl, "\r\n", 2);
	h->extra_len += nl + vl + 4;
	return 0;
}

static bool body_allowed(int status)
{
	return status >= 200 && status != 204 && status != 304;
}

static bool head_lines(struct http_conn *h, const char *content_type, int64_t length)
{
	uint64_t wall = time_wallclock_ns();
	char date[30];

	if (!out_addf(h, "HTTP/1.1 %d %s\r\n", h->status, http_reason(h->status)))
		return false;
	if (wall) {
		http_date(wall / 1000000000ull, date);
		if (!out_addf(h, "Date: %s\r\n", date))
			return false;
	}
	if (body_allowed(h->status)) {
		if (content_type && !out_addf(h, "Content-Type: %s\r\n", content_type))
			return false;
		if (h->mode == HTTP_OUT_LENGTH &&
		    !out_addf(h, "Content-Length: %llu\r\n", (unsigned long long)length))
			return false;
		if (h->mode == HTTP_OUT_CHUNKED && !out_addf(h, "Transfer-Encoding: chunked\r\n"))
			return false;
	}
	if (h->close_after && !out_addf(h, "Connection: close\r\n"))
		return false;
	if (!h->close_after && h->head.keep_alive_10 && !out_addf(h, "Connection: keep-alive\r\n"))
		return false;
	if (h->out_len + h->extra_len + 2 > CONFIG_HTTP_RESPONSE_BUF)
		return false;
	memcpy(h->out + h->out_len, h->extra, h->extra_len);
	h->out_len += h->extra_len;
	memcpy(h->out + h->out_len, "\r\n", 2);
	h->out_len += 2;
	return true;
}

int http_begin(struct http_conn *h, int status, const char *content_type, int64_t length)
{
	if (h->responded)
		return -EALREADY;
	if (status < 200 || status > 599 || (content_type && !field_text(content_type)))
		return -EINVAL;
	h->status = status;
	h->head_only = h->req.head || !body_allowed(status);
	h->mode = HTTP_OUT_LENGTH;
	if (!body_allowed(status)) {
		length = 0;
	} else if (length < 0) {
		h->mode = h->req.version == 11 ? HTTP_OUT_CHUNKED : HTTP_OUT_UNTIL_CLOSE;
		if (h->mode == HTTP_OUT_UNTIL_CLOSE)
			h->close_after = true;
	}
	h->out_len = h->out_off = 0;
	if (!head_lines(h, content_type, length)) {
		h->out_len = 0;
		return -EMSGSIZE;
	}
	h->remaining = length;
	h->responded = true;
	return 0;
}

int http_respond(struct http_request *r, int status, const char *content_type, const void *body,
		 size_t len)
{
	struct http_conn *h = r->conn;
	bool close_after = h->close_after;
	int rc;

	if (len > CONFIG_HTTP_RESPONSE_BUF)
		return h->responded ? -EALREADY : -EMSGSIZE;
	if ((rc = http_begin(h, status, content_type, (int64_t)len)))
		return rc;
	if (h->head_only)
		return 0;
	if (h->out_len + len > CONFIG_HTTP_RESPONSE_BUF) {
		h->responded = false;
		h->close_after = close_after;
		h->out_len = 0;
		return -EMSGSIZE;
	}
	memcpy(h->out + h->out_len, body, len);
	h->out_len += len;
	h->srv->stats.body_bytes += len;
	return 0;
}

int http_respond_static(struct http_request *r, int status, const char *content_type,
			const void *body, size_t len)
{
	struct http_conn *h = r->conn;
	int rc;

	if ((rc = http_begin(h, status, content_type, (int64_t)len)))
		return rc;
	if (!h->head_only) {
		h->sbody = body;
		h->sbody_len = len;
	}
	return 0;
}

int http_stream(struct http_request *r, int status, const char *content_type, int64_t length,
		http_produce_fn fn, void *arg)
{
	struct http_conn *h = r->conn;
	int rc;

	if (!fn)
		return -EINVAL;
	if ((rc = http_begin(h, status, content_type, length)))
		return rc;
	h->produce = fn;
	h->produce_arg = arg;
	return 0;
}

long http_write(struct http_request *r, const void *data, size_t len)
{
	struct http_conn *h = r->conn;
	size_t space, n;
	char line[20];
	int k;

	if (!h->in_producer)
		return -EINVAL;
	if (h->head_only)
		return (long)len;
	space = tcp_send_space(h->tcp);
	n = len;
	if (h->mode == HTTP_OUT_LENGTH && (uint64_t)h->remaining < n)
		n = (size_t)h->remaining;
	if (h->mode == HTTP_OUT_CHUNKED) {
		if (space <= CHUNK_OVERHEAD || !n)
			return 0;
		if (n > space - CHUNK_OVERHEAD)
			n = space - CHUNK_OVERHEAD;
		k = snprintf(line, sizeof(line), "%zx\r\n", n);
		/* the room was checked: all three fit */
		tcp_send(h->tcp, line, (size_t)k);
		tcp_send(h->tcp, data, n);
		tcp_send(h->tcp, "\r\n", 2);
	} else {
		long sent = tcp_send(h->tcp, data, n < space ? n : space);

		if (sent < 0)
			return sent;
		n = (size_t)sent;
	}
	if (h->mode == HTTP_OUT_LENGTH)
		h->remaining -= (int64_t)n;
	h->wrote += n;
	h->srv->stats.body_bytes += n;
	return (long)n;
}

int http_error(struct http_request *r, int status)
{
	char body[64];
	int n;

	if (status == 404)
		return http_static_not_found(r);
	n = snprintf(body, sizeof(body), "%d %s\n", status, http_reason(status));
	return http_respond(r, status, "text/plain; charset=utf-8", body, (size_t)n);
}

void http_response_reset(struct http_conn *h)
{
	h->responded = h->head_only = false;
	h->status = 0;
	h->out_len = h->out_off = h->extra_len = 0;
	h->sbody = NULL;
	h->sbody_len = h->sbody_off = 0;
	h->produce = NULL;
	h->produce_arg = NULL;
	h->mode = HTTP_OUT_LENGTH;
	h->remaining = 0;
	h->in_producer = h->produced_end = false;
	h->wrote = 0;
}

/* Sends from buf what tcp takes; false when some is left or tcp failed
 * (then the connection is gone when *dead). */
static bool send_part(struct http_conn *h, const void *buf, size_t len, size_t *off, bool *dead)
{
	long n;

	if (*off >= len)
		return true;
	n = tcp_send(h->tcp, (const uint8_t *)buf + *off, len - *off);
	if (n < 0) {
		http_conn_abort(h);
		*dead = true;
		return false;
	}
	*off += (size_t)n;
	return *off == len;
}

/* Calls the producer once; false when it should wait for room (or the
 * connection ended). */
static bool produce(struct http_conn *h, bool *dead)
{
	bool done;

	if (h->head_only) {
		h->produced_end = true;
		return true;
	}
	if (tcp_send_space(h->tcp) <= CHUNK_OVERHEAD)
		return false;
	h->wrote = 0;
	h->in_producer = true;
	done = h->produce(&h->req, h->produce_arg);
	h->in_producer = false;
	if (!done)
		return h->wrote > 0;
	h->produced_end = true;
	if (h->mode == HTTP_OUT_LENGTH && h->remaining > 0) {
		/* the length was promised: only ending the connection tells */
		h->srv->stats.handler_errors++;
		http_conn_abort(h);
		*dead = true;
		return false;
	}
	if (h->mode == HTTP_OUT_CHUNKED) {
		memcpy(h->out, "0\r\n\r\n", 5);
		h->out_len = 5;
		h->out_off = 0;
	}
	return true;
}

void http_pump(struct http_conn *h)
{
	bool dead = false;

	for (;;) {
		if (!send_part(h, h->out, h->out_len, &h->out_off, &dead))
			return;
		if (h->sbody && !send_part(h, h->sbody, h->sbody_len, &h->sbody_off, &dead))
			return;
		if (!h->produce || h->produced_end)
			break;
		if (!produce(h, &dead))
			return;
	}
	if (h->sbody)
		h->srv->stats.body_bytes += h->sbody_len;
	http_response_done(h);
}
