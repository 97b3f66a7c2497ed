/* The message grammar that request heads (parse.c) and response heads
 * (client_head.c) share (RFC 9110 5, RFC 9112 2-6): tokens, lines, field
 * lines, comma lists, Content-Length values, Connection's options. */
#include <string.h>
#include <strings.h>

#include "http.h"

bool http_is_tchar(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c && strchr("!#$%&'*+-.^_`|~", c));
}

char *http_line_end(char *p, char *end, char **next)
{
	char *lf = memchr(p, '\n', (size_t)(end - p));
	char *cr;

	if (!lf)
		return NULL;
	*next = lf + 1;
	cr = memchr(p, '\r', (size_t)(lf - p));
	if (cr && cr != lf - 1)
		return NULL;
	return cr ? cr : lf;
}

bool http_field_split(char *p, char *eol, const char **name, const char **value)
{
	char *v, *e;

	*name = p;
	while (p < eol && http_is_tchar((unsigned char)*p))
		p++;
	if (p == *name || p == eol || *p != ':')
		return false; /* empty name, obs-fold, whitespace before ':', a bad byte */
	*p++ = 0;
	while (p < eol && http_is_ows((unsigned char)*p))
		p++;
	v = p;
	for (e = p; e < eol; e++)
		if (!http_is_text((unsigned char)*e))
			return false;
	while (e > v && http_is_ows((unsigned char)e[-1]))
		e--;
	*e = 0;
	*value = v;
	return true;
}

const char *http_list_next(const char **p, size_t *len)
{
	const char *s = *p, *e;

	while (*s == ',' || http_is_ows((unsigned char)*s))
		s++;
	if (!*s)
		return NULL;
	e = s;
	while (*e && *e != ',')
		e++;
	*p = e;
	*len = (size_t)(e - s);
	while (*len && http_is_ows((unsigned char)s[*len - 1]))
		(*len)--;
	return s;
}

bool http_list_has(const char *value, const char *token)
{
	size_t n = strlen(token), len;
	const char *e;

	while ((e = http_list_next(&value, &len)))
		if (len == n && !strncasecmp(e, token, n))
			return true;
	return false;
}

bool http_length_value(const char *s, size_t len, bool *seen, uint64_t *length)
{
	uint64_t n = 0;
	size_t i;

	if (!len || len > 18)
		return false; /* more than any body; and no overflow */
	for (i = 0; i < len; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		n = n * 10 + (uint64_t)(s[i] - '0');
	}
	if (*seen && n != *length)
		return false;
	*seen = true;
	*length = n;
	return true;
}

void http_connection_options(const char *value, bool *close, bool *keep_alive)
{
	if (http_list_has(value, "close"))
		*close = true;
	if (http_list_has(value, "keep-alive"))
		*keep_alive = true;
}
