/* The http module's contract: an HTTP/1.1 server (RFC 9110, RFC 9112) on
 * tcp, serving the baked assets store and the app's dynamic routes. */
#ifndef HTTP_HTTP_H
#define HTTP_HTTP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <uk/counters.h>

#include <tcp/tcp.h>

/*
 * A server listens on a port; everything happens in callbacks from the
 * sched loop:
 *
 *     static struct http_server srv;
 *
 *     static void hello(struct http_request *r, void *arg)
 *     {
 *             http_respond(r, 200, "text/plain", "hello\n", 6);
 *     }
 *     http_route(&srv, "GET", "/hello", hello, NULL);   // before or after start
 *     http_server_start(&srv, IPV4_ANY, 80);
 *     sched_run_until(&done);
 *
 * A request goes to the route with the longest path prefix that matches
 * it (at a '/' boundary: "/api" matches "/api" and "/api/x", not "/apix";
 * a prefix ending in '/' matches everything below it) and whose method is
 * the request's (a GET route also serves HEAD; the response's body is then
 * left out). A prefix that matches with no route for the method: 405 with
 * `Allow`. No route at all: the static files of the assets store (GET and
 * HEAD only): content type and ETag from the store, If-None-Match -> 304,
 * one `Range` -> 206 or 416, the gzip variant when Accept-Encoding allows it
 * (and `Vary: Accept-Encoding` whenever the file has one), index.html for a
 * path ending in '/', 301 from "/dir" to "/dir/", CONFIG_HTTP_CACHE_CONTROL,
 * and /404.html (if the store has it) as the body of every 404.
 *
 * A handler runs once per request and must respond before it returns
 * (http_respond, http_respond_static, http_stream or http_error), else
 * the server answers 500. The request, its headers and its body live
 * until the response ends. Responses are sent in the order requests came
 * (pipelining): the next request is read only when the current response
 * is handed to tcp, so a client that sends without reading fills its own
 * window. A streamed response is produced as tcp frees room in its send
 * buffer (TCP_EV_SENT): nothing is held in memory but tcp's send buffer.
 *
 * Requests are parsed strictly (RFC 9112): a malformed request line or
 * header, an HTTP/1.1 request without exactly one Host, a Content-Length
 * that is not one number, Transfer-Encoding with Content-Length or in
 * HTTP/1.0, whitespace before a header's colon, obsolete line folding,
 * control characters: 400 and the connection closes. Limits (Kconfig):
 * the request line (414), the header count and bytes (431), the body
 * (413); a transfer coding other than chunked: 501; a major version other
 * than 1: 505. The target is percent-decoded and its dot segments removed
 * before lookup: no target reaches above "/"; an encoded NUL, a backslash
 * or a control character in it is a 400.
 *
 * Connections come from a pool of CONFIG_HTTP_MAX_CONNECTIONS (a
 * connection beyond it gets a 503 and is closed); each has one buffer
 * from the heap for the request head, the decoded path, the body and the
 * response head, freed when it ends. A request whose head is not complete
 * CONFIG_HTTP_HEADER_TIMEOUT_S after its first byte, and a connection on
 * which nothing moved for CONFIG_HTTP_IDLE_TIMEOUT_S (between requests, in
 * a body, or while the peer does not read), is ended and freed.
 *
 * Not implemented: multiple ranges (a Range with several is ignored: 200),
 * If-Modified-Since (no Last-Modified), trailers (read and dropped),
 * request bodies beyond CONFIG_HTTP_MAX_BODY, CONNECT, upgrades, HTTP/2.
 */

struct http_request;
struct http_conn;

/* Handles a request; responds before it returns. */
typedef void (*http_handler_fn)(struct http_request *r, void *arg);
/* Produces a streamed body: writes with http_write while it accepts data,
 * returns true when the body is complete, false to be called again when
 * tcp has room (TCP_EV_SENT). */
typedef bool (*http_produce_fn)(struct http_request *r, void *arg);

/* A request as the handler sees it (read-only; the fields are valid until
 * the response ends). Strings are NUL-terminated. */
struct http_request {
	const char *method;	/* "GET", as sent (methods are case-sensitive) */
	const char *target;	/* the request target as sent */
	const char *path;	/* decoded, normalised: starts with '/', no "." or ".." */
	size_t path_len;	/* path may hold bytes >= 0x80, never NUL */
	const char *query;	/* after '?', still encoded; "" when none */
	unsigned version;	/* 10 (HTTP/1.0) or 11 */
	bool head;		/* HEAD: the response's body is not sent */
	const uint8_t *body;	/* the whole body (de-chunked) */
	size_t body_len;	/* at most CONFIG_HTTP_MAX_BODY */
	struct http_conn *conn; /* the server's */
};

/* The value of header name (case-insensitive) with its leading and
 * trailing whitespace removed, NUL-terminated; the first when it occurs
 * more than once. NULL when absent. */
const char *http_header(const struct http_request *r, const char *name);

/* Adds a header to the response before it starts (name and value must be
 * valid field text: no CR, LF or NUL). Returns 0, -EINVAL, -ENOSPC (the
 * per-response header room, CONFIG_HTTP_RESPONSE_HEADERS bytes, is full),
 * -EALREADY (the response has started). */
int http_add_header(struct http_request *r, const char *name, const char *value);

/* Responds with status and a body of len bytes of content_type (NULL: no
 * Content-Type), copied: the head and body together must fit in
 * CONFIG_HTTP_RESPONSE_BUF bytes. Returns 0, -EINVAL (status not 100-599
 * with a body, or 1xx), -EMSGSIZE (too big: use http_respond_static or
 * http_stream), -EALREADY (responded before). */
int http_respond(struct http_request *r, int status, const char *content_type, const void *body,
		 size_t len);
/* The same without a copy: body must stay valid until the response ends
 * (static data, the assets store). Returns 0, -EINVAL, -EALREADY. */
int http_respond_static(struct http_request *r, int status, const char *content_type,
			const void *body, size_t len);
/* A streamed response: length bytes (-1: unknown, sent chunked to
 * HTTP/1.1 clients and delimited by closing the connection for
 * HTTP/1.0), produced by fn(r, arg) whenever tcp has room. A producer
 * that ends short of length ends the connection. Returns 0, -EINVAL,
 * -EALREADY. */
int http_stream(struct http_request *r, int status, const char *content_type, int64_t length,
		http_produce_fn fn, void *arg);
/* Writes body bytes of a streamed response from its producer; returns
 * how many it took (0 when tcp's buffer is full: return false and be
 * called again), or -EINVAL outside a producer. With HEAD, takes all and
 * sends nothing. */
long http_write(struct http_request *r, const void *data, size_t len);
/* Responds with status and a short text body naming it (404: the store's
 * /404.html when it has one). Returns what http_respond does. */
int http_error(struct http_request *r, int status);

/* The standard reason phrase of a status ("Not Found"), "" if unknown. */
const char *http_reason(int status);

enum http_status_class {
	HTTP_CLASS_1XX,
	HTTP_CLASS_2XX,
	HTTP_CLASS_3XX,
	HTTP_CLASS_4XX,
	HTTP_CLASS_5XX,
	HTTP_CLASS_COUNT
};
extern const char *const http_class_names[HTTP_CLASS_COUNT];

struct http_stats {
	uint64_t conns_accepted;
	uint64_t conns_rejected; /* the pool was full: 503 and closed */
	uint64_t conns_active;	 /* gauge */
	uint64_t requests;	 /* parsed and answered, errors included */
	uint64_t responses[HTTP_CLASS_COUNT];
	uint64_t parse_errors;	  /* 400 for a malformed request */
	uint64_t line_too_long;	  /* 414 */
	uint64_t headers_too_big; /* 431: too many or too many bytes */
	uint64_t body_too_big;	  /* 413 */
	uint64_t not_implemented; /* 501 (transfer coding), 505 (version) */
	uint64_t header_timeouts; /* a request head too slow: ended */
	uint64_t idle_timeouts;	  /* nothing moved: ended */
	uint64_t peer_resets;	  /* tcp ended the connection with an error */
	uint64_t not_modified;	  /* 304 */
	uint64_t partial;	  /* 206 */
	uint64_t gzip;		  /* responses with the gzip variant */
	uint64_t handler_errors;  /* a handler did not respond, a producer ended short */
	uint64_t body_bytes;	  /* response body bytes handed to tcp */
};

/* Zero-initialise (or make static); the fields are the server's. Its
 * routes are in a table of CONFIG_HTTP_MAX_ROUTES shared by all servers. */
struct http_server {
	struct tcp_listener listener;
	struct http_stats stats;
	bool running;
};

/* Listens on addr (IPV4_ANY: all) and port. Returns 0, or tcp_listen's
 * error (-EINVAL, -EADDRINUSE). */
int http_server_start(struct http_server *s, uint32_t addr, uint16_t port);
/* Stops listening and ends the server's connections (RST). */
void http_server_stop(struct http_server *s);

/* Sends requests with method (a token, e.g. "GET", "POST") and a path
 * starting with prefix (which starts with '/') to fn(r, arg). Strings are
 * kept (not copied). Returns 0, -EINVAL, -ENOSPC (CONFIG_HTTP_MAX_ROUTES
 * routes of all servers),
 * -EEXIST (that method and prefix already have a route). */
int http_route(struct http_server *s, const char *method, const char *prefix, http_handler_fn fn,
	       void *arg);

void http_server_stats(const struct http_server *s, struct http_stats *out);
/* The counters of struct http_stats by name (uk/counters.h). */
extern const struct uk_counter_table http_counter_table;
/* Connections of all servers in the pool. */
unsigned http_conn_count(void);

#endif
