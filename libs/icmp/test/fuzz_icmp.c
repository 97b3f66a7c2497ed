/* libFuzzer target: ICMP messages in valid IPv4 packets. Flags: bit 0
 * fixes the ICMP checksum, bit 1 sends to the subnet broadcast, bit 2
 * comes from beyond the gateway. */
#include <string.h>

#include "fuzz.h"

void fuzz_record(const uint8_t *p, size_t n, uint8_t flags)
{
	static uint8_t msg[65536], pkt[65536 + 20];
	uint32_t src = (flags & 4) ? H_FAR_IP : H_PEER_IP;
	uint32_t dst = (flags & 2) ? IPV4(10, 0, 0, 255) : H_OUR_IP;

	if (n > IPV4_MAX_PAYLOAD)
		n = IPV4_MAX_PAYLOAD;
	memcpy(msg, p, n);
	if ((flags & 1) && n >= ICMP_HEADER_LEN) {
		netdev_put_be16(msg + 2, 0);
		netdev_put_be16(msg + 2, ipv4_checksum(msg, n));
	}
	h_input_ip(pkt, h_ip(pkt, src, dst, IPV4_PROTO_ICMP, 1, 0, msg, n));
}
