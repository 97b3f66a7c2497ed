/* escape: what each language of a generated file needs so that a value
 * stays one value: one function per language (escape.h). */
#include "escape.h"

#include <stdbool.h>
#include <string.h>
#include <strings.h>

#include "strbuf.h"
#include "ydoc.h"

int escape_control_char(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			return (unsigned char)*s;
	return 0;
}

static bool shell_safe(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       (c && strchr("_@%+=:,./-", c));
}

const char *escape_shell(struct uk_ctx *ctx, const char *s)
{
	struct strbuf sb;
	const char *p;

	for (p = s; shell_safe(*p); p++)
		;
	if (*s && !*p)
		return s;
	strbuf_init(&sb, ctx);
	strbuf_addc(&sb, '\'');
	for (p = s; *p; p++)
		if (*p == '\'')
			strbuf_adds(&sb, "'\\''");
		else
			strbuf_addc(&sb, *p);
	strbuf_addc(&sb, '\'');
	return sb.s;
}

/* '$' and the characters of special as "$<c>"; NULL if s holds one of
 * never. */
static const char *ninja_text(struct uk_ctx *ctx, const char *s, const char *special,
			      const char *never)
{
	struct strbuf sb;

	strbuf_init(&sb, ctx);
	for (; *s; s++) {
		if (strchr(never, *s))
			return NULL;
		if (*s == '$' || strchr(special, *s))
			strbuf_addc(&sb, '$');
		strbuf_addc(&sb, *s);
	}
	return sb.s;
}

const char *escape_ninja(struct uk_ctx *ctx, const char *s)
{
	return ninja_text(ctx, s, "", "\n\r");
}

const char *escape_ninja_path(struct uk_ctx *ctx, const char *s)
{
	return ninja_text(ctx, s, " :", "\n\r|");
}

const char *escape_c_string(struct uk_ctx *ctx, const char *s)
{
	struct strbuf sb;

	strbuf_init(&sb, ctx);
	strbuf_addc(&sb, '"');
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\' || c == '?')
			strbuf_addf(&sb, "\\%c", c);
		else if (c < 0x20 || c >= 0x7f)
			strbuf_addf(&sb, "\\%03o", c);
		else
			strbuf_addc(&sb, (char)c);
	}
	strbuf_addc(&sb, '"');
	return sb.s;
}

/* The letter of a backslash escape for control character c ("\n"), or 0. */
static char letter_escape(char c)
{
	static const char from[] = "\a\b\f\n\r\t\v", to[] = "abfnrtv";
	const char *p = c ? strchr(from, c) : NULL;

	return p ? to[p - from] : 0;
}

const char *escape_xl(struct uk_ctx *ctx, const char *s)
{
	struct strbuf sb;

	strbuf_init(&sb, ctx);
	strbuf_addc(&sb, '"');
	for (; *s; s++) {
		if (*s == '"' || *s == '\\') {
			strbuf_addc(&sb, '\\');
			strbuf_addc(&sb, *s);
		} else if ((unsigned char)*s < 0x20) {
			if (!letter_escape(*s))
				return NULL;
			strbuf_addc(&sb, '\\');
			strbuf_addc(&sb, letter_escape(*s));
		} else {
			strbuf_addc(&sb, *s);
		}
	}
	strbuf_addc(&sb, '"');
	return sb.s;
}

const char *escape_kconfig(struct uk_ctx *ctx, const char *s)
{
	struct strbuf sb;

	if (escape_control_char(s))
		return NULL;
	strbuf_init(&sb, ctx);
	strbuf_addc(&sb, '"');
	for (; *s; s++) {
		if (*s == '"' || *s == '\\' || *s == '$')
			strbuf_addc(&sb, '\\');
		strbuf_addc(&sb, *s);
	}
	strbuf_addc(&sb, '"');
	return sb.s;
}

/* Plain YAML reads s back as itself: it starts with a letter or digit,
 * holds only [A-Za-z0-9._/+-] and ':' (never last), and is no word YAML
 * gives another meaning (true, null, ...). */
static bool yaml_plain(const char *s)
{
	const char *p;

	if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9')))
		return false;
	for (p = s; *p; p++) {
		bool alnum = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
			     (*p >= '0' && *p <= '9');

		if (!alnum && !strchr("._/+-:", *p))
			return false;
		if (*p == ':' && !p[1])
			return false;
	}
	return !ydoc_bool_word(s, &(bool){false}) && strcasecmp(s, "null");
}

/* The length of the UTF-8 sequence at s that YAML may hold as it is (no C1
 * control, no overlong or broken sequence), or 0. */
static size_t yaml_utf8(const unsigned char *s)
{
	size_t n = s[0] >= 0xf0 ? 4 : s[0] >= 0xe0 ? 3 : 2, i;

	if (s[0] < 0xc2 || s[0] > 0xf4 || (s[0] == 0xc2 && s[1] < 0xa0 && s[1] != 0x85))
		return 0;
	for (i = 1; i < n; i++)
		if ((s[i] & 0xc0) != 0x80)
			return 0;
	if ((s[0] == 0xe0 && s[1] < 0xa0) || (s[0] == 0xf0 && s[1] < 0x90) ||
	    (s[0] == 0xed && s[1] >= 0xa0) || (s[0] == 0xf4 && s[1] >= 0x90))
		return 0;
	return n;
}

const char *escape_yaml(struct uk_ctx *ctx, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	struct strbuf sb;

	if (yaml_plain(s))
		return s;
	strbuf_init(&sb, ctx);
	strbuf_addc(&sb, '"');
	while (*p) {
		size_t n = *p >= 0x80 ? yaml_utf8(p) : 1;

		if (p[0] == 0xc2 && p[1] >= 0x80 && p[1] < 0xa0) {
			/* A C1 control (U+0080..U+009F) by its code point. */
			strbuf_addf(&sb, "\\x%02x", p[1]);
			p += 2;
			continue;
		}
		if (*p == '"' || *p == '\\')
			strbuf_addf(&sb, "\\%c", *p);
		else if (*p == '\n' || *p == '\t' || *p == '\r')
			strbuf_addf(&sb, "\\%c", letter_escape((char)*p));
		else if (*p < 0x20 || *p == 0x7f || !n)
			/* A byte of no UTF-8 sequence: the code point of its value. */
			strbuf_addf(&sb, "\\x%02x", *p);
		else
			strbuf_addn(&sb, (const char *)p, n);
		p += n ? n : 1;
	}
	strbuf_addc(&sb, '"');
	return sb.s;
}
