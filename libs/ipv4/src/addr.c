/* Addresses as text, and netmasks. */
#include <errno.h>

#include "ipv4.h"

char *ipv4_format(uint32_t addr, char buf[IPV4_STRLEN])
{
	char *p = buf;
	int i;

	for (i = 3; i >= 0; i--) {
		unsigned b = (addr >> (8 * i)) & 0xff;

		if (b >= 100)
			*p++ = (char)('0' + b / 100);
		if (b >= 10)
			*p++ = (char)('0' + b / 10 % 10);
		*p++ = (char)('0' + b % 10);
		if (i)
			*p++ = '.';
	}
	*p = '\0';
	return buf;
}

int ipv4_parse(const char *s, uint32_t *addr)
{
	uint32_t a = 0;
	int i;

	for (i = 0; i < 4; i++) {
		unsigned b = 0, digits = 0;

		while (*s >= '0' && *s <= '9' && digits < 4) {
			b = b * 10 + (unsigned)(*s++ - '0');
			digits++;
		}
		if (!digits || digits > 3 || b > 255)
			return -EINVAL;
		a = a << 8 | b;
		if (i < 3 && *s++ != '.')
			return -EINVAL;
	}
	if (*s)
		return -EINVAL;
	*addr = a;
	return 0;
}

uint32_t ipv4_netmask(unsigned prefix)
{
	if (prefix == 0)
		return 0;
	if (prefix >= 32)
		return 0xffffffffu;
	return 0xffffffffu << (32 - prefix);
}
