/* The http module's private parts: configuration defaults, the parsed
 * request head, the connection, and the calls between its files. */
#ifndef HTTP_SRC_HTTP_H
#define HTTP_SRC_HTTP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <uk/config.h>

#include <http/http.h>
#include <sched/sched.h>
#include <tcp/tcp.h>

#include "chunked.h"

/* Defaults for builds whose config.h lacks the module (host tests). */
#ifndef CONFIG_HTTP_MAX_CONNECTIONS
#define CONFIG_HTTP_MAX_CONNECTIONS 16
#endif
#ifndef CONFIG_HTTP_MAX_ROUTES
#define CONFIG_HTTP_MAX_ROUTES 16
#endif
#ifndef CONFIG_HTTP_MAX_REQUEST_LINE
#define CONFIG_HTTP_MAX_REQUEST_LINE 2048
#endif
#ifndef CONFIG_HTTP_MAX_HEADERS
#define CONFIG_HTTP_MAX_HEADERS 32
#endif
#ifndef CONFIG_HTTP_MAX_HEADER_BYTES
#define CONFIG_HTTP_MAX_HEADER_BYTES 8192
#endif
#ifndef CONFIG_HTTP_MAX_BODY
#define CONFIG_HTTP_MAX_BODY 16384
#endif
#ifndef CONFIG_HTTP_RESPONSE_BUF
#define CONFIG_HTTP_RESPONSE_BUF 4096
#endif
#ifndef CONFIG_HTTP_RESPONSE_HEADERS
#define CONFIG_HTTP_RESPONSE_HEADERS 1024
#endif
#ifndef CONFIG_HTTP_IDLE_TIMEOUT_S
#define CONFIG_HTTP_IDLE_TIMEOUT_S 30
#endif
#ifndef CONFIG_HTTP_HEADER_TIMEOUT_S
#define CONFIG_HTTP_HEADER_TIMEOUT_S 10
#endif
#ifndef CONFIG_HTTP_CACHE_CONTROL
#define CONFIG_HTTP_CACHE_CONTROL "no-cache"
#endif

/* The head buffer holds the request line and the header section. */
#define HTTP_HEAD_CAP (CONFIG_HTTP_MAX_REQUEST_LINE + CONFIG_HTTP_MAX_HEADER_BYTES)
/* The decoded path, with room for "index.html" after it. */
#define HTTP_PATH_CAP (CONFIG_HTTP_MAX_REQUEST_LINE + 16)
/* Empty lines tolerated before a request line (RFC 9112 2.2). */
#define HTTP_MAX_LEADING_CRLF 8

/* One header field: name and value NUL-terminated in the head buffer. */
struct http_field {
	const char *name;
	const char *value;
};

enum http_framing { HTTP_BODY_NONE, HTTP_BODY_LENGTH, HTTP_BODY_CHUNKED };

/* A request head as parse.c leaves it. */
struct http_head {
	const char *method;
	const char *target;
	size_t target_len;
	unsigned version; /* 10 or 11 */
	unsigned nfields;
	struct http_field fields[CONFIG_HTTP_MAX_HEADERS];
	enum http_framing framing;
	uint64_t content_length;
	bool close;	    /* the connection ends after the response */
	bool keep_alive_10; /* HTTP/1.0 with Connection: keep-alive */
	bool expect_continue;
};

/* Parses a complete request head (request line, fields, the empty line)
 * of len bytes in buf, which it changes (NUL terminators). Returns 0, or
 * the status to answer: 400, 413, 431, 501, 505. h->version is set as
 * soon as the request line is read. */
int http_parse_head(char *buf, size_t len, struct http_head *h);
/* The first field named name (case-insensitive), or NULL. */
const char *http_head_field(const struct http_head *h, const char *name);

/* field.c: the grammar the server's request heads and the client's
 * response heads share. */
bool http_is_tchar(unsigned char c);
static inline bool http_is_ows(unsigned char c)
{
	return c == ' ' || c == '\t';
}
/* field-vchar, obs-text, SP, HTAB: what field values and the other text
 * lines may hold. */
static inline bool http_is_text(unsigned char c)
{
	return c == '\t' || (c >= 0x20 && c != 0x7f);
}
/* The end of the line at p (its CRLF or bare LF) and the start of the
 * next in *next; NULL when no LF comes before end or a CR stands anywhere
 * but before the LF. */
char *http_line_end(char *p, char *end, char **next);
/* field-name ":" OWS field-value OWS in [p, eol), NUL-terminated in place;
 * false when it is not one (obs-fold included). */
bool http_field_split(char *p, char *eol, const char **name, const char **value);
/* The next element of a comma list at *p (OWS trimmed): its start, its
 * length in *len; NULL at the end. Empty elements are skipped. */
const char *http_list_next(const char **p, size_t *len);
/* True if the comma-separated list value holds token (case-insensitive). */
bool http_list_has(const char *value, const char *token);
/* One Content-Length value s[0..len): 1 to 18 digits, the same as the one
 * seen before if *seen; sets *length and *seen. False if it is not. */
bool http_length_value(const char *s, size_t len, bool *seen, uint64_t *length);
/* Connection's close and keep-alive options in value set *close and
 * *keep_alive (left as they are otherwise: a message may carry several). */
void http_connection_options(const char *value, bool *close, bool *keep_alive);
/* Persistence (RFC 9112 9.3): HTTP/1.1 unless close, HTTP/1.0 only with
 * keep-alive and without close. */
static inline bool http_persistent(unsigned version, bool close, bool keep_alive)
{
	return !close && (version == 11 || keep_alive);
}

/* The value of a hex digit, -1 if c is none. */
static inline int http_hex(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* The longest extensions of a request's chunk-size line. */
#define HTTP_MAX_CHUNK_EXT 256

/* chunked.c: a request's chunked body (c started with HTTP_MAX_CHUNK_EXT
 * and CONFIG_HTTP_MAX_HEADER_BYTES), fed n bytes: decoded data goes to
 * body (*body_len bytes already, at most cap). Returns the bytes consumed;
 * *status becomes 400 (malformed), 413 (past cap) or 431 (trailers too
 * big) on an error, *done true after the last chunk and the trailer
 * section (the rest is the next request). */
size_t http_chunked_body(struct http_chunked *c, const uint8_t *in, size_t n, uint8_t *body,
			 size_t *body_len, size_t cap, int *status, bool *done);

/* The path of a request target (origin-form or absolute-form http(s)),
 * percent-decoded and normalised (dot segments removed, repeated slashes
 * made one) into out (cap bytes, NUL-terminated), its length in *out_len;
 * *query points into target after the '?' (or at ""). Returns 0, or 400
 * (not a path, a bad escape, an encoded NUL, a backslash, a control
 * character, a raw byte that must be encoded), or 414 (too long). */
int http_target_path(const char *target, size_t len, char *out, size_t cap, size_t *out_len,
		     const char **query);

/* An IMF-fixdate (RFC 9110 5.6.7) of unix_s seconds: 29 characters and a
 * NUL in out. */
void http_date(uint64_t unix_s, char out[30]);

/* True if Accept-Encoding value ae (NULL: absent) takes gzip: gzip or
 * x-gzip or "*" with a q-value above 0 (a q=0 for gzip wins over "*"). */
bool http_accepts_gzip(const char *ae);
/* True if If-None-Match value inm holds etag (weak comparison) or is "*". */
bool http_etag_match(const char *inm, const char *etag);
/* A single Range (RFC 9110 14.1.2) on a representation of size bytes:
 * 1 with *first, *last (inclusive) set, 0 to ignore it (not bytes, not
 * valid, several ranges), -1 when not satisfiable (416). */
int http_range(const char *range, uint64_t size, uint64_t *first, uint64_t *last);

enum http_conn_state { HTTP_C_FREE, HTTP_C_HEAD, HTTP_C_BODY, HTTP_C_RESPOND };
enum http_timer_kind { HTTP_T_IDLE, HTTP_T_HEADER };
enum http_out_mode { HTTP_OUT_LENGTH, HTTP_OUT_CHUNKED, HTTP_OUT_UNTIL_CLOSE };

struct http_conn {
	struct http_server *srv;
	struct tcp_conn *tcp;
	unsigned gen; /* changes when the slot is freed: a stale pointer sees it */
	enum http_conn_state state;
	struct sched_timer timer;
	enum http_timer_kind timer_kind;
	bool in_recv, peer_closed;
	uint8_t *mem; /* the one allocation: head, path, body, out, extra */

	/* the request */
	char *headbuf;
	size_t hlen;
	unsigned leading_crlf;
	bool line_done; /* the request line's LF was seen */
	size_t line_len;
	struct http_head head;
	struct http_request req;
	char *path;
	uint8_t *body;
	size_t body_len;
	uint64_t body_need; /* Content-Length bytes still to come */
	struct http_chunked chunked;

	/* the response */
	bool responded, close_after, head_only;
	int status;
	char *out; /* the response head (and a copied body), sent first */
	size_t out_len, out_off;
	char *extra; /* headers from http_add_header */
	size_t extra_len;
	const uint8_t *sbody; /* a borrowed body */
	size_t sbody_len, sbody_off;
	http_produce_fn produce;
	void *produce_arg;
	enum http_out_mode mode;
	int64_t remaining; /* of a streamed body with a length */
	bool in_producer, produced_end;
	size_t wrote;
};

extern struct http_conn http_conns[CONFIG_HTTP_MAX_CONNECTIONS];

/* writer.c: starts the response head (status line, Date, framing,
 * Connection, the added headers); length -1 with mode chunked or until
 * close. Returns 0, -EINVAL, -EALREADY, -EMSGSIZE. */
int http_begin(struct http_conn *h, int status, const char *content_type, int64_t length);
/* Hands what is pending to tcp as room allows; ends the response when all
 * of it went. */
void http_pump(struct http_conn *h);
/* Forgets the response (the next request starts clean). */
void http_response_reset(struct http_conn *h);

/* server.c: the response is all in tcp's hands. */
void http_response_done(struct http_conn *h);
/* Ends the connection at once (RST) and frees its slot. */
void http_conn_abort(struct http_conn *h);

/* route.c: calls the route for r, or answers 405 or 501; false when no
 * route takes r's method and path (the static files then do). */
bool http_route_dispatch(struct http_server *s, struct http_request *r);
/* Removes a server's routes. */
void http_route_clear(struct http_server *s);

/* static.c: serves r from the assets store. */
void http_static_serve(struct http_request *r);
/* Responds 404, with /404.html as the body when the store has it. */
int http_static_not_found(struct http_request *r);

#endif
