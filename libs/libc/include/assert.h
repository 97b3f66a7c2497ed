/* uk libc: assert() prints "file:line: assertion failed: expr" on the
 * console and panics. Like the standard one, it may be included again with
 * NDEBUG changed, so there is deliberately no include guard. */
#undef assert

#ifdef NDEBUG
#define assert(expr) ((void)0)
#else
#define assert(expr) ((expr) ? (void)0 : __uk_assert_fail(#expr, __FILE__, __LINE__, __func__))
#endif

#ifndef _UK_ASSERT_H
#define _UK_ASSERT_H

#if !defined(__cplusplus) && !defined(static_assert)
#define static_assert _Static_assert
#endif

_Noreturn void __uk_assert_fail(const char *expr, const char *file, int line, const char *func);

#endif
