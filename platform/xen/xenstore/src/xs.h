/* Private to the xenstore module: one request/response exchange, and the
 * watch events that arrive in between. */
#ifndef XS_PRIVATE_H
#define XS_PRIVATE_H

#include <xenstore/xenstore.h>
#include <xen/io/xs_wire.h>

/* The parts of a request's payload, sent one after another. */
struct xs_part {
	const void *data;
	size_t len;
};

/* Sends a request and waits for its answer, whose payload (NUL-terminated)
 * goes to reply. Returns the payload's length or a negative Xen errno, for
 * an XS_ERROR answer too. */
int xs_exchange(uint32_t type, xs_transaction_t t, const struct xs_part *parts, int nparts,
		char *reply, size_t reply_len);

/* A watch event read while waiting for an answer. */
void xs_watch_queue(const char *payload, size_t len);

size_t xs_strlen(const char *s);
void xs_copy(void *to, const void *from, size_t n);
int xs_streq(const char *a, const char *b);

#endif
