/* The client's private parts: its limits, the response parser (head,
 * framing, chunked body) fed bytes as they arrive, and the client itself. */
#ifndef HTTP_SRC_CLIENT_PRIV_H
#define HTTP_SRC_CLIENT_PRIV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <uk/config.h>

#include <http/client.h>
#include <sched/sched.h>

#include "chunked.h"

#ifndef CONFIG_HTTP_CLIENT_MAX_STATUS_LINE
#define CONFIG_HTTP_CLIENT_MAX_STATUS_LINE 512
#endif
#ifndef CONFIG_HTTP_CLIENT_MAX_HEADERS
#define CONFIG_HTTP_CLIENT_MAX_HEADERS 64
#endif
#ifndef CONFIG_HTTP_CLIENT_MAX_HEADER_BYTES
#define CONFIG_HTTP_CLIENT_MAX_HEADER_BYTES 16384
#endif
#ifndef CONFIG_HTTP_CLIENT_MAX_REQUEST
#define CONFIG_HTTP_CLIENT_MAX_REQUEST 2048
#endif
#ifndef CONFIG_HTTP_CLIENT_TIMEOUT_S
#define CONFIG_HTTP_CLIENT_TIMEOUT_S 30
#endif

/* The head buffer: the status line and the header section, their line
 * ends included, and a NUL. */
#define HC_HEAD_CAP (CONFIG_HTTP_CLIENT_MAX_STATUS_LINE + CONFIG_HTTP_CLIENT_MAX_HEADER_BYTES + 1)

/* Interim (1xx) responses taken before the final one. */
#define HC_MAX_INTERIM 16

/* Why a response failed. */
enum hc_error { HC_OK, HC_MALFORMED, HC_TOO_BIG, HC_TRUNCATED };

enum hc_state { HC_HEAD, HC_BODY_LENGTH, HC_BODY_CHUNKED, HC_BODY_CLOSE, HC_DONE, HC_FAILED };

/* A response parser. hc_parser_start before each response. */
struct hc_parser {
	enum hc_state state;
	enum hc_error error;
	bool head_request; /* the request was HEAD: no body */
	char head[HC_HEAD_CAP];
	size_t len;	   /* bytes in head */
	size_t line;	   /* where the current line starts in head */
	size_t status_end; /* the status line's length; 0 until it is read */
	const char *fields[2 * CONFIG_HTTP_CLIENT_MAX_HEADERS];
	struct http_response resp;
	uint64_t remaining; /* of a Content-Length body */
	struct http_chunked chunked;
	unsigned interim; /* 1xx responses skipped */
	/* the response's head, and a span of its body */
	void (*on_head)(void *arg, const struct http_response *r);
	void (*on_body)(void *arg, const void *data, size_t len);
	void *arg;
};

void hc_parser_start(struct hc_parser *p, bool head_request);
/* Feeds n bytes; returns how many belong to the response (the rest came
 * after its end). state is then HC_DONE at the end, HC_FAILED (error set)
 * on an error; anything else wants more. */
size_t hc_parser_feed(struct hc_parser *p, const uint8_t *in, size_t n);
/* The connection ended: a body delimited by the close is complete (true),
 * anything else unfinished is truncated (false, state HC_FAILED). */
bool hc_parser_eof(struct hc_parser *p);

/* client_head.c: parses the complete head in p->head (p->len bytes, the
 * status line p->status_end of them) into p->resp and its framing. */
enum hc_error hc_parse_head(struct hc_parser *p);

extern struct http_client_stats hc_stats;

#endif
