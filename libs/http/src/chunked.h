/* The chunked transfer coding's decoder (RFC 9112 7.1), one for the
 * server's request bodies and the client's response bodies. */
#ifndef HTTP_SRC_CHUNKED_H
#define HTTP_SRC_CHUNKED_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum http_chunked_error {
	HTTP_CHUNKED_OK,
	HTTP_CHUNKED_MALFORMED,
	HTTP_CHUNKED_OVERFLOW,	   /* a chunk size past 64 bits */
	HTTP_CHUNKED_LONG_EXT,	   /* a size line's extensions past max_ext */
	HTTP_CHUNKED_LONG_TRAILER, /* the trailer section past max_trailer */
};

/* A state machine fed what arrives: one byte of the lines around the data
 * at a time, the data in spans. */
struct http_chunked {
	int state;
	uint64_t size; /* of the chunk, what is left of it while in its data */
	unsigned digits;
	size_t ext;	/* bytes of chunk extensions on this size line */
	size_t trailer; /* bytes of the trailer section */
	size_t max_ext, max_trailer;
};

/* Starts a body: extensions of more than max_ext bytes on a size line and
 * trailer sections of more than max_trailer bytes are errors. */
void http_chunked_init(struct http_chunked *c, size_t max_ext, size_t max_trailer);
/* Decodes from in[0..n): returns the bytes consumed; *data and *len are
 * set to a span of chunk data when it stops at one (the caller takes it
 * and calls again with what follows), *len 0 otherwise. *err is set on an
 * error, *done after the last chunk's trailer section (what follows is the
 * next message). */
size_t http_chunked_feed(struct http_chunked *c, const uint8_t *in, size_t n, const uint8_t **data,
			 size_t *len, enum http_chunked_error *err, bool *done);
/* The bytes of the current chunk's data still to come: known as soon as
 * its size line ends; 0 outside a chunk's data. */
uint64_t http_chunked_left(const struct http_chunked *c);

#endif
