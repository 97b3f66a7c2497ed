/* libFuzzer target: UDP datagrams in valid IPv4 packets (an echo socket is
 * bound on port 7). Flags: bit 0 fixes the checksum, bit 1 the length
 * field, bit 2 sends to the limited broadcast. */
#include <string.h>

#include "fuzz.h"

void fuzz_record(const uint8_t *p, size_t n, uint8_t flags)
{
	static uint8_t u[65536], pkt[65536 + 20];
	uint32_t dst = (flags & 4) ? IPV4_BROADCAST : H_OUR_IP;
	uint16_t c;

	if (n > IPV4_MAX_PAYLOAD)
		n = IPV4_MAX_PAYLOAD;
	memcpy(u, p, n);
	if (n >= UDP_HEADER_LEN) {
		if (flags & 2)
			netdev_put_be16(u + 4, (uint16_t)n);
		if (flags & 1) {
			netdev_put_be16(u + 6, 0);
			c = ipv4_sum_finish(ipv4_sum(
			    ipv4_pseudo_sum(H_PEER_IP, dst, IPV4_PROTO_UDP, (uint16_t)n), u, n));
			netdev_put_be16(u + 6, c ? c : 0xffff);
		}
	}
	h_input_ip(pkt, h_ip(pkt, H_PEER_IP, dst, IPV4_PROTO_UDP, 1, 0, u, n));
}
