/* fputc and putc: one character (putc is no macro here, just the same). */
#include <stdio.h>

#include "libc.h"

int fputc(int c, FILE *f)
{
	char ch = (char)c;

	__uk_fwrite(f, &ch, 1);
	return (unsigned char)c;
}

int putc(int c, FILE *f)
{
	return fputc(c, f);
}
