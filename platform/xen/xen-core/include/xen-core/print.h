/* Printing for the platforms' last words (exceptions, panics): no libc, no
 * allocation, straight to plat_console_write. */
#ifndef UK_XEN_PRINT_H
#define UK_XEN_PRINT_H

#include <stdint.h>

void xen_print(const char *s);
/* label, then v as 0x and 16 hex digits. */
void xen_print_hex(const char *label, uint64_t v);

/* Splits cmdline in place on spaces into argv[1..] (argv[0] = name, at most
 * max entries, NULL-terminated: argv needs max + 1 slots); returns argc. */
int xen_split_args(char *cmdline, const char *name, char **argv, int max);

#endif
