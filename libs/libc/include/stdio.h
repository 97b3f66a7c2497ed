/* uk libc: formatted output to the console. Only stdout and stderr exist;
 * stdout is line-buffered by the console module, stderr is flushed after
 * every call. There is no input and there are no files. */
#ifndef _UK_STDIO_H
#define _UK_STDIO_H

#include <stdarg.h>
#include <stddef.h>

#define EOF (-1)

typedef struct __uk_file FILE;

extern FILE *const stdout;
extern FILE *const stderr;
/* macros, as C requires (unless something already renames them) */
#ifndef stdout
#define stdout stdout
#endif
#ifndef stderr
#define stderr stderr
#endif

#define __UK_PRINTF(f, a) __attribute__((__format__(__printf__, f, a)))

/*
 * Conversions: d i u o x X c s p % with flags "-+ #0", width and precision
 * (both may be *), and lengths hh h l ll z j t. f F e E g G (L accepted,
 * printed at double precision) only with CONFIG_LIBC_PRINTF_FLOAT; without
 * it the argument is consumed and the conversion printed as written.
 * %s of NULL prints "(null)", %p of NULL "(nil)". %n writes nothing. The
 * functions return the number of characters produced, or -1 with errno
 * EOVERFLOW past INT_MAX.
 */
int printf(const char *restrict fmt, ...) __UK_PRINTF(1, 2);
int vprintf(const char *restrict fmt, va_list ap) __UK_PRINTF(1, 0);
int fprintf(FILE *restrict f, const char *restrict fmt, ...) __UK_PRINTF(2, 3);
int vfprintf(FILE *restrict f, const char *restrict fmt, va_list ap) __UK_PRINTF(2, 0);
int sprintf(char *restrict buf, const char *restrict fmt, ...) __UK_PRINTF(2, 3);
int vsprintf(char *restrict buf, const char *restrict fmt, va_list ap) __UK_PRINTF(2, 0);
/* Writes at most n - 1 characters and a NUL (nothing when n is 0); returns
 * the length the whole output would have had. */
int snprintf(char *restrict buf, size_t n, const char *restrict fmt, ...) __UK_PRINTF(3, 4);
int vsnprintf(char *restrict buf, size_t n, const char *restrict fmt, va_list ap) __UK_PRINTF(3, 0);

/* puts adds a newline; fputs does not. */
int puts(const char *s);
int putchar(int c);
int fputs(const char *restrict s, FILE *restrict f);
int fputc(int c, FILE *f);
int putc(int c, FILE *f);
size_t fwrite(const void *restrict p, size_t size, size_t n, FILE *restrict f);
/* Hands buffered console output to the platform; f may be NULL (all). */
int fflush(FILE *f);

#endif
