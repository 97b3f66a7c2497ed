/* Deterministic MACs for devices whose manifest names none. */
#include <netdev/netdev.h>

void netdev_mac_derive(const char *seed, uint8_t mac[NETDEV_MAC_LEN])
{
	uint64_t h = 0xcbf29ce484222325ull; /* FNV-1a, 64 bits */
	int i;

	for (; *seed; seed++) {
		h ^= (uint8_t)*seed;
		h *= 0x100000001b3ull;
	}
	/* 0x02: locally administered, unicast; the rest from the hash */
	mac[0] = 0x02;
	for (i = 1; i < NETDEV_MAC_LEN; i++)
		mac[i] = (uint8_t)(h >> (8 * (i - 1)));
}
