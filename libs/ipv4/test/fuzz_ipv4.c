/* libFuzzer target: IPv4 packets from the peer. Flags: bit 0 fixes the
 * header checksum, bit 1 sets the total length to the record's, so that
 * the fuzzer gets past those checks to the options, fragments and
 * protocols behind them. */
#include <string.h>

#include "fuzz.h"

void fuzz_record(const uint8_t *p, size_t n, uint8_t flags)
{
	static uint8_t pkt[65536];
	size_t ihl;

	memcpy(pkt, p, n);
	if (n >= IPV4_HEADER_LEN) {
		ihl = (size_t)(pkt[0] & 15) * 4;
		if ((flags & 2) && n <= 0xffff)
			netdev_put_be16(pkt + 2, (uint16_t)n);
		if ((flags & 1) && ihl >= IPV4_HEADER_LEN && ihl <= n) {
			netdev_put_be16(pkt + 10, 0);
			netdev_put_be16(pkt + 10, ipv4_checksum(pkt, ihl));
		}
	}
	h_input_ip(pkt, n);
}
