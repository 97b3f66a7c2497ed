/* The http module's client: GET and HEAD over HTTP/1.1 (RFC 9110, RFC
 * 9112) on tcp, one request at a time on a kept-alive connection, the
 * response streamed to callbacks. */
#ifndef HTTP_CLIENT_H
#define HTTP_CLIENT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <uk/counters.h>

#include <http/http.h>
#include <tcp/tcp.h>

/*
 * Everything happens in callbacks from the sched loop:
 *
 *     static void body(struct http_client *c, const void *d, size_t n, void *arg)
 *     {
 *             fwrite(d, 1, n, stdout);         // as it arrives, never whole
 *     }
 *     static void done(struct http_client *c, int err, void *arg)
 *     {
 *             if (!err && next < npaths)       // the next, on the same connection
 *                     http_client_request(c, "GET", paths[next++], &cbs, NULL);
 *     }
 *     static const struct http_client_cbs cbs = {.head = head, .body = body, .done = done};
 *     http_client_open(&c, IPV4(10, 0, 0, 1), 80, NULL);
 *     http_client_request(c, "GET", "/", &cbs, NULL);
 *
 * A client talks to one server (addr:port). The connection is made at the
 * first request and kept for the next ones while the server keeps it
 * (HTTP/1.1 without `Connection: close`, HTTP/1.0 with keep-alive); a
 * request finding it closed by the server makes a new one. A request sent
 * on a kept-alive connection that the server closes before any byte of the
 * response (it timed the connection out as the request went) is sent once
 * more on a new connection: GET and HEAD are idempotent (RFC 9110 9.2.2).
 *
 * A request is "METHOD path HTTP/1.1" with Host, `Accept-Encoding:
 * identity` and a User-Agent. Its response: interim 1xx responses are read
 * and skipped (101 is an error: the client never asks to upgrade); then
 * head() with the status and header fields, body() with the body as it
 * comes (de-chunked; delimited by Content-Length, by the chunked coding or
 * by the end of the connection), and done(). A response to HEAD, a 204 and
 * a 304 have no body whatever their headers say.
 *
 * Parsing is strict and bounded (Kconfig: the status line, the header
 * count and bytes; the trailer section and chunk extensions count as
 * header bytes): a malformed or oversized head, a bad chunk size, a
 * Content-Length that is not one number, Transfer-Encoding other than
 * chunked or together with Content-Length, obsolete line folding, bytes
 * from the server when no request is waiting: done(-EPROTO), counted, and
 * the connection is closed. A response that stops short of its length:
 * done(-EPROTO) ("truncated"). No byte for CONFIG_HTTP_CLIENT_TIMEOUT_S:
 * done(-ETIMEDOUT), the connection reset.
 *
 * Not implemented: other methods, request bodies, pipelining, content
 * codings (it asks for identity), redirects, trailers (read and dropped),
 * flow control of the body (body() must take all it is given).
 */

struct http_client;

/* A response head as head() sees it (valid during that call only; strings
 * NUL-terminated). */
struct http_response {
	int status;	    /* 100-599; never 1xx here */
	unsigned version;   /* 10 (HTTP/1.0) or 11 */
	const char *reason; /* the reason phrase, "" when none */
	int64_t length;	    /* the body's bytes; -1 when unknown (chunked, until close) */
	bool chunked;
	bool body;	 /* false: HEAD, 204, 304 (and Content-Length 0) */
	bool keep_alive; /* the connection serves the next request */
	unsigned nfields;
	const char *const *fields; /* name, value, name, value, ... */
};

/* The value of header field name (case-insensitive) without surrounding
 * whitespace; the first when it occurs more than once. NULL when absent. */
const char *http_response_header(const struct http_response *r, const char *name);

struct http_client_cbs {
	/* The final response's status line and header fields. May be NULL. */
	void (*head)(struct http_client *c, const struct http_response *r, void *arg);
	/* Body bytes in order, as they arrive (borrowed for the call). May be
	 * NULL. */
	void (*body)(struct http_client *c, const void *data, size_t len, void *arg);
	/* The end: 0 when the whole response came; -EPROTO (malformed,
	 * oversized or truncated), -ETIMEDOUT, or the error that ended the
	 * connection (-ECONNREFUSED, -ECONNRESET, tcp_connect's). The next
	 * request may be made from here. */
	void (*done)(struct http_client *c, int error, void *arg);
};

/* Makes a client of addr:port; host is the Host header's value (NULL:
 * the dotted address, with ":port" unless port is 80). It has one buffer
 * from the heap (about CONFIG_HTTP_CLIENT_MAX_REQUEST +
 * CONFIG_HTTP_CLIENT_MAX_STATUS_LINE + CONFIG_HTTP_CLIENT_MAX_HEADER_BYTES
 * bytes); nothing is connected yet. Returns 0, -EINVAL (port 0, a host
 * with bytes not allowed there), -ENOMEM. */
int http_client_open(struct http_client **out, uint32_t addr, uint16_t port, const char *host);
/* Sends method ("GET" or "HEAD") for path (origin-form: starts with '/',
 * visible ASCII only, already percent-encoded) and reports its response
 * to cbs with arg. Returns 0, -EINVAL, -EBUSY (a request is under way),
 * -EMSGSIZE (the request head is over CONFIG_HTTP_CLIENT_MAX_REQUEST), or
 * tcp_connect's error; when it is not 0 no callback follows. */
int http_client_request(struct http_client *c, const char *method, const char *path,
			const struct http_client_cbs *cbs, void *arg);
/* Ends the client: the connection is closed (reset when a response is
 * under way), no more callbacks come, the client is freed. May be called
 * from its callbacks. */
void http_client_close(struct http_client *c);

/* Connections the client opened so far (1 when every request went over
 * one kept-alive connection). */
unsigned long http_client_connections(const struct http_client *c);

struct http_client_stats {
	uint64_t connects;		      /* connections opened */
	uint64_t requests;		      /* sent (a retry counts once more) */
	uint64_t reused;		      /* requests on a kept-alive connection */
	uint64_t retries;		      /* sent again: the server closed an idle connection */
	uint64_t responses[HTTP_CLASS_COUNT]; /* final ones by class (1xx: none) */
	uint64_t interim;		      /* 1xx responses skipped */
	uint64_t malformed;		      /* a head, chunk or framing not as RFC 9112 says */
	uint64_t too_big;		      /* a status line or header section over the limits */
	uint64_t truncated;		      /* the connection ended inside a response */
	uint64_t stray;			      /* bytes from the server with no request waiting */
	uint64_t timeouts;		      /* CONFIG_HTTP_CLIENT_TIMEOUT_S without a byte */
	uint64_t conn_errors;		      /* tcp ended a connection with an error */
	uint64_t body_bytes;		      /* body bytes handed to body() */
};

/* The counters of all clients. */
void http_client_stats(struct http_client_stats *out);
/* Their table by name (uk/counters.h), module "http_client". */
extern const struct uk_counter_table http_client_counter_table;

#endif
