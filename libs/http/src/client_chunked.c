/* The chunked transfer coding of responses (RFC 9112 7.1), decoded as bytes
 * arrive and passed on in spans: sizes in hex, extensions skipped,
 * trailers read and dropped, every line bounded. */
#include "client_priv.h"
#include "http.h"

enum {
	CK_SIZE,     /* hex digits of a chunk size */
	CK_EXT,	     /* after the digits: whitespace, extensions */
	CK_SIZE_LF,  /* the size line's CR seen */
	CK_DATA,     /* the chunk's data */
	CK_DATA_CR,  /* the CRLF after the data */
	CK_DATA_LF,  /* its CR seen */
	CK_TRAILER,  /* at the start of a trailer line, or of the final empty one */
	CK_TLINE,    /* in a trailer line */
	CK_TLINE_LF, /* a trailer line's CR seen */
	CK_END_LF,   /* the final empty line's CR seen */
	CK_DONE,
};

static bool text_byte(uint8_t c)
{
	return c == '\t' || (c >= 0x20 && c != 0x7f);
}

/* The end of a size line: a chunk's data follows, or the trailers. */
static void size_done(struct hc_chunked *c)
{
	c->state = c->size ? CK_DATA : CK_TRAILER;
}

/* One byte outside the data; returns the error it makes. */
static enum hc_error step(struct hc_chunked *c, uint8_t b)
{
	switch (c->state) {
	case CK_SIZE:
		if (http_hex(b) >= 0) {
			if (c->size >> 60)
				return HC_MALFORMED; /* past 2^64 */
			c->size = c->size * 16 + (uint64_t)http_hex(b);
			c->digits++;
			return HC_OK;
		}
		if (!c->digits)
			return HC_MALFORMED;
		if (b == '\r')
			c->state = CK_SIZE_LF;
		else if (b == '\n')
			size_done(c);
		else if (b == ';' || b == ' ' || b == '\t')
			c->state = CK_EXT;
		else
			return HC_MALFORMED;
		return HC_OK;
	case CK_EXT:
		if (b == '\r')
			c->state = CK_SIZE_LF;
		else if (b == '\n')
			size_done(c);
		else if (!text_byte(b))
			return HC_MALFORMED;
		else if (++c->ext > CONFIG_HTTP_CLIENT_MAX_HEADER_BYTES)
			return HC_TOO_BIG;
		return HC_OK;
	case CK_SIZE_LF:
		if (b != '\n')
			return HC_MALFORMED;
		size_done(c);
		return HC_OK;
	case CK_DATA_CR:
		if (b == '\r')
			c->state = CK_DATA_LF;
		else if (b == '\n')
			c->state = CK_SIZE;
		else
			return HC_MALFORMED;
		return HC_OK;
	case CK_DATA_LF:
		if (b != '\n')
			return HC_MALFORMED;
		c->state = CK_SIZE;
		return HC_OK;
	case CK_TRAILER:
		if (b == '\r')
			c->state = CK_END_LF;
		else if (b == '\n')
			c->state = CK_DONE;
		else if (b == ' ' || b == '\t' || !text_byte(b))
			return HC_MALFORMED; /* obs-fold, or a bad byte */
		else
			c->state = CK_TLINE;
		break;
	case CK_TLINE:
		if (b == '\r')
			c->state = CK_TLINE_LF;
		else if (b == '\n')
			c->state = CK_TRAILER;
		else if (!text_byte(b))
			return HC_MALFORMED;
		break;
	case CK_TLINE_LF:
	case CK_END_LF:
		if (b != '\n')
			return HC_MALFORMED;
		c->state = c->state == CK_END_LF ? CK_DONE : CK_TRAILER;
		break;
	default:
		return HC_MALFORMED;
	}
	if (++c->trailer > CONFIG_HTTP_CLIENT_MAX_HEADER_BYTES)
		return HC_TOO_BIG;
	return HC_OK;
}

size_t hc_chunked_feed(struct hc_chunked *c, const uint8_t *in, size_t n, const uint8_t **data,
		       size_t *len, enum hc_error *err, bool *done)
{
	size_t i = 0;

	*len = 0;
	*err = HC_OK;
	while (i < n && c->state != CK_DONE) {
		if (c->state == CK_DATA) {
			size_t k = n - i;

			if (k > c->size)
				k = (size_t)c->size;
			*data = in + i;
			*len = k;
			c->size -= k;
			if (!c->size) {
				c->state = CK_DATA_CR;
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
	*done = c->state == CK_DONE;
	return i;
}
