/* libFuzzer target: DHCP replies from the server (10.0.0.1:67) to the
 * client on net0 (port 68), in valid UDP and IPv4. A client runs on net0
 * from the first record on (it unconfigures the harness's static address).
 * Flags: bit 0 makes the message a plausible reply to the exchange in
 * progress (op, hardware type and length, the current xid, our MAC, the
 * magic cookie), so that inputs get past the header to the options and
 * the state machine; bit 1 sends it to the limited broadcast (else to
 * 10.0.0.2, which the client is offered in the seeds); bit 7 restarts the
 * client first. Virtual time between records runs the retransmissions,
 * renewals, rebinding and expiry. */
#include <string.h>

#include <dhcp/dhcp.h>

#include "dhcp.h"
#include "fuzz.h"

void fuzz_record(const uint8_t *p, size_t n, uint8_t flags)
{
	static uint8_t m[1500], u[1600], pkt[1700];
	uint32_t dst = (flags & 2) ? IPV4_BROADCAST : H_OUR_IP;

	if (flags & 0x80)
		dhcp_stop(h_dev);
	if (dhcp_get_state(h_dev) == DHCP_STOPPED)
		dhcp_start(h_dev);
	if (n > sizeof(m))
		n = sizeof(m);
	memcpy(m, p, n);
	if ((flags & 1) && n >= DHCP_OFF_OPTIONS) {
		m[DHCP_OFF_OP] = DHCP_BOOTREPLY;
		m[DHCP_OFF_HTYPE] = 1;
		m[DHCP_OFF_HLEN] = NETDEV_MAC_LEN;
		netdev_put_be32(m + DHCP_OFF_XID, dhcp_xid(h_dev));
		memcpy(m + DHCP_OFF_CHADDR, h_our_mac, NETDEV_MAC_LEN);
		netdev_put_be32(m + DHCP_OFF_MAGIC, DHCP_MAGIC);
	}
	h_input_ip(pkt, h_ip(pkt, H_PEER_IP, dst, IPV4_PROTO_UDP, 1, 0, u,
			     h_udp(u, H_PEER_IP, dst, DHCP_SERVER_PORT, DHCP_CLIENT_PORT, m, n)));
}
