/* The chunked transfer coding (RFC 9112 7.1), decoded as bytes arrive and
 * passed on in spans: sizes in hex, extensions skipped, trailers read and
 * dropped, every line bounded. */
#include <string.h>

#include "chunked.h"
#include "http.h"

enum {
	CH_SIZE,     /* hex digits of a chunk size */
	CH_EXT,	     /* after the digits: whitespace, extensions */
	CH_SIZE_LF,  /* the size line's CR seen */
	CH_DATA,     /* the chunk's data */
	CH_DATA_CR,  /* the CRLF after the data */
	CH_DATA_LF,  /* its CR seen */
	CH_TRAILER,  /* at the start of a trailer line, or of the final empty one */
	CH_TLINE,    /* in a trailer line */
	CH_TLINE_LF, /* a trailer line's CR seen */
	CH_END_LF,   /* the final empty line's CR seen */
	CH_DONE,
};

void http_chunked_init(struct http_chunked *c, size_t max_ext, size_t max_trailer)
{
	memset(c, 0, sizeof(*c));
	c->max_ext = max_ext;
	c->max_trailer = max_trailer;
}

uint64_t http_chunked_left(const struct http_chunked *c)
{
	return c->state == CH_DATA ? c->size : 0;
}

/* The end of a size line: a chunk's data follows, or the trailers. */
static void size_done(struct http_chunked *c)
{
	c->state = c->size ? CH_DATA : CH_TRAILER;
}

/* One byte outside the data; returns the error it makes. */
static enum http_chunked_error step(struct http_chunked *c, uint8_t b)
{
	switch (c->state) {
	case CH_SIZE:
		if (http_hex(b) >= 0) {
			if (c->size >> 60)
				return HTTP_CHUNKED_OVERFLOW;
			c->size = c->size * 16 + (uint64_t)http_hex(b);
			c->digits++;
			return HTTP_CHUNKED_OK;
		}
		if (!c->digits)
			return HTTP_CHUNKED_MALFORMED;
		if (b == '\r')
			c->state = CH_SIZE_LF;
		else if (b == '\n')
			size_done(c);
		else if (http_is_ows(b) || b == ';')
			c->state = CH_EXT;
		else
			return HTTP_CHUNKED_MALFORMED;
		return HTTP_CHUNKED_OK;
	case CH_EXT:
		if (b == '\r')
			c->state = CH_SIZE_LF;
		else if (b == '\n')
			size_done(c);
		else if (!http_is_text(b))
			return HTTP_CHUNKED_MALFORMED;
		else if (++c->ext > c->max_ext)
			return HTTP_CHUNKED_LONG_EXT;
		return HTTP_CHUNKED_OK;
	case CH_SIZE_LF:
		if (b != '\n')
			return HTTP_CHUNKED_MALFORMED;
		size_done(c);
		return HTTP_CHUNKED_OK;
	case CH_DATA_CR:
		if (b == '\r')
			c->state = CH_DATA_LF;
		else if (b == '\n')
			c->state = CH_SIZE;
		else
			return HTTP_CHUNKED_MALFORMED;
		return HTTP_CHUNKED_OK;
	case CH_DATA_LF:
		if (b != '\n')
			return HTTP_CHUNKED_MALFORMED;
		c->state = CH_SIZE;
		return HTTP_CHUNKED_OK;
	case CH_TRAILER:
		if (b == '\r')
			c->state = CH_END_LF;
		else if (b == '\n')
			c->state = CH_DONE;
		else if (http_is_ows(b) || !http_is_text(b))
			return HTTP_CHUNKED_MALFORMED; /* obs-fold, or a bad byte */
		else
			c->state = CH_TLINE;
		break;
	case CH_TLINE:
		if (b == '\r')
			c->state = CH_TLINE_LF;
		else if (b == '\n')
			c->state = CH_TRAILER;
		else if (!http_is_text(b))
			return HTTP_CHUNKED_MALFORMED;
		break;
	case CH_TLINE_LF:
	case CH_END_LF:
		if (b != '\n')
			return HTTP_CHUNKED_MALFORMED;
		c->state = c->state == CH_END_LF ? CH_DONE : CH_TRAILER;
		break;
	default:
		return HTTP_CHUNKED_MALFORMED;
	}
	if (++c->trailer > c->max_trailer)
		return HTTP_CHUNKED_LONG_TRAILER;
	return HTTP_CHUNKED_OK;
}

size_t http_chunked_feed(struct http_chunked *c, const uint8_t *in, size_t n, const uint8_t **data,
			 size_t *len, enum http_chunked_error *err, bool *done)
{
	size_t i = 0;

	*data = in;
	*len = 0;
	*err = HTTP_CHUNKED_OK;
	*done = false;
	while (i < n && c->state != CH_DONE) {
		if (c->state == CH_DATA) {
			size_t k = n - i;

			if (k > c->size)
				k = (size_t)c->size;
			*data = in + i;
			*len = k;
			c->size -= k;
			if (!c->size) {
				c->state = CH_DATA_CR;
				c->digits = 0;
				c->ext = 0;
			}
			i += k;
			break;
		}
		if ((*err = step(c, in[i])))
			return i;
		i++;
	}
	*done = c->state == CH_DONE;
	return i;
}

size_t http_chunked_body(struct http_chunked *c, const uint8_t *in, size_t n, uint8_t *body,
			 size_t *body_len, size_t cap, int *status, bool *done)
{
	static const int statuses[] = {
	    [HTTP_CHUNKED_MALFORMED] = 400,
	    [HTTP_CHUNKED_OVERFLOW] = 413, /* more than any body we take */
	    [HTTP_CHUNKED_LONG_EXT] = 400,
	    [HTTP_CHUNKED_LONG_TRAILER] = 431,
	};
	size_t i = 0;

	*status = 0;
	*done = false;
	while (i < n && !*done) {
		enum http_chunked_error e;
		const uint8_t *d;
		size_t k;

		i += http_chunked_feed(c, in + i, n - i, &d, &k, &e, done);
		if (e) {
			*status = statuses[e];
			return i;
		}
		/* the whole chunk must fit: decided when its size line ends */
		if (k + http_chunked_left(c) > cap - *body_len) {
			*status = 413;
			return i - k;
		}
		memcpy(body + *body_len, d, k);
		*body_len += k;
	}
	return i;
}
