/* The test client of http's tests (peer.h). */
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "peer.h"
#include "tcp_seg.h"

static uint16_t next_port = 30000;

static void seg(struct peer *p, uint8_t flags, const void *data, size_t len)
{
	static uint8_t s[1600];
	static const uint8_t mss[4] = {2, 4, 0x05, 0xb4};
	bool syn = flags & T_SYN;

	h_send_ip(H_PEER_IP, H_OUR_IP, IPV4_PROTO_TCP, 1, 0, s,
		  t_seg(s, H_PEER_IP, H_OUR_IP, p->port, 80, p->seq, p->ack, flags, p->wnd,
			syn ? mss : NULL, syn ? 4 : 0, data, len));
}

/* Reads the frames sent to us; true if anything new came. */
static bool read_tx(struct peer *p)
{
	bool news = false;
	size_t i, len;

	for (i = 0; i < h_tx_count(); i++) {
		const uint8_t *f = h_tx_frame(i, &len);
		struct t_view v;

		if (!t_parse(f, len, &v) || v.dport != p->port)
			continue;
		if (v.flags & T_RST) {
			p->rst = true;
			news = true;
			continue;
		}
		if ((v.flags & T_SYN) && !p->open) {
			p->ack = v.seq + 1;
			news = true;
			continue;
		}
		if (v.len && v.seq == p->ack && p->ngot + v.len <= PEER_MAX) {
			memcpy(p->got + p->ngot, v.data, v.len);
			p->ngot += v.len;
			p->ack += (uint32_t)v.len;
			news = true;
		}
		if ((v.flags & T_FIN) && v.seq + v.len == p->ack && !p->fin) {
			p->fin = true;
			p->ack++;
			news = true;
		}
	}
	h_tx_clear();
	return news;
}

void peer_take(struct peer *p)
{
	unsigned rounds = 0;

	while (rounds++ < 100000) {
		sched_run_for(SCHED_NS_PER_MS);
		if (!read_tx(p))
			break;
		if (!p->rst)
			seg(p, T_ACK, NULL, 0);
	}
	h_tx_clear();
}

bool peer_open(struct peer *p)
{
	memset(p, 0, sizeof(*p));
	p->got = malloc(PEER_MAX);
	p->port = next_port++;
	if (next_port > 60000)
		next_port = 30000;
	p->seq = 5000;
	p->wnd = 65535;
	h_tx_clear();
	seg(p, T_SYN, NULL, 0);
	p->seq++;
	if (!read_tx(p) || !p->ack)
		return false;
	seg(p, T_ACK, NULL, 0);
	p->open = true;
	peer_take(p);
	return !p->rst;
}

void peer_send(struct peer *p, const void *data, size_t len)
{
	const uint8_t *d = data;

	while (len) {
		size_t k = len < 1460 ? len : 1460;

		seg(p, T_ACK | T_PSH, d, k);
		p->seq += (uint32_t)k;
		d += k;
		len -= k;
	}
	peer_take(p);
}

void peer_sends(struct peer *p, const char *s)
{
	peer_send(p, s, strlen(s));
}

void peer_fin(struct peer *p)
{
	seg(p, T_ACK | T_FIN, NULL, 0);
	p->seq++;
	peer_take(p);
}

void peer_clear(struct peer *p)
{
	p->ngot = 0;
}

void peer_free(struct peer *p)
{
	/* leave no connection behind in tcp's pool: finish the close, or reset */
	if (p->open && !p->rst) {
		if (p->fin)
			peer_fin(p);
		else
			seg(p, T_RST, NULL, 0);
	}
	p->open = false;
	free(p->got);
	p->got = NULL;
}
