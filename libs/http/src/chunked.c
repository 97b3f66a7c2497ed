/* The chunked transfer coding of request bodies (RFC 9112 7.1), decoded as
 * bytes arrive: sizes in hex, extensions skipped, trailers read and
 * dropped, every line bounded. */
#include <string.h>

#include "http.h"

enum {
	CH_SIZE,     /* hex digits of a chunk size */
	CH_EXT,	     /* after the size: whitespace, extensions */
	CH_SIZE_LF,  /* the size line's CR seen */
	CH_DATA,     /* the chunk's data */
	CH_DATA_CR,  /* the CRLF after the data */
	CH_DATA_LF,  /* its CR seen */
	CH_TRAILER,  /* at the start of a trailer line (or the final empty one) */
	CH_TLINE,    /* in a trailer line */
	CH_TLINE_LF, /* a trailer line's CR seen */
	CH_END_LF,   /* the final empty line's CR seen */
	CH_DONE,
};

/* Longest chunk-size line past its digits (extensions), and the trailer
 * section's bytes. */
#define CH_MAX_EXT 256

static bool text_byte(uint8_t c)
{
	return c == '\t' || (c >= 0x20 && c != 0x7f);
}

/* One byte of the lines around the data; returns 0 or an error status. */
static int step(struct http_chunked *c, uint8_t b)
{
	switch (c->state) {
	case CH_SIZE:
		if (http_hex(b) >= 0) {
			if (++c->digits > 15)
				return 413; /* more than any body we take */
			c->size = c->size * 16 + (uint64_t)http_hex(b);
			return 0;
		}
		if (!c->digits)
			return 400;
		if (b == '\r')
			c->state = CH_SIZE_LF;
		else if (b == ';' || b == ' ' || b == '\t')
			c->state = CH_EXT;
		else if (b == '\n')
			c->state = c->size ? CH_DATA : CH_TRAILER;
		else
			return 400;
		return 0;
	case CH_EXT:
		if (b == '\r')
			c->state = CH_SIZE_LF;
		else if (b == '\n')
			c->state = c->size ? CH_DATA : CH_TRAILER;
		else if (!text_byte(b) || ++c->line > CH_MAX_EXT)
			return 400;
		return 0;
	case CH_SIZE_LF:
		if (b != '\n')
			return 400;
		c->state = c->size ? CH_DATA : CH_TRAILER;
		return 0;
	case CH_DATA_CR:
		if (b == '\n')
			c->state = CH_SIZE;
		else if (b == '\r')
			c->state = CH_DATA_LF;
		else
			return 400;
		return 0;
	case CH_DATA_LF:
		if (b != '\n')
			return 400;
		c->state = CH_SIZE;
		return 0;
	case CH_TRAILER:
		if (b == '\r')
			c->state = CH_END_LF;
		else if (b == '\n')
			c->state = CH_DONE;
		else if (!text_byte(b))
			return 400;
		else
			c->state = CH_TLINE;
		break;
	case CH_TLINE:
		if (b == '\r')
			c->state = CH_TLINE_LF;
		else if (b == '\n')
			c->state = CH_TRAILER;
		else if (!text_byte(b))
			return 400;
		break;
	case CH_TLINE_LF:
	case CH_END_LF:
		if (b != '\n')
			return 400;
		c->state = c->state == CH_END_LF ? CH_DONE : CH_TRAILER;
		break;
	default:
		return 400;
	}
	/* the trailer section: read and dropped, bounded */
	if (++c->trailer > CONFIG_HTTP_MAX_HEADER_BYTES)
		return 431;
	return 0;
}

size_t http_chunked_feed(struct http_chunked *c, const uint8_t *in, size_t n, uint8_t *body,
			 size_t *body_len, size_t cap, int *status, bool *done)
{
	size_t i = 0;

	*status = 0;
	*done = false;
	while (i < n && c->state != CH_DONE) {
		if (c->state == CH_DATA) {
			size_t k = n - i;

			if (c->size > cap - *body_len) {
				*status = 413;
				return i;
			}
			if (k > c->size)
				k = (size_t)c->size;
			memcpy(body + *body_len, in + i, k);
			*body_len += k;
			c->size -= k;
			i += k;
			if (!c->size) {
				c->state = CH_DATA_CR;
				c->digits = 0;
				c->line = 0;
			}
			continue;
		}
		if ((*status = step(c, in[i])))
			return i;
		i++;
		if (c->state == CH_DATA && c->size > cap - *body_len) {
			*status = 413;
			return i;
		}
	}
	*done = c->state == CH_DONE;
	return i;
}
