/* escape: one function per language of the files uk writes, so that no
 * value of a manifest, a module or a path changes what a generated file
 * means. Each returns text owned by the context; those that return NULL
 * do so for a value the language cannot hold at all. */
#ifndef UK_ESCAPE_H
#define UK_ESCAPE_H

#include "ctx.h"

/* One word for /bin/sh: s itself when it holds only characters the shell
 * never interprets, else s in single quotes (a quote as '\''). */
const char *escape_shell(struct uk_ctx *ctx, const char *s);

/* Text in a ninja variable's value: '$' as "$$". NULL for a newline or a
 * carriage return, which end a value and have no escape. */
const char *escape_ninja(struct uk_ctx *ctx, const char *s);

/* A path of a ninja build line: '$', space and ':' escaped. NULL for a
 * newline, a carriage return or '|', which end a path and have no escape. */
const char *escape_ninja_path(struct uk_ctx *ctx, const char *s);

/* A C string literal, quotes included: '"', '\' and '?' (so that no
 * trigraph forms under -std=c11) escaped, every byte outside printable
 * ASCII as a three-digit octal escape. */
const char *escape_c_string(struct uk_ctx *ctx, const char *s);

/* An xl.cfg(5) string, quotes included: '"' and '\' escaped, and the
 * control characters xl has a letter for (\n, \t, ...). NULL for another
 * control character: xl's numeric escapes do not work. */
const char *escape_xl(struct uk_ctx *ctx, const char *s);

/* A Kconfig string, quotes included: '"', '\' and '$' (macros) escaped.
 * NULL for a control character: a newline ends a Kconfig string. */
const char *escape_kconfig(struct uk_ctx *ctx, const char *s);

/* A YAML scalar: s itself when plain YAML reads it back as the same
 * string, else a double-quoted scalar with backslash escapes. */
const char *escape_yaml(struct uk_ctx *ctx, const char *s);

/* The first control character of s (a byte below 0x20, or 0x7f), or 0. */
int escape_control_char(const char *s);

#endif
