/* Private declarations shared by the files of uk's libc: the formatting
 * engine behind the printf family, the number parser behind strto*, the
 * console writer behind FILE. Not a public API. */
#ifndef UK_LIBC_INTERNAL_H
#define UK_LIBC_INTERNAL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

#include <uk/config.h>

#define LIBC_HIDDEN __attribute__((visibility("hidden")))

/*
 * The compiler turns loops and struct copies into calls to memcpy, memset,
 * memmove and memcmp; inside those very functions that would be a call to
 * themselves. Clang's no_builtin stops the loop-idiom rewrite per function
 * (and survives into LTO bitcode); GCC, used for host tests, has its own
 * switch.
 */
#if defined(__clang__)
#define LIBC_NO_BUILTIN __attribute__((no_builtin))
#else
#define LIBC_NO_BUILTIN __attribute__((optimize("no-tree-loop-distribute-patterns")))
#endif

/* Where formatted output goes: a buffer (snprintf) or a FILE (printf). */
struct __uk_sink {
	void (*put)(struct __uk_sink *s, const char *p, size_t n);
	size_t count; /* characters produced so far, whether stored or not */
};

/* One parsed conversion specification. */
struct __uk_spec {
	unsigned flags;
	int width;
	int prec; /* -1 when not given */
	char conv;
};

#define SPEC_LEFT  1u  /* - */
#define SPEC_PLUS  2u  /* + */
#define SPEC_SPACE 4u  /* ' ' */
#define SPEC_ALT   8u  /* # */
#define SPEC_ZERO  16u /* 0 */

/* Formats fmt with ap into s; returns the count or -1 (errno EOVERFLOW)
 * when it does not fit an int. */
int __uk_vformat(struct __uk_sink *s, const char *fmt, va_list ap) LIBC_HIDDEN;

/* Emits n copies of c ('0' or ' '). */
void __uk_pad(struct __uk_sink *s, char c, size_t n) LIBC_HIDDEN;

#if defined(CONFIG_LIBC_PRINTF_FLOAT)
/* The f e g conversions (and their capitals) of one double. */
void __uk_format_float(struct __uk_sink *s, const struct __uk_spec *spec, double v) LIBC_HIDDEN;
#endif

/* Writes to a FILE: the console, flushed at once for stderr. */
void __uk_fwrite(FILE *f, const char *p, size_t n) LIBC_HIDDEN;

/* The strto* engine: parses an integer whose magnitude may reach max (or
 * max + 1 when negative and is_signed), clamping and setting ERANGE on
 * overflow; the result is the two's complement bit pattern. */
unsigned long long __uk_strtox(const char *s, char **end, int base, unsigned long long max,
			       int is_signed) LIBC_HIDDEN;

#endif
