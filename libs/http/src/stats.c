/* The server's counters: a copy for the app, and their table by name. */
#include <string.h>

#include "http.h"

void http_server_stats(const struct http_server *s, struct http_stats *out)
{
	*out = s->stats;
}

static const struct uk_counter_desc counter_descs[] = {
    UK_COUNTER(struct http_stats, conns_accepted),
    UK_COUNTER(struct http_stats, conns_rejected),
    UK_COUNTER_GAUGE(struct http_stats, conns_active),
    UK_COUNTER(struct http_stats, requests),
    UK_COUNTER_ARRAY(struct http_stats, responses, "responses", http_class_names),
    UK_COUNTER(struct http_stats, parse_errors),
    UK_COUNTER(struct http_stats, line_too_long),
    UK_COUNTER(struct http_stats, headers_too_big),
    UK_COUNTER(struct http_stats, body_too_big),
    UK_COUNTER(struct http_stats, not_implemented),
    UK_COUNTER(struct http_stats, header_timeouts),
    UK_COUNTER(struct http_stats, idle_timeouts),
    UK_COUNTER(struct http_stats, peer_resets),
    UK_COUNTER(struct http_stats, not_modified),
    UK_COUNTER(struct http_stats, partial),
    UK_COUNTER(struct http_stats, gzip),
    UK_COUNTER(struct http_stats, handler_errors),
    UK_COUNTER(struct http_stats, body_bytes),
};

const struct uk_counter_table http_counter_table =
    UK_COUNTER_TABLE("http", struct http_stats, counter_descs);
