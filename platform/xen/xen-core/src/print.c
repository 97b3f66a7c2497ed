/* Last-words printing and argument splitting, shared by the Xen platforms. */
#include <xen-core/print.h>
#include <uk/plat.h>

void xen_print(const char *s)
{
	size_t n = 0;

	while (s[n])
		n++;
	plat_console_write(s, n);
}

void xen_print_hex(const char *label, uint64_t v)
{
	static const char digits[] = "0123456789abcdef";
	char buf[18];
	int i, n = 0;

	xen_print(label);
	buf[n++] = '0';
	buf[n++] = 'x';
	for (i = 60; i >= 0; i -= 4)
		buf[n++] = digits[(v >> i) & 15];
	plat_console_write(buf, (size_t)n);
}

int xen_split_args(char *p, const char *name, char **argv, int max)
{
	int argc = 1;

	argv[0] = (char *)name;
	while (*p && argc < max) {
		while (*p == ' ')
			*p++ = 0;
		if (!*p)
			break;
		argv[argc++] = p;
		while (*p && *p != ' ')
			p++;
	}
	argv[argc] = 0;
	return argc;
}
