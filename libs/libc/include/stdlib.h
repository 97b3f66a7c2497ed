/* uk libc: the heap (over the alloc module), process end, number parsing,
 * sorting and a small pseudo-random generator. */
#ifndef _UK_STDLIB_H
#define _UK_STDLIB_H

#include <stddef.h>

#define EXIT_SUCCESS 0
#define EXIT_FAILURE 1
#define RAND_MAX     0x7fffffff

/* All blocks are 16-byte aligned. malloc(0) returns a unique pointer;
 * realloc(p, 0) shrinks p and returns it. Failures set errno to ENOMEM. */
void *malloc(size_t size);
void free(void *ptr);
void *calloc(size_t n, size_t size);
void *realloc(void *ptr, size_t size);
void *aligned_alloc(size_t align, size_t size);
int posix_memalign(void **out, size_t align, size_t size);

/* Flushes the console, then ends the image with status. There is no
 * atexit(). _Exit skips the flush. */
_Noreturn void exit(int status);
_Noreturn void _Exit(int status);
/* Flushes the console and panics. */
_Noreturn void abort(void);

int atoi(const char *s);
long atol(const char *s);
long long atoll(const char *s);
/* Base 0 or 2..36; overflow clamps and sets errno to ERANGE, a bad base
 * sets EINVAL; *end points past the last digit used (at s if none). */
long strtol(const char *restrict s, char **restrict end, int base);
unsigned long strtoul(const char *restrict s, char **restrict end, int base);
long long strtoll(const char *restrict s, char **restrict end, int base);
unsigned long long strtoull(const char *restrict s, char **restrict end, int base);

int abs(int x);
long labs(long x);
long long llabs(long long x);

/* Heapsort: O(n log n) always, no recursion, not stable. */
void qsort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *));
void *bsearch(const void *key, const void *base, size_t n, size_t size,
	      int (*cmp)(const void *, const void *));

/* Not for anything secret: a linear congruential generator. */
int rand(void);
void srand(unsigned seed);

#endif
