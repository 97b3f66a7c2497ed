/* Addresses and interface names a net device cannot use. */
#include "netcheck.h"

#include <ctype.h>
#include <string.h>

static uint32_t ipv4_word(const uint8_t a[4])
{
	return (uint32_t)a[0] << 24 | (uint32_t)a[1] << 16 | (uint32_t)a[2] << 8 | a[3];
}

const char *netcheck_ipv4_reserved(const uint8_t a[4])
{
	uint32_t x = ipv4_word(a);

	if (x == 0xffffffffu)
		return "the limited broadcast address";
	if ((x >> 24) == 0)
		return "in 0.0.0.0/8, which means this network, not a host";
	if ((x >> 24) == 127)
		return "a loopback address (127.0.0.0/8)";
	if ((x >> 28) == 0xe)
		return "a multicast address (224.0.0.0/4)";
	if ((x >> 28) == 0xf)
		return "a reserved address (240.0.0.0/4)";
	return NULL;
}

const char *netcheck_ipv4_in_subnet(const uint8_t a[4], unsigned prefix)
{
	uint32_t host = prefix >= 32 ? 0 : 0xffffffffu >> prefix;
	uint32_t x = ipv4_word(a);

	if (prefix >= 31)
		return NULL;
	if ((x & host) == 0)
		return "the network address of its subnet";
	if ((x & host) == host)
		return "the broadcast address of its subnet";
	return NULL;
}

const char *netcheck_ifname(const char *name)
{
	const char *p;

	if (!*name)
		return "empty";
	if (strlen(name) > NETCHECK_IFNAME_MAX)
		return "longer than 15 characters, Linux's limit";
	if (!strcmp(name, ".") || !strcmp(name, ".."))
		return "a name Linux keeps for directories";
	/* Linux refuses '/', ':' and white space; uk keeps to the characters
	 * every tool quotes the same way (xl, ip, a shell). */
	for (p = name; *p; p++)
		if (!isalnum((unsigned char)*p) && !strchr(".-_", *p))
			return "not a name: it may hold only letters, digits, '.', '-' and '_'";
	return NULL;
}

const char *netcheck_port(const char *s, unsigned *port)
{
	unsigned long v = 0;
	const char *p;

	if (!*s)
		return "empty";
	for (p = s; *p; p++) {
		if (*p < '0' || *p > '9')
			return "not a number";
		if (p - s >= 5)
			return "out of range: a port is 1 to 65535";
		v = v * 10 + (unsigned long)(*p - '0');
	}
	if (s[0] == '0' && s[1])
		return "written with a leading zero";
	if (v == 0 || v > 65535)
		return "out of range: a port is 1 to 65535";
	*port = (unsigned)v;
	return NULL;
}
