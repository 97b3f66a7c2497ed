/* libFuzzer target: TCP segments from the peer in valid IPv4 packets, to a
 * listener on port 80 (backlog 2) whose connections echo what they get and
 * close when the peer does. Flags: bit 0 fixes the checksum, bit 1 the data
 * offset (to 5 + bits 4..6 words of options), bit 2 sets the source port
 * to 40000 and the destination to 80 (so that records reach one
 * connection), bit 3 takes the sequence and acknowledgment numbers from
 * the connection's rcv_nxt and snd_una plus the fields' low 16 bits (so
 * that they fall in its windows), and with it bit 7 does the same to the
 * edges of SACK blocks. Every segment sent in reply is checked. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "../src/tcp.h"
#include "tcp_seg.h"

static struct tcp_listener lis;

static size_t on_data(struct tcp_conn *c, const void *d, size_t n, void *arg)
{
	long r;

	(void)arg;
	r = tcp_send(c, d, n);
	return r < 0 ? n : (size_t)r;
}

static void on_event(struct tcp_conn *c, enum tcp_event ev, void *arg)
{
	(void)arg;
	if (ev == TCP_EV_PEER_CLOSED)
		tcp_close(c);
	if (ev == TCP_EV_SENT)
		tcp_resume(c);
}

static void on_accept(struct tcp_listener *l, struct tcp_conn *c, void *arg)
{
	(void)l;
	(void)arg;
	tcp_set_callbacks(c, on_data, on_event, NULL);
}

/* Flag bit 7 (with bit 3): the edges of SACK blocks become snd_una plus
 * their low 16 bits, so that they fall among what was sent. */
static void sack_relative(uint8_t *t, size_t n, uint32_t una)
{
	size_t hlen = (size_t)(t[12] >> 4) * 4, i = 20, k;

	if (hlen > n)
		hlen = n;
	while (i + 1 < hlen && t[i] != 0) {
		if (t[i] == 1) {
			i++;
			continue;
		}
		if (t[i + 1] < 2 || i + t[i + 1] > hlen)
			return;
		if (t[i] == 5)
			for (k = i + 2; k + 4 <= i + t[i + 1]; k += 4)
				netdev_put_be32(t + k, una + netdev_be16(t + k + 2));
		i += t[i + 1];
	}
}

void fuzz_record(const uint8_t *p, size_t n, uint8_t flags)
{
	static uint8_t t[65536], pkt[65536 + 20];
	static bool ready;
	uint16_t c;

	if (!ready) {
		tcp_init();
		tcp_listen(&lis, IPV4_ANY, 80, 2, on_accept, NULL);
		ready = true;
	}
	if (n > IPV4_MAX_PAYLOAD)
		n = IPV4_MAX_PAYLOAD;
	memcpy(t, p, n);
	if (n >= 20) {
		if (flags & 4) {
			netdev_put_be16(t, 40000);
			netdev_put_be16(t + 2, 80);
		}
		if (flags & 8) {
			unsigned i;

			for (i = 0; i < CONFIG_TCP_MAX_CONNECTIONS; i++) {
				struct tcp_conn *k = &tcp_pool[i];

				if (k->used && k->rport == netdev_be16(t) &&
				    k->lport == netdev_be16(t + 2)) {
					netdev_put_be32(t + 4, k->rcv_nxt + netdev_be16(t + 4));
					netdev_put_be32(t + 8, k->snd_una + netdev_be16(t + 8));
					if (flags & 128)
						sack_relative(t, n, k->snd_una);
					break;
				}
			}
		}
		if (flags & 2) {
			uint8_t words = (uint8_t)(5 + ((flags >> 4) & 7));

			if ((size_t)words * 4 > n)
				words = 5;
			t[12] = (uint8_t)(words << 4);
		}
		if (flags & 1) {
			netdev_put_be16(t + 16, 0);
			c = ipv4_sum_finish(ipv4_sum(
			    ipv4_pseudo_sum(H_PEER_IP, H_OUR_IP, IPV4_PROTO_TCP, (uint16_t)n), t,
			    n));
			netdev_put_be16(t + 16, c);
		}
	}
	h_input_ip(pkt, h_ip(pkt, H_PEER_IP, H_OUR_IP, IPV4_PROTO_TCP, 1, 0, t, n));
	/* what the stack sent in reply must be well-formed TCP (the shared
	 * driver checks the IPv4 layer) */
	for (size_t i = 0; i < h_tx_count(); i++) {
		struct t_view v;
		size_t len;
		const uint8_t *f = h_tx_frame(i, &len);

		if (t_parse(f, len, &v) && (!v.checksum_ok || !v.sport || !v.dport)) {
			fprintf(stderr, "fuzz_tcp: a bad TCP segment was sent\n");
			abort();
		}
	}
}
