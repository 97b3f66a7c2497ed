/* libFuzzer target: ARP packets in Ethernet frames from a peer. Flags:
 * bit 0 sends to the broadcast MAC (else to ours). */
#include <string.h>

#include "fuzz.h"

void fuzz_record(const uint8_t *p, size_t n, uint8_t flags)
{
	static uint8_t f[ETHERNET_HEADER_LEN + 65536];
	size_t e =
	    h_eth(f, (flags & 1) ? ethernet_broadcast : h_our_mac, h_peer_mac, ETHERNET_TYPE_ARP);

	memcpy(f + e, p, n);
	h_input(f, e + n);
}
