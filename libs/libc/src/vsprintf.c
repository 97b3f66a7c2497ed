/* vsprintf: unbounded formatting; the caller vouches for the room. */
#include <stdint.h>
#include <stdio.h>

int vsprintf(char *restrict buf, const char *restrict fmt, va_list ap)
{
	/* Bounded by the address space, which is what "unbounded" means;
	 * keeps one implementation for both. */
	return vsnprintf(buf, SIZE_MAX - (uintptr_t)buf, fmt, ap);
}
