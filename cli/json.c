/* The JSON writer: layout (one value a line, two spaces an indent) and
 * string escaping. */
#include "json.h"

#include <inttypes.h>

void json_init(struct json *j, FILE *f)
{
	j->f = f;
	j->depth = 0;
	j->first = true;
	j->after_key = false;
}

static void newline(struct json *j)
{
	int i;

	fputc('\n', j->f);
	for (i = 0; i < j->depth; i++)
		fputs("  ", j->f);
}

/* What comes before a value or a key: nothing after a key, else a comma
 * after an earlier element and a new line. */
static void separate(struct json *j)
{
	if (j->after_key) {
		j->after_key = false;
		return;
	}
	if (j->depth == 0)
		return;
	if (!j->first)
		fputc(',', j->f);
	newline(j);
	j->first = false;
}

static void container_begin(struct json *j, char c)
{
	separate(j);
	fputc(c, j->f);
	j->depth++;
	j->first = true;
}

static void container_end(struct json *j, char c)
{
	j->depth--;
	if (!j->first)
		newline(j);
	fputc(c, j->f);
	j->first = false;
	if (j->depth == 0)
		fputc('\n', j->f);
}

void json_object_begin(struct json *j)
{
	container_begin(j, '{');
}

void json_object_end(struct json *j)
{
	container_end(j, '}');
}

void json_array_begin(struct json *j)
{
	container_begin(j, '[');
}

void json_array_end(struct json *j)
{
	container_end(j, ']');
}

void json_key(struct json *j, const char *key)
{
	separate(j);
	json_write_escaped(j->f, key);
	fputs(": ", j->f);
	j->after_key = true;
}

/* The code point of the UTF-8 sequence at s, its length in *len; -1 when
 * the bytes are not UTF-8 (a stray or cut continuation byte, an overlong
 * form, a surrogate, beyond U+10FFFF). A NUL ends a sequence too. */
static long utf8_decode(const unsigned char *s, int *len)
{
	static const long least[5] = {0, 0, 0x80, 0x800, 0x10000};
	long c;
	int n, i;

	if (s[0] >= 0xc2 && s[0] <= 0xdf)
		n = 2, c = s[0] & 0x1f;
	else if ((s[0] & 0xf0) == 0xe0)
		n = 3, c = s[0] & 0x0f;
	else if (s[0] >= 0xf0 && s[0] <= 0xf4)
		n = 4, c = s[0] & 0x07;
	else
		return -1;
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return -1;
		c = c << 6 | (s[i] & 0x3f);
	}
	if (c < least[n] || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		return -1;
	*len = n;
	return c;
}

static void write_code_point(FILE *f, long c)
{
	if (c >= 0x10000) {
		c -= 0x10000;
		fprintf(f, "\\u%04lx\\u%04lx", 0xd800 + (c >> 10), 0xdc00 + (c & 0x3ff));
	} else {
		fprintf(f, "\\u%04lx", c);
	}
}

static const char *short_escape(unsigned char c)
{
	switch (c) {
	case '"':
		return "\\\"";
	case '\\':
		return "\\\\";
	case '\b':
		return "\\b";
	case '\f':
		return "\\f";
	case '\n':
		return "\\n";
	case '\r':
		return "\\r";
	case '\t':
		return "\\t";
	}
	return NULL;
}

void json_write_escaped(FILE *f, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	fputc('"', f);
	while (*p) {
		const char *e = short_escape(*p);
		int len = 1;
		long c;

		if (e)
			fputs(e, f);
		else if (*p < 0x20 || *p == 0x7f)
			write_code_point(f, *p);
		else if (*p < 0x80)
			fputc(*p, f);
		else if ((c = utf8_decode(p, &len)) >= 0)
			write_code_point(f, c);
		else
			write_code_point(f, 0xfffd);
		p += len;
	}
	fputc('"', f);
}

void json_string(struct json *j, const char *s)
{
	if (!s) {
		json_null(j);
		return;
	}
	separate(j);
	json_write_escaped(j->f, s);
}

void json_uint(struct json *j, uint64_t v)
{
	separate(j);
	fprintf(j->f, "%" PRIu64, v);
}

void json_int(struct json *j, long long v)
{
	separate(j);
	fprintf(j->f, "%lld", v);
}

void json_fixed1(struct json *j, double v)
{
	separate(j);
	fprintf(j->f, "%.1f", v);
}

void json_bool(struct json *j, bool v)
{
	separate(j);
	fputs(v ? "true" : "false", j->f);
}

void json_null(struct json *j)
{
	separate(j);
	fputs("null", j->f);
}

void json_field_string(struct json *j, const char *key, const char *s)
{
	json_key(j, key);
	json_string(j, s);
}

void json_field_uint(struct json *j, const char *key, uint64_t v)
{
	json_key(j, key);
	json_uint(j, v);
}

void json_field_int(struct json *j, const char *key, long long v)
{
	json_key(j, key);
	json_int(j, v);
}

void json_field_bool(struct json *j, const char *key, bool v)
{
	json_key(j, key);
	json_bool(j, v);
}
