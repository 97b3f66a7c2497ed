/* The client's counters: a copy for the app, and their table by name. */
#include "client_priv.h"

void http_client_stats(struct http_client_stats *out)
{
	*out = hc_stats;
}

static const struct uk_counter_desc counter_descs[] = {
    UK_COUNTER(struct http_client_stats, connects),
    UK_COUNTER(struct http_client_stats, requests),
    UK_COUNTER(struct http_client_stats, reused),
    UK_COUNTER(struct http_client_stats, retries),
    UK_COUNTER_ARRAY(struct http_client_stats, responses, "responses", http_class_names),
    UK_COUNTER(struct http_client_stats, interim),
    UK_COUNTER(struct http_client_stats, malformed),
    UK_COUNTER(struct http_client_stats, too_big),
    UK_COUNTER(struct http_client_stats, truncated),
    UK_COUNTER(struct http_client_stats, stray),
    UK_COUNTER(struct http_client_stats, timeouts),
    UK_COUNTER(struct http_client_stats, conn_errors),
    UK_COUNTER(struct http_client_stats, body_bytes),
};

const struct uk_counter_table http_client_counter_table =
    UK_COUNTER_TABLE("http_client", struct http_client_stats, counter_descs);
