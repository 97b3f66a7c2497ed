/* tcp over the test bench: handshakes both ways, options, data both ways
 * with segmentation, reassembly, flow control, retransmission on the
 * virtual clock (RFC 6298), fast retransmit and NewReno under loss,
 * delayed ACKs, zero-window probes, close sequences (active,
 * passive, simultaneous, TIME-WAIT), RSTs (RFC 5961) and the challenge
 * ACKs' budget, SYN floods (cookies, eviction), a full pool, keepalive and
 * the idle timeout, malformed segments. The test plays the peer at 10.0.0.1. */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "harness.h"
#include "tcp_seg.h"

#define PEER_PORT 40000
#define PEER_ISS  1000000u

static struct tcp_stats before;
static struct tcp_listener lis;
static struct tcp_conn *acc, *conn;
static uint8_t got[300000];
static size_t ngot;
static size_t take_limit = SIZE_MAX;
static int events[8], accepts;
static int closed_err;

static size_t on_data(struct tcp_conn *c, const void *d, size_t n, void *arg)
{
	(void)c;
	(void)arg;
	if (n > take_limit)
		n = take_limit;
	memcpy(got + ngot, d, n);
	ngot += n;
	return n;
}

static void on_event(struct tcp_conn *c, enum tcp_event ev, void *arg)
{
	(void)arg;
	events[ev]++;
	if (ev == TCP_EV_CLOSED) {
		closed_err = tcp_error(c);
		if (c == acc)
			acc = NULL;
		if (c == conn)
			conn = NULL;
	}
}

static void on_accept(struct tcp_listener *l, struct tcp_conn *c, void *arg)
{
	(void)l;
	(void)arg;
	accepts++;
	acc = c;
	tcp_set_callbacks(c, on_data, on_event, NULL);
}

static uint64_t dropped(enum tcp_drop why)
{
	struct tcp_stats now;

	tcp_stats(&now);
	return now.drops[why] - before.drops[why];
}

static void send_seg(uint16_t dport, uint32_t seq, uint32_t ack, uint8_t flags, uint16_t wnd,
		     const void *opts, size_t olen, const void *data, size_t len)
{
	static uint8_t s[70000];

	h_send_ip(H_PEER_IP, H_OUR_IP, IPV4_PROTO_TCP, 1, 0, s,
		  t_seg(s, H_PEER_IP, H_OUR_IP, PEER_PORT, dport, seq, ack, flags, wnd, opts, olen,
			data, len));
}

/* The i-th frame sent, parsed (checksum checked). */
static struct t_view sent(size_t i)
{
	struct t_view v;
	const uint8_t *f;
	size_t len;

	assert_true(i < h_tx_count());
	f = h_tx_frame(i, &len);
	assert_true(t_parse(f, len, &v));
	assert_true(v.checksum_ok);
	return v;
}

static int setup(void **state)
{
	static bool ready;

	(void)state;
	if (!ready) {
		h_init();
		assert_int_equal(tcp_init(), 0);
		ready = true;
	}
	h_settle();
	assert_int_equal(tcp_conn_count(), 0);
	if (!lis.listening)
		assert_int_equal(tcp_listen(&lis, IPV4_ANY, 80, 2, on_accept, NULL), 0);
	h_learn(H_PEER_IP, h_peer_mac);
	tcp_stats(&before);
	memset(events, 0, sizeof(events));
	accepts = 0;
	ngot = 0;
	take_limit = SIZE_MAX;
	acc = conn = NULL;
	closed_err = 1;
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	if (acc)
		tcp_abort(acc);
	if (conn)
		tcp_abort(conn);
	acc = conn = NULL;
	h_settle();
	return 0;
}

/* The peer's SYN (MSS mss, window scale ws, -1 for none); returns our ISS. */
static uint32_t passive_open(uint16_t mss, int ws, uint16_t wnd)
{
	uint8_t opts[8] = {2, 4, (uint8_t)(mss >> 8), (uint8_t)mss, 1, 3, 3, (uint8_t)ws};
	struct t_view v;
	uint32_t iss;

	h_tx_clear();
	send_seg(80, PEER_ISS, 0, T_SYN, wnd, opts, ws < 0 ? 4 : 8, NULL, 0);
	assert_int_equal(h_tx_count(), 1);
	v = sent(0);
	assert_int_equal(v.flags, T_SYN | T_ACK);
	assert_int_equal(v.ack, PEER_ISS + 1);
	assert_int_equal(v.sport, 80);
	assert_int_equal(v.dport, PEER_PORT);
	assert_int_equal(v.mss, 1460);
	assert_int_equal(v.wscale, ws < 0 ? -1 : 1);
	iss = v.seq;
	h_tx_clear();
	send_seg(80, PEER_ISS + 1, iss + 1, T_ACK, wnd, NULL, 0, NULL, 0);
	assert_int_equal(accepts, 1);
	assert_non_null(acc);
	assert_int_equal(tcp_state(acc), TCP_ESTABLISHED);
	assert_int_equal(h_tx_count(), 0);
	return iss;
}

static void test_passive_handshake(void **state)
{
	struct tcp_conn_info info;
	uint32_t la, ra;
	uint16_t lp, rp;

	(void)state;
	passive_open(1000, 7, 1000);
	tcp_info(acc, &info);
	assert_int_equal(info.snd_mss, 1000);
	assert_int_equal(info.rcv_mss, 1460);
	assert_int_equal(info.snd_wscale, 7);
	assert_int_equal(info.rcv_wscale, 1);
	assert_int_equal(info.snd_wnd, 1000 << 7);
	tcp_endpoints(acc, &la, &lp, &ra, &rp);
	assert_int_equal(la, H_OUR_IP);
	assert_int_equal(lp, 80);
	assert_int_equal(ra, H_PEER_IP);
	assert_int_equal(rp, PEER_PORT);
	/* no window scale from the peer: none either way */
	tcp_abort(acc);
	acc = NULL;
	h_settle();
	h_learn(H_PEER_IP, h_peer_mac);
	accepts = 0;
	passive_open(1460, -1, 65535);
	tcp_info(acc, &info);
	assert_int_equal(info.snd_wscale, 0xff);
	assert_int_equal(info.snd_wnd, 65535);
}

static void test_active_handshake(void **state)
{
	uint8_t opts[4] = {2, 4, 0x02, 0x00}; /* MSS 512 */
	struct tcp_conn_info info;
	struct t_view v;

	(void)state;
	h_tx_clear();
	assert_int_equal(tcp_connect(&conn, H_PEER_IP, 5000, on_data, on_event, NULL), 0);
	assert_int_equal(tcp_state(conn), TCP_SYN_SENT);
	assert_int_equal(h_tx_count(), 1);
	v = sent(0);
	assert_int_equal(v.flags, T_SYN);
	assert_int_equal(v.mss, 1460);
	assert_int_equal(v.wscale, 1);
	assert_int_equal(v.dport, 5000);
	assert_true(v.sport >= TCP_EPHEMERAL_FIRST);
	/* a random port from the rng (RFC 6056), not the range's first */
	assert_int_not_equal(v.sport, TCP_EPHEMERAL_FIRST);
	h_tx_clear();
	{
		static uint8_t s[100];

		h_send_ip(H_PEER_IP, H_OUR_IP, IPV4_PROTO_TCP, 1, 0, s,
			  t_seg(s, H_PEER_IP, H_OUR_IP, 5000, v.sport, 777, v.seq + 1,
				T_SYN | T_ACK, 4000, opts, 4, NULL, 0));
	}
	assert_int_equal(events[TCP_EV_CONNECTED], 1);
	assert_int_equal(tcp_state(conn), TCP_ESTABLISHED);
	assert_int_equal(h_tx_count(), 1);
	v = sent(0);
	assert_int_equal(v.flags, T_ACK);
	assert_int_equal(v.ack, 778);
	tcp_info(conn, &info);
	assert_int_equal(info.snd_mss, 512);
	assert_int_equal(info.snd_wscale, 0xff); /* the SYN-ACK had none */
	assert_int_equal(info.snd_wnd, 4000);
}

static void test_connect_refused_and_timeout(void **state)
{
	struct t_view v;
	static uint8_t s[100];
	uint64_t t0;
	int n, syns;
	size_t len;

	(void)state;
	h_tx_clear();
	assert_int_equal(tcp_connect(&conn, H_PEER_IP, 5001, on_data, on_event, NULL), 0);
	v = sent(0);
	/* a RST whose ACK is wrong is ignored; a right one refuses */
	h_send_ip(H_PEER_IP, H_OUR_IP, IPV4_PROTO_TCP, 1, 0, s,
		  t_seg(s, H_PEER_IP, H_OUR_IP, 5001, v.sport, 0, v.seq + 7, T_RST | T_ACK, 0, NULL,
			0, NULL, 0));
	assert_int_equal(events[TCP_EV_CLOSED], 0);
	h_send_ip(H_PEER_IP, H_OUR_IP, IPV4_PROTO_TCP, 1, 0, s,
		  t_seg(s, H_PEER_IP, H_OUR_IP, 5001, v.sport, 0, v.seq + 1, T_RST | T_ACK, 0, NULL,
			0, NULL, 0));
	assert_int_equal(events[TCP_EV_CLOSED], 1);
	assert_int_equal(closed_err, -ECONNREFUSED);
	assert_int_equal(tcp_conn_count(), 0);

	/* no answer: SYNs at 1, 2, 4, 8, 16, 32 s, then ETIMEDOUT */
	h_tx_clear();
	t0 = h_now;
	assert_int_equal(tcp_connect(&conn, H_PEER_IP, 5002, on_data, on_event, NULL), 0);
	sched_run_for(999 * SCHED_NS_PER_MS);
	assert_int_equal(h_tx_count(), 1);
	sched_run_for(2 * SCHED_NS_PER_MS);
	assert_int_equal(h_tx_count(), 2);
	/* (the peer is learnt again every second: its ARP entry would expire) */
	syns = 2;
	h_learn(H_PEER_IP, h_peer_mac);
	for (n = 0; n < 200 && conn; n++) {
		size_t k;

		sched_run_for(SCHED_NS_PER_S);
		for (k = 0; k < h_tx_count(); k++)
			if (t_parse(h_tx_frame(k, &len), len, &v) && v.flags == T_SYN)
				syns++;
		h_learn(H_PEER_IP, h_peer_mac);
	}
	assert_null(conn);
	assert_int_equal(closed_err, -ETIMEDOUT);
	assert_int_equal(syns, 7);
	/* 1 + 2 + 4 + 8 + 16 + 32 + 60 (the RTO's ceiling): given up after 123 s */
	assert_true(h_now - t0 >= 123 * SCHED_NS_PER_S && h_now - t0 < 125 * SCHED_NS_PER_S);
}

static void test_simultaneous_open(void **state)
{
	static uint8_t s[100];
	struct t_view v;
	uint32_t iss;

	(void)state;
	h_tx_clear();
	assert_int_equal(tcp_connect(&conn, H_PEER_IP, 5003, on_data, on_event, NULL), 0);
	v = sent(0);
	iss = v.seq;
	/* the peer's own SYN crosses ours: SYN-RECEIVED, a SYN-ACK */
	h_tx_clear();
	h_send_ip(
	    H_PEER_IP, H_OUR_IP, IPV4_PROTO_TCP, 1, 0, s,
	    t_seg(s, H_PEER_IP, H_OUR_IP, 5003, v.sport, 9000, 0, T_SYN, 5000, NULL, 0, NULL, 0));
	assert_int_equal(tcp_state(conn), TCP_SYN_RECEIVED);
	v = sent(0);
	assert_int_equal(v.flags, T_SYN | T_ACK);
	assert_int_equal(v.seq, iss);
	assert_int_equal(v.ack, 9001);
	/* its SYN-ACK completes it */
	h_send_ip(H_PEER_IP, H_OUR_IP, IPV4_PROTO_TCP, 1, 0, s,
		  t_seg(s, H_PEER_IP, H_OUR_IP, 5003, v.sport, 9000, iss + 1, T_SYN | T_ACK, 5000,
			NULL, 0, NULL, 0));
	assert_int_equal(tcp_state(conn), TCP_ESTABLISHED);
	assert_int_equal(events[TCP_EV_CONNECTED], 1);
}

static void test_lost_syn_ack_and_abort(void **state)
{
	uint8_t opts[4] = {2, 4, 0x05, 0xb4};
	struct t_view v, w;

	(void)state;
	h_tx_clear();
	send_seg(80, PEER_ISS, 0, T_SYN, 1000, opts, 4, NULL, 0);
	v = sent(0);
	/* the SYN again (our SYN-ACK was lost): the same SYN-ACK again */
	send_seg(80, PEER_ISS, 0, T_SYN, 1000, opts, 4, NULL, 0);
	assert_int_equal(h_tx_count(), 2);
	w = sent(1);
	assert_int_equal(w.flags, T_SYN | T_ACK);
	assert_int_equal(w.seq, v.seq);
	assert_int_equal(tcp_conn_count(), 1);
	/* an ACK for something else: a RST, and it stays half-open */
	h_tx_clear();
	send_seg(80, PEER_ISS + 1, v.seq + 5, T_ACK, 1000, NULL, 0, NULL, 0);
	assert_int_equal(sent(0).flags, T_RST);
	assert_int_equal(sent(0).seq, v.seq + 5);
	send_seg(80, PEER_ISS + 1, v.seq + 1, T_ACK, 1000, NULL, 0, NULL, 0);
	assert_int_equal(tcp_state(acc), TCP_ESTABLISHED);
	/* tcp_abort: a RST at snd_nxt, the slot freed at once, no event */
	h_tx_clear();
	tcp_abort(acc);
	acc = NULL;
	assert_int_equal(sent(0).flags, T_RST);
	assert_int_equal(sent(0).seq, v.seq + 1);
	assert_int_equal(tcp_conn_count(), 0);
	assert_int_equal(events[TCP_EV_CLOSED], 0);
}

static void test_data_in_and_reassembly(void **state)
{
	static uint8_t data[6000];
	uint32_t iss, p = PEER_ISS + 1;
	struct t_view v;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(data); i++)
		data[i] = (uint8_t)(i * 7 + 3);
	iss = passive_open(1460, 7, 1000);
	/* in order: the ACK is delayed (40 ms) */
	h_tx_clear();
	send_seg(80, p, iss + 1, T_ACK, 1000, NULL, 0, data, 1000);
	assert_int_equal(ngot, 1000);
	assert_int_equal(h_tx_count(), 0);
	sched_run_for(39 * SCHED_NS_PER_MS);
	assert_int_equal(h_tx_count(), 0);
	sched_run_for(2 * SCHED_NS_PER_MS);
	assert_int_equal(h_tx_count(), 1);
	v = sent(0);
	assert_int_equal(v.ack, p + 1000);
	assert_int_equal(v.flags, T_ACK);
	/* out of order: 3000..4000 then 2000..3000 then 1000..2000 */
	h_tx_clear();
	send_seg(80, p + 3000, iss + 1, T_ACK, 1000, NULL, 0, data + 3000, 1000);
	assert_int_equal(ngot, 1000);
	assert_int_equal(sent(0).ack, p + 1000); /* a duplicate ACK */
	send_seg(80, p + 2000, iss + 1, T_ACK, 1000, NULL, 0, data + 2000, 1000);
	assert_int_equal(ngot, 1000);
	/* overlapping the hole and what came */
	send_seg(80, p + 1000, iss + 1, T_ACK, 1000, NULL, 0, data + 1000, 1400);
	assert_int_equal(ngot, 4000);
	v = sent(h_tx_count() - 1);
	assert_int_equal(v.ack, p + 4000);
	/* a duplicate and a partial overlap */
	send_seg(80, p + 3500, iss + 1, T_ACK, 1000, NULL, 0, data + 3500, 500);
	send_seg(80, p + 3500, iss + 1, T_ACK, 1000, NULL, 0, data + 3500, 1400);
	send_seg(80, p + 4900, iss + 1, T_ACK, 1000, NULL, 0, data + 4900, 1100);
	assert_int_equal(ngot, 6000);
	assert_memory_equal(got, data, 6000);
	sched_run_for(40 * SCHED_NS_PER_MS); /* the last one's ACK was delayed */
	assert_int_equal(sent(h_tx_count() - 1).ack, p + 6000);
	assert_int_equal(dropped(TCP_DROP_BAD_CHECKSUM), 0);
}

static void test_flow_control(void **state)
{
	static uint8_t data[70000];
	uint32_t iss, p = PEER_ISS + 1;
	struct t_view v;
	size_t off = 0;

	(void)state;
	iss = passive_open(1460, 0, 65535);
	take_limit = 0; /* the app pauses */
	while (off < 65536) {
		send_seg(80, p + (uint32_t)off, iss + 1, T_ACK, 65535, NULL, 0, data + off, 1024);
		off += 1024;
	}
	v = sent(h_tx_count() - 1);
	assert_int_equal(v.ack, p + 65536);
	assert_int_equal(v.wnd, 0);
	/* past the window: dropped, answered with an ACK */
	h_tx_clear();
	send_seg(80, p + 65536, iss + 1, T_ACK, 65535, NULL, 0, data, 100);
	assert_int_equal(dropped(TCP_DROP_OUT_OF_WINDOW_DATA), 1);
	send_seg(80, p + 65537, iss + 1, T_ACK, 65535, NULL, 0, data, 100);
	assert_int_equal(dropped(TCP_DROP_BAD_SEQUENCE), 1);
	assert_int_equal(h_tx_count(), 2);
	assert_int_equal(sent(0).ack, p + 65536);
	/* resume: the app takes it all, the window opens */
	take_limit = SIZE_MAX;
	h_tx_clear();
	tcp_resume(acc);
	assert_int_equal(ngot, 65536);
	assert_int_equal(h_tx_count(), 1);
	v = sent(0);
	assert_int_equal(v.wnd, 32768); /* scaled by 2: all 64 KiB */
}

/* Data the app left in the buffer is still offered after the peer's FIN:
 * on the next segment, and by tcp_resume from an event callback. */
static void resume_on_sent(struct tcp_conn *c, enum tcp_event ev, void *arg)
{
	on_event(c, ev, arg);
	if (ev == TCP_EV_SENT)
		tcp_resume(c);
}

static void test_data_after_fin(void **state)
{
	uint32_t iss, p = PEER_ISS + 1;

	(void)state;
	iss = passive_open(1460, -1, 65535);
	take_limit = 0;
	send_seg(80, p, iss + 1, T_ACK | T_FIN, 65535, NULL, 0, "0123456789", 10);
	assert_int_equal(tcp_state(acc), TCP_CLOSE_WAIT);
	assert_int_equal(events[TCP_EV_PEER_CLOSED], 1);
	assert_int_equal(ngot, 0);
	/* the app takes 4 bytes on the next segment (an ACK for nothing) */
	take_limit = 4;
	send_seg(80, p + 11, iss + 1, T_ACK, 65535, NULL, 0, NULL, 0);
	assert_int_equal(ngot, 4);
	/* and the rest when its event callback resumes */
	take_limit = SIZE_MAX;
	tcp_set_callbacks(acc, on_data, resume_on_sent, NULL);
	assert_int_equal(tcp_send(acc, "x", 1), 1);
	send_seg(80, p + 11, iss + 2, T_ACK, 65535, NULL, 0, NULL, 0);
	assert_int_equal(ngot, 10);
	assert_memory_equal(got, "0123456789", 10);
}

static void test_data_out_segmentation(void **state)
{
	static uint8_t data[10000];
	uint32_t iss;
	size_t i, total = 0;
	struct t_view v;

	(void)state;
	for (i = 0; i < sizeof(data); i++)
		data[i] = (uint8_t)(i ^ (i >> 8));
	iss = passive_open(1000, -1, 4000);
	assert_int_equal(tcp_send(acc, data, sizeof(data)), sizeof(data));
	/* the peer's window: 4000 bytes, 4 segments of its MSS */
	assert_int_equal(h_tx_count(), 4);
	for (i = 0; i < 4; i++) {
		v = sent(i);
		assert_int_equal(v.seq, iss + 1 + i * 1000);
		assert_int_equal(v.len, 1000);
		assert_memory_equal(v.data, data + i * 1000, 1000);
	}
	/* ACKs open the window: the rest goes out */
	while (total < sizeof(data)) {
		h_tx_clear();
		total += 2000;
		send_seg(80, PEER_ISS + 1, iss + 1 + (uint32_t)total, T_ACK, 4000, NULL, 0, NULL,
			 0);
		for (i = 0; i < h_tx_count(); i++) {
			v = sent(i);
			assert_memory_equal(v.data, data + (v.seq - iss - 1), v.len);
			assert_true(v.len <= 1000);
		}
	}
	assert_int_equal(events[TCP_EV_SENT] > 0, 1);
	assert_int_equal(tcp_send_space(acc), 65536);
	/* a full send buffer takes what fits */
	{
		static uint8_t big[70000];

		assert_int_equal(tcp_send(acc, big, sizeof(big)), 65536);
		assert_int_equal(tcp_send(acc, big, 1), 0);
	}
}

static void test_retransmission(void **state)
{
	uint32_t iss;
	struct t_view v;
	struct tcp_conn_info info;
	uint64_t t0;

	(void)state;
	iss = passive_open(1460, -1, 65535);
	/* the handshake took no virtual time: RTO is the 200 ms floor */
	tcp_info(acc, &info);
	assert_int_equal(info.rto_ms, 200);
	h_tx_clear();
	t0 = h_now;
	assert_int_equal(tcp_send(acc, "hello", 5), 5);
	assert_int_equal(h_tx_count(), 1);
	sched_run_for(199 * SCHED_NS_PER_MS);
	assert_int_equal(h_tx_count(), 1);
	sched_run_for(2 * SCHED_NS_PER_MS);
	assert_int_equal(h_tx_count(), 2);
	v = sent(1);
	assert_int_equal(v.seq, iss + 1);
	assert_int_equal(v.len, 5);
	/* backoff: the next one 400 ms later (at 600 ms) */
	sched_run_for(397 * SCHED_NS_PER_MS);
	assert_int_equal(h_tx_count(), 2);
	sched_run_for(2 * SCHED_NS_PER_MS);
	assert_int_equal(h_tx_count(), 3);
	/* the ACK ends it; Karn: no RTT sample from a retransmitted segment */
	send_seg(80, PEER_ISS + 1, iss + 6, T_ACK, 65535, NULL, 0, NULL, 0);
	tcp_info(acc, &info);
	assert_int_equal(info.srtt_us, 0);
	/* progress: the backoff (800 ms by now) is forgotten */
	assert_int_equal(info.rto_ms, 200);
	assert_int_equal(info.cwnd, 1465); /* one segment after the loss, plus slow start */
	h_tx_clear();
	sched_run_for(10 * SCHED_NS_PER_S);
	assert_int_equal(h_tx_count(), 0);
	/* an RTT of 50 ms measured on new data */
	assert_int_equal(tcp_send(acc, "again", 5), 5);
	sched_run_for(50 * SCHED_NS_PER_MS);
	send_seg(80, PEER_ISS + 1, iss + 11, T_ACK, 65535, NULL, 0, NULL, 0);
	tcp_info(acc, &info);
	assert_true(info.srtt_us > 0);
	assert_int_equal(info.rto_ms >= 200, 1);
	(void)t0;
}

static void test_fast_retransmit(void **state)
{
	static uint8_t data[20000];
	uint32_t iss;
	struct t_view v;
	int i;

	(void)state;
	iss = passive_open(1000, -1, 65535);
	assert_int_equal(tcp_send(acc, data, 10000), 10000);
	assert_int_equal(h_tx_count(), 10); /* the initial window: 10 segments */
	h_tx_clear();
	/* segment 2 lost: three duplicate ACKs for it */
	send_seg(80, PEER_ISS + 1, iss + 1001, T_ACK, 65535, NULL, 0, NULL, 0);
	h_tx_clear();
	for (i = 0; i < 3; i++)
		send_seg(80, PEER_ISS + 1, iss + 1001, T_ACK, 65535, NULL, 0, NULL, 0);
	assert_true(h_tx_count() >= 1);
	v = sent(0);
	assert_int_equal(v.seq, iss + 1001);
	assert_int_equal(v.len, 1000);
	/* a partial ACK (NewReno): the next hole goes at once */
	h_tx_clear();
	send_seg(80, PEER_ISS + 1, iss + 3001, T_ACK, 65535, NULL, 0, NULL, 0);
	assert_true(h_tx_count() >= 1);
	assert_int_equal(sent(0).seq, iss + 3001);
	/* the full ACK ends recovery */
	send_seg(80, PEER_ISS + 1, iss + 10001, T_ACK, 65535, NULL, 0, NULL, 0);
	assert_int_equal(tcp_send_space(acc), 65536);
}

/* The peer's SYN with MSS 1000, no window scale, SACK-permitted; returns
 * our ISS (the SYN-ACK must say SACK-permitted too). */
static uint32_t passive_open_sack(void)
{
	uint8_t opts[8] = {2, 4, 0x03, 0xe8, 1, 1, 4, 2};
	struct tcp_conn_info info;
	struct t_view v;
	uint32_t iss;

	h_tx_clear();
	send_seg(80, PEER_ISS, 0, T_SYN, 65535, opts, 8, NULL, 0);
	assert_int_equal(h_tx_count(), 1);
	v = sent(0);
	assert_int_equal(v.flags, T_SYN | T_ACK);
	assert_true(v.sack_permitted);
	assert_int_equal(v.wscale, -1);
	iss = v.seq;
	send_seg(80, PEER_ISS + 1, iss + 1, T_ACK, 65535, NULL, 0, NULL, 0);
	assert_non_null(acc);
	tcp_info(acc, &info);
	assert_true(info.sack);
	h_tx_clear();
	return iss;
}

/* An ACK for ack with n SACK blocks (pairs of offsets from iss + 1). */
static void send_sack(uint32_t iss, uint32_t ack, const uint32_t (*blocks)[2], unsigned n)
{
	uint8_t opts[36];
	unsigned i;

	opts[0] = opts[1] = 1;
	opts[2] = 5;
	opts[3] = (uint8_t)(2 + 8 * n);
	for (i = 0; i < n; i++) {
		netdev_put_be32(opts + 4 + 8 * i, iss + 1 + blocks[i][0]);
		netdev_put_be32(opts + 8 + 8 * i, iss + 1 + blocks[i][1]);
	}
	send_seg(80, PEER_ISS + 1, iss + 1 + ack, T_ACK, 65535, n ? opts : NULL, n ? 4 + 8 * n : 0,
		 NULL, 0);
}

/* SACK-permitted goes on our SYN, and not on a SYN-ACK to a SYN without
 * it; a SACK option of a bad length is a bad option. */
static void test_sack_negotiation(void **state)
{
	uint8_t bad[12] = {1, 1, 5, 6, 0, 0, 0, 1, 0, 0, 0, 0};
	struct tcp_conn_info info;
	uint32_t iss;

	(void)state;
	h_tx_clear();
	assert_int_equal(tcp_connect(&conn, H_PEER_IP, 5000, on_data, on_event, NULL), 0);
	assert_true(sent(0).sack_permitted);
	tcp_abort(conn);
	conn = NULL;
	iss = passive_open(1460, -1, 65535); /* no SACK-permitted: none back */
	tcp_info(acc, &info);
	assert_false(info.sack);
	(void)iss;
	tcp_abort(acc);
	acc = NULL;
	iss = passive_open_sack();
	send_seg(80, PEER_ISS + 1, iss + 1, T_ACK, 65535, bad, 12, NULL, 0);
	assert_int_equal(dropped(TCP_DROP_BAD_OPTION), 1);
}

/* Receiving: each out-of-order arrival is acknowledged at once with SACK
 * blocks, the range of the latest arrival first, the others after it. */
static void test_sack_blocks_sent(void **state)
{
	static uint8_t d[1000];
	struct t_view v;
	uint32_t iss;

	(void)state;
	iss = passive_open_sack();
	memset(d, 'x', sizeof(d));
	/* bytes 1000-1999, then 3000-3999, then 2000-2999 missing 0-999 */
	send_seg(80, PEER_ISS + 1001, iss + 1, T_ACK, 65535, NULL, 0, d, 1000);
	v = sent(h_tx_count() - 1);
	assert_int_equal(v.ack, PEER_ISS + 1);
	assert_int_equal(v.nsack, 1);
	assert_int_equal(v.sack[0][0], PEER_ISS + 1001);
	assert_int_equal(v.sack[0][1], PEER_ISS + 2001);
	send_seg(80, PEER_ISS + 3001, iss + 1, T_ACK, 65535, NULL, 0, d, 1000);
	v = sent(h_tx_count() - 1);
	assert_int_equal(v.nsack, 2);
	assert_int_equal(v.sack[0][0], PEER_ISS + 3001);
	assert_int_equal(v.sack[1][0], PEER_ISS + 1001);
	send_seg(80, PEER_ISS + 5001, iss + 1, T_ACK, 65535, NULL, 0, d, 1000);
	send_seg(80, PEER_ISS + 2001, iss + 1, T_ACK, 65535, NULL, 0, d, 1000);
	v = sent(h_tx_count() - 1);
	assert_int_equal(v.nsack, 2); /* 1001-4001 merged, and 5001-6001 */
	assert_int_equal(v.sack[0][0], PEER_ISS + 1001);
	assert_int_equal(v.sack[0][1], PEER_ISS + 4001);
	assert_int_equal(v.sack[1][0], PEER_ISS + 5001);
	/* the hole filled: a plain cumulative ACK for what is in order */
	h_tx_clear();
	send_seg(80, PEER_ISS + 1, iss + 1, T_ACK, 65535, NULL, 0, d, 1000);
	v = sent(h_tx_count() - 1);
	assert_int_equal(v.ack, PEER_ISS + 4001);
	assert_int_equal(v.nsack, 1);
	assert_int_equal(v.sack[0][0], PEER_ISS + 5001);
	assert_int_equal(ngot, 4000);
}

/* Sending: segments 0 and 3 of 10 lost, the peer SACKs the rest in one
 * ACK: that is enough to enter recovery (more than three segments held
 * past the hole), and exactly the two holes go again, never SACKed data.
 * Both retransmissions lost: the timer resends from snd_una, and once that
 * arrives, slow start resends the other hole and skips what was SACKed. */
static void test_sack_recovery(void **state)
{
	static uint8_t data[10000];
	static const uint32_t sb1[][2] = {{1000, 3000}, {4000, 10000}};
	static const uint32_t sb2[][2] = {{4000, 10000}};
	struct tcp_stats now;
	uint32_t iss;

	(void)state;
	iss = passive_open_sack();
	assert_int_equal(tcp_send(acc, data, 10000), 10000);
	assert_int_equal(h_tx_count(), 10); /* the initial window */
	h_tx_clear();
	send_sack(iss, 0, sb1, 2);
	tcp_stats(&now);
	assert_int_equal(now.fast_recoveries - before.fast_recoveries, 1);
	assert_int_equal(h_tx_count(), 2);
	assert_int_equal(sent(0).seq, iss + 1);
	assert_int_equal(sent(1).seq, iss + 1 + 3000);
	assert_int_equal(sent(1).len, 1000);
	h_tx_clear();
	sched_run_for(250 * SCHED_NS_PER_MS);
	assert_int_equal(h_tx_count(), 1);
	assert_int_equal(sent(0).seq, iss + 1);
	assert_int_equal(sent(0).len, 1000); /* cut at the SACKed range */
	h_tx_clear();
	send_sack(iss, 3000, sb2, 1);
	assert_int_equal(h_tx_count(), 1);
	assert_int_equal(sent(0).seq, iss + 1 + 3000);
	send_seg(80, PEER_ISS + 1, iss + 10001, T_ACK, 65535, NULL, 0, NULL, 0);
	assert_int_equal(tcp_send_space(acc), 65536);
	tcp_stats(&now);
	assert_int_equal(now.retransmits - before.retransmits, 4);
}

/* A lost resend: segment 0 is lost, and so is its fast retransmission;
 * when the peer SACKs data sent after that retransmission, segment 0 goes
 * a third time at once, without waiting for the timer. */
static void test_sack_lost_retransmission(void **state)
{
	static uint8_t data[20000];
	static const uint32_t sb1[][2] = {{1000, 4000}};
	static const uint32_t sb2[][2] = {{1000, 10000}};
	static const uint32_t sb3[][2] = {{1000, 12000}};
	struct tcp_stats now;
	uint32_t iss;
	size_t i;
	bool again = false;

	(void)state;
	iss = passive_open_sack();
	assert_int_equal(tcp_send(acc, data, 20000), 20000);
	assert_int_equal(h_tx_count(), 10);
	h_tx_clear();
	send_sack(iss, 0, sb1, 1); /* three segments past the hole: recovery */
	assert_int_equal(h_tx_count(), 1);
	assert_int_equal(sent(0).seq, iss + 1);
	h_tx_clear();
	send_sack(iss, 0, sb2, 1); /* the pipe drains: new data goes */
	assert_true(h_tx_count() >= 2);
	for (i = 0; i < h_tx_count(); i++)
		assert_true(sent(i).seq >= iss + 1 + 10000);
	h_tx_clear();
	send_sack(iss, 0, sb3, 1); /* new data arrived, segment 0 did not */
	for (i = 0; i < h_tx_count(); i++)
		if (sent(i).seq == iss + 1)
			again = true;
	assert_true(again);
	tcp_stats(&now);
	assert_int_equal(now.lost_retransmits - before.lost_retransmits, 1);
	assert_int_equal(now.timeouts - before.timeouts, 0);
}

/* An ICMP error from the peer quoting the segment in frame f (ours, as
 * sent), with the quoted sequence number moved by seq_delta. */
static void send_icmp_error(uint8_t type, uint8_t code, const uint8_t *f, uint32_t seq_delta)
{
	static uint8_t g[100];
	const size_t seq_at = NETDEV_HEADER_LEN + 20 + 4;

	memcpy(g, f, seq_at + 4);
	netdev_put_be32(g + seq_at, netdev_be32(g + seq_at) + seq_delta);
	h_send_icmp_error(type, code, g);
}

/* The device refuses a segment with nothing else in flight (a full
 * queue): the timer sends it again; without it the data would wait for an
 * event that never comes. */
static void test_refused_transmit(void **state)
{
	uint32_t iss;

	(void)state;
	iss = passive_open(1460, -1, 65535);
	h_tx_clear();
	h_tx_error = -EAGAIN;
	assert_int_equal(tcp_send(acc, "hello", 5), 5);
	h_tx_error = 0;
	assert_int_equal(h_tx_count(), 0);
	sched_run_for(250 * SCHED_NS_PER_MS);
	assert_int_equal(h_tx_count(), 1);
	assert_int_equal(sent(0).seq, iss + 1);
	assert_int_equal(sent(0).len, 5);
}

/* Connects to the peer's port and copies the SYN's frame into f. */
static void syn_sent_frame(uint16_t port, uint8_t f[100])
{
	const uint8_t *frame;
	size_t len;

	h_tx_clear();
	assert_int_equal(tcp_connect(&conn, H_PEER_IP, port, on_data, on_event, NULL), 0);
	frame = h_tx_frame(0, &len);
	assert_true(len <= 100);
	memcpy(f, frame, len);
}

/* ICMP errors (RFC 1122 4.2.3.9, RFC 5927): one quoting a sequence number
 * not in flight is ignored; a host unreachable for our SYN ends the
 * connect at once with -EHOSTUNREACH, a port unreachable with
 * -ECONNREFUSED; on an established connection an error is only kept, and
 * reported when the retransmissions give up. */
static void test_icmp_errors(void **state)
{
	static uint8_t f[100];
	const uint8_t *frame;
	struct tcp_stats now;
	size_t len;
	uint32_t iss;

	(void)state;
	syn_sent_frame(5000, f);
	send_icmp_error(3, 1, f, 1000);
	assert_non_null(conn);
	assert_int_equal(tcp_state(conn), TCP_SYN_SENT);
	send_icmp_error(3, 1, f, 0);
	assert_null(conn);
	assert_int_equal(closed_err, -EHOSTUNREACH);
	tcp_stats(&now);
	assert_int_equal(now.icmp_ignored - before.icmp_ignored, 1);
	assert_int_equal(now.icmp_errors - before.icmp_errors, 1);

	syn_sent_frame(5001, f);
	send_icmp_error(3, 3, f, 0);
	assert_null(conn);
	assert_int_equal(closed_err, -ECONNREFUSED);

	/* established: kept, then reported instead of -ETIMEDOUT */
	iss = passive_open(1460, -1, 65535);
	(void)iss;
	h_tx_clear();
	assert_int_equal(tcp_send(acc, "hello", 5), 5);
	frame = h_tx_frame(0, &len);
	memcpy(f, frame, len);
	send_icmp_error(3, 1, f, 0);
	assert_non_null(acc);
	assert_int_equal(tcp_state(acc), TCP_ESTABLISHED);
	sched_run_for(30 * 60 * SCHED_NS_PER_S);
	assert_null(acc);
	assert_int_equal(closed_err, -EHOSTUNREACH);
}

/* 300 KB to a peer that loses every 13th segment (retransmissions too) and
 * acknowledges every segment cumulatively: fast retransmit, NewReno's
 * partial ACKs and the timer recover everything, in order. With sack, the
 * peer loses two segments in 13, often two in a window, and reports up to
 * three ranges it holds past the holes: little but the lost segments goes
 * twice. */
static void lossy_transfer(bool sack)
{
	enum { TOTAL = 300000 };
	static uint8_t src[TOTAL], dst[TOTAL];
	static bool have[TOTAL];
	static struct {
		uint32_t seq;
		size_t len;
		uint8_t data[1500];
	} segs[512];
	struct tcp_conn_info info;
	struct tcp_stats now;
	size_t queued = 0, rnxt = 0, i, k;
	unsigned nseg = 0, iter, lost = 0;
	uint32_t iss;

	for (i = 0; i < TOTAL; i++)
		src[i] = (uint8_t)(i * 31 + (i >> 9));
	memset(have, 0, sizeof(have));
	iss = sack ? passive_open_sack() : passive_open(1000, -1, 65535);
	h_tx_clear();
	for (iter = 0; iter < 200000 && rnxt < TOTAL; iter++) {
		size_t cnt = 0;
		long r;

		if (queued < TOTAL) {
			r = tcp_send(acc, src + queued, TOTAL - queued);
			assert_true(r >= 0);
			queued += (size_t)r;
		}
		for (k = 0; k < h_tx_count(); k++) {
			struct t_view v;
			size_t len;
			const uint8_t *f = h_tx_frame(k, &len);

			if (!t_parse(f, len, &v) || !v.len)
				continue;
			assert_true(v.checksum_ok);
			segs[cnt].seq = v.seq;
			segs[cnt].len = v.len;
			memcpy(segs[cnt].data, v.data, v.len);
			cnt++;
		}
		h_tx_clear();
		if (!cnt) {
			sched_run_for(10 * SCHED_NS_PER_MS); /* the timer's turn */
			continue;
		}
		for (k = 0; k < cnt; k++) {
			size_t off = segs[k].seq - iss - 1;

			if (++nseg % 13 == 0 || (sack && nseg % 13 == 5)) {
				lost++;
				continue;
			}
			assert_true(off + segs[k].len <= TOTAL);
			for (i = 0; i < segs[k].len; i++) {
				dst[off + i] = segs[k].data[i];
				have[off + i] = true;
			}
			while (rnxt < TOTAL && have[rnxt])
				rnxt++;
			if (sack) {
				uint32_t blocks[3][2];
				unsigned nb = 0;
				size_t at = rnxt;

				while (nb < 3 && at < TOTAL && at < rnxt + 65535) {
					while (at < TOTAL && !have[at])
						at++;
					if (at >= TOTAL || at >= rnxt + 65535)
						break;
					blocks[nb][0] = (uint32_t)at;
					while (at < TOTAL && have[at])
						at++;
					blocks[nb++][1] = (uint32_t)at;
				}
				send_sack(iss, (uint32_t)rnxt, blocks, nb);
			} else {
				send_seg(80, PEER_ISS + 1, iss + 1 + (uint32_t)rnxt, T_ACK, 65535,
					 NULL, 0, NULL, 0);
			}
		}
	}
	assert_int_equal(rnxt, TOTAL);
	assert_memory_equal(dst, src, TOTAL);
	tcp_info(acc, &info);
	assert_int_equal(info.send_queued, 0);
	tcp_stats(&now);
	assert_true(now.retransmits - before.retransmits >= TOTAL / 1000 / 13);
	/* most losses are repaired without waiting for the timer */
	assert_true(now.timeouts - before.timeouts < (now.retransmits - before.retransmits) / 2);
	/* with SACK, hardly anything the peer held goes twice: about one
	 * retransmission per loss (a lost one is lost again 1 in 13) */
	if (sack)
		assert_true(now.retransmits - before.retransmits <= lost + lost / 4);
}

static void test_lossy_transfer(void **state)
{
	(void)state;
	lossy_transfer(false);
}

static void test_lossy_transfer_sack(void **state)
{
	(void)state;
	lossy_transfer(true);
}

static void test_passive_close(void **state)
{
	uint32_t iss, p = PEER_ISS + 1;
	struct t_view v;

	(void)state;
	iss = passive_open(1460, -1, 65535);
	h_tx_clear();
	send_seg(80, p, iss + 1, T_ACK | T_FIN, 65535, NULL, 0, "bye", 3);
	assert_int_equal(ngot, 3);
	assert_int_equal(events[TCP_EV_PEER_CLOSED], 1);
	assert_int_equal(tcp_state(acc), TCP_CLOSE_WAIT);
	v = sent(h_tx_count() - 1);
	assert_int_equal(v.ack, p + 4);
	/* the app may still send, then closes */
	assert_int_equal(tcp_send(acc, "ok", 2), 2);
	h_tx_clear();
	tcp_close(acc);
	assert_int_equal(tcp_state(acc), TCP_LAST_ACK);
	v = sent(0);
	assert_true(v.flags & T_FIN);
	assert_int_equal(v.seq, iss + 1 + (v.len ? 0 : 2));
	assert_int_equal(tcp_send(acc, "x", 1), -EPIPE);
	send_seg(80, p + 4, iss + 4, T_ACK, 65535, NULL, 0, NULL, 0);
	assert_int_equal(events[TCP_EV_CLOSED], 1);
	assert_int_equal(closed_err, 0);
	assert_int_equal(tcp_conn_count(), 0);
}

static void test_active_close_time_wait(void **state)
{
	uint32_t iss, p = PEER_ISS + 1;
	struct t_view v;

	(void)state;
	iss = passive_open(1460, -1, 65535);
	h_tx_clear();
	tcp_close(acc);
	assert_int_equal(tcp_state(acc), TCP_FIN_WAIT_1);
	v = sent(0);
	assert_int_equal(v.flags, T_FIN | T_ACK);
	assert_int_equal(v.seq, iss + 1);
	send_seg(80, p, iss + 2, T_ACK, 65535, NULL, 0, NULL, 0);
	assert_int_equal(tcp_state(acc), TCP_FIN_WAIT_2);
	/* data still comes in FIN-WAIT-2 */
	send_seg(80, p, iss + 2, T_ACK, 65535, NULL, 0, "tail", 4);
	assert_int_equal(ngot, 4);
	h_tx_clear();
	send_seg(80, p + 4, iss + 2, T_ACK | T_FIN, 65535, NULL, 0, NULL, 0);
	assert_int_equal(sent(0).ack, p + 5);
	assert_int_equal(events[TCP_EV_CLOSED], 1);
	assert_int_equal(closed_err, 0);
	assert_int_equal(tcp_conn_count(), 1); /* TIME-WAIT */
	/* a retransmitted FIN is acknowledged again */
	h_tx_clear();
	send_seg(80, p + 4, iss + 2, T_ACK | T_FIN, 65535, NULL, 0, NULL, 0);
	assert_int_equal(h_tx_count(), 1);
	assert_int_equal(sent(0).ack, p + 5);
	/* 2 MSL later it is gone */
	sched_run_for(59 * SCHED_NS_PER_S);
	assert_int_equal(tcp_conn_count(), 1);
	sched_run_for(2 * SCHED_NS_PER_S);
	assert_int_equal(tcp_conn_count(), 0);
}

static void test_simultaneous_close(void **state)
{
	uint32_t iss, p = PEER_ISS + 1;

	(void)state;
	iss = passive_open(1460, -1, 65535);
	tcp_close(acc);
	/* the peer's FIN crosses ours: CLOSING */
	send_seg(80, p, iss + 1, T_ACK | T_FIN, 65535, NULL, 0, NULL, 0);
	assert_int_equal(tcp_state(acc), TCP_CLOSING);
	assert_int_equal(events[TCP_EV_PEER_CLOSED], 1);
	send_seg(80, p + 1, iss + 2, T_ACK, 65535, NULL, 0, NULL, 0);
	assert_int_equal(events[TCP_EV_CLOSED], 1);
	assert_int_equal(tcp_conn_count(), 1); /* TIME-WAIT */
	sched_run_for(61 * SCHED_NS_PER_S);
	assert_int_equal(tcp_conn_count(), 0);
}

static void test_fin_retransmitted(void **state)
{
	uint32_t iss;

	(void)state;
	iss = passive_open(1460, -1, 65535);
	h_tx_clear();
	tcp_close(acc);
	sched_run_for(201 * SCHED_NS_PER_MS);
	assert_int_equal(h_tx_count(), 2);
	assert_int_equal(sent(1).flags, T_FIN | T_ACK);
	assert_int_equal(sent(1).seq, iss + 1);
}

static void test_rst(void **state)
{
	uint32_t iss, p = PEER_ISS + 1;
	struct t_view v;

	(void)state;
	iss = passive_open(1460, -1, 65535);
	/* outside the window: ignored */
	h_tx_clear();
	send_seg(80, p + 100000, 0, T_RST, 0, NULL, 0, NULL, 0);
	assert_int_equal(dropped(TCP_DROP_RST_IGNORED), 1);
	assert_int_equal(h_tx_count(), 0);
	/* in the window but not at rcv_nxt: a challenge ACK (RFC 5961) */
	send_seg(80, p + 10, 0, T_RST, 0, NULL, 0, NULL, 0);
	assert_int_equal(dropped(TCP_DROP_RST_CHALLENGED), 1);
	assert_int_equal(h_tx_count(), 1);
	v = sent(0);
	assert_int_equal(v.flags, T_ACK);
	assert_int_equal(v.ack, p);
	assert_int_equal(tcp_state(acc), TCP_ESTABLISHED);
	/* a SYN in ESTABLISHED: a challenge ACK too */
	h_tx_clear();
	send_seg(80, p + 5, 0, T_SYN, 65535, NULL, 0, NULL, 0);
	assert_int_equal(h_tx_count(), 1);
	assert_int_equal(sent(0).flags, T_ACK);
	assert_int_equal(tcp_state(acc), TCP_ESTABLISHED);
	/* exactly at rcv_nxt: reset */
	send_seg(80, p, 0, T_RST, 0, NULL, 0, NULL, 0);
	assert_int_equal(events[TCP_EV_CLOSED], 1);
	assert_int_equal(closed_err, -ECONNRESET);
	assert_int_equal(tcp_conn_count(), 0);
	(void)iss;
}

static void test_no_connection(void **state)
{
	struct t_view v;

	(void)state;
	h_tx_clear();
	/* a SYN to a closed port: RST+ACK */
	send_seg(81, 5000, 0, T_SYN, 1000, NULL, 0, NULL, 0);
	assert_int_equal(dropped(TCP_DROP_NO_CONNECTION), 1);
	v = sent(0);
	assert_int_equal(v.flags, T_RST | T_ACK);
	assert_int_equal(v.seq, 0);
	assert_int_equal(v.ack, 5001);
	/* an ACK: RST with its ack as seq */
	h_tx_clear();
	send_seg(81, 5000, 12345, T_ACK, 1000, NULL, 0, "abc", 3);
	v = sent(0);
	assert_int_equal(v.flags, T_RST);
	assert_int_equal(v.seq, 12345);
	/* a RST: nothing */
	h_tx_clear();
	send_seg(81, 5000, 12345, T_RST, 1000, NULL, 0, NULL, 0);
	assert_int_equal(h_tx_count(), 0);
	/* an ACK to the listener: RST */
	send_seg(80, 5000, 777, T_ACK, 1000, NULL, 0, NULL, 0);
	assert_int_equal(h_tx_count(), 1);
	assert_int_equal(sent(0).flags, T_RST);
	assert_int_equal(sent(0).seq, 777);
}

static uint64_t counted(size_t off)
{
	struct tcp_stats now;

	tcp_stats(&now);
	return *(uint64_t *)((char *)&now + off) - *(uint64_t *)((char *)&before + off);
}
#define COUNTED(f) counted(offsetof(struct tcp_stats, f))

/* A SYN from the peer's address and port sport; returns the SYN-ACK's ISS. */
static uint32_t syn_from(uint16_t sport, uint32_t seq)
{
	static const uint8_t opts[8] = {2, 4, 0x05, 0xb4, 1, 3, 3, 7};
	static uint8_t s[100];
	struct t_view v;

	h_tx_clear();
	h_send_ip(H_PEER_IP, H_OUR_IP, IPV4_PROTO_TCP, 1, 0, s,
		  t_seg(s, H_PEER_IP, H_OUR_IP, sport, 80, seq, 0, T_SYN, 1000, opts, 8, NULL, 0));
	assert_int_equal(h_tx_count(), 1);
	v = sent(0);
	assert_int_equal(v.flags, T_SYN | T_ACK);
	assert_int_equal(v.ack, seq + 1);
	assert_int_equal(v.dport, sport);
	return v.seq;
}

static void ack_from(uint16_t sport, uint32_t seq, uint32_t ack, const char *data)
{
	static uint8_t s[200];

	h_send_ip(H_PEER_IP, H_OUR_IP, IPV4_PROTO_TCP, 1, 0, s,
		  t_seg(s, H_PEER_IP, H_OUR_IP, sport, 80, seq, ack, T_ACK, 1000, NULL, 0, data,
			data ? strlen(data) : 0));
}

/* Issue 16: eight spoofed SYNs fill the queue (the listener's is 2 here);
 * every later SYN still gets a SYN-ACK (a cookie), and a real client gets
 * in at once. The half-open entries still go after their retries. */
static void test_syn_flood_lockout(void **state)
{
	uint32_t iss;
	int i;

	(void)state;
	for (i = 0; i < 8; i++)
		syn_from((uint16_t)(30000 + i), 1);
	assert_int_equal(tcp_conn_count(), 2);
	assert_int_equal(COUNTED(syncookies_sent), 6);
	assert_int_equal(dropped(TCP_DROP_SYN_BACKLOG), 6);
	iss = syn_from(PEER_PORT, PEER_ISS);
	h_tx_clear();
	ack_from(PEER_PORT, PEER_ISS + 1, iss + 1, "hello");
	assert_int_equal(accepts, 1);
	assert_non_null(acc);
	assert_int_equal(tcp_state(acc), TCP_ESTABLISHED);
	assert_int_equal(ngot, 5);
	assert_memory_equal(got, "hello", 5);
	assert_int_equal(COUNTED(syncookies_accepted), 1);
	tcp_abort(acc);
	acc = NULL;
	sched_run_for(200 * SCHED_NS_PER_S);
	assert_int_equal(tcp_conn_count(), 0);
	h_learn(H_PEER_IP, h_peer_mac);
	accepts = 0;
	passive_open(1460, -1, 1000);
}

/* A cookie carries the MSS and window scaling; a wrong or stale one gets a
 * RST and makes nothing. */
static void test_syn_cookie(void **state)
{
	struct tcp_conn_info info;
	uint32_t iss;

	(void)state;
	syn_from(30000, 1);
	syn_from(30001, 1);
	iss = syn_from(PEER_PORT, PEER_ISS);
	assert_int_equal(sent(0).mss, 1460);
	assert_int_equal(sent(0).wscale, 1);
	assert_false(sent(0).sack_permitted);
	/* wrong: the cookie + 1, another peer ISN */
	h_tx_clear();
	ack_from(PEER_PORT, PEER_ISS + 1, iss + 2, NULL);
	ack_from(PEER_PORT, PEER_ISS + 2, iss + 1, NULL);
	assert_int_equal(h_tx_count(), 2);
	assert_int_equal(sent(0).flags, T_RST);
	assert_int_equal(COUNTED(syncookies_rejected), 2);
	assert_int_equal(tcp_conn_count(), 2);
	/* right */
	ack_from(PEER_PORT, PEER_ISS + 1, iss + 1, NULL);
	assert_non_null(acc);
	tcp_info(acc, &info);
	assert_int_equal(info.snd_mss, 1460);
	assert_int_equal(info.rcv_wscale, 1);
	assert_int_equal(info.snd_wscale, 0); /* unknown: taken as 0 */
	assert_false(info.sack);
	assert_int_equal(info.snd_wnd, 1000);
	tcp_abort(acc);
	acc = NULL;
	/* stale: more than two periods of 64 s */
	iss = syn_from(PEER_PORT, PEER_ISS);
	sched_run_for(130 * SCHED_NS_PER_S);
	h_learn(H_PEER_IP, h_peer_mac);
	h_tx_clear();
	ack_from(PEER_PORT, PEER_ISS + 1, iss + 1, NULL);
	assert_null(acc);
	assert_int_equal(sent(0).flags, T_RST);
	assert_int_equal(COUNTED(syncookies_rejected), 3);
}

/* A full queue gives the oldest entry's slot to a new SYN once that one's
 * SYN-ACK went unanswered a second; its peer can still complete with the
 * cookie that was its ISN. */
static void test_syn_evict_oldest(void **state)
{
	uint32_t old;

	(void)state;
	old = syn_from(PEER_PORT, PEER_ISS);
	syn_from(30001, 1);
	sched_run_for(1100 * SCHED_NS_PER_MS);
	h_learn(H_PEER_IP, h_peer_mac);
	syn_from(30002, 1);
	assert_int_equal(COUNTED(evictions), 1);
	assert_int_equal(COUNTED(syncookies_sent), 0);
	assert_int_equal(tcp_conn_count(), 2);
	syn_from(30003, 1);
	assert_int_equal(COUNTED(evictions), 2);
	/* the next SYN finds no entry old enough: a cookie */
	syn_from(30004, 1);
	assert_int_equal(COUNTED(evictions), 2);
	assert_int_equal(COUNTED(syncookies_sent), 1);
	/* the evicted peer's ACK */
	ack_from(PEER_PORT, PEER_ISS + 1, old + 1, NULL);
	assert_non_null(acc);
	assert_int_equal(tcp_state(acc), TCP_ESTABLISHED);
	assert_int_equal(COUNTED(syncookies_accepted), 1);
}

static void test_malformed(void **state)
{
	uint8_t s[100];
	size_t n;

	(void)state;
	h_tx_clear();
	/* too short */
	h_send_ip(H_PEER_IP, H_OUR_IP, IPV4_PROTO_TCP, 1, 0, s, 19);
	assert_int_equal(dropped(TCP_DROP_TOO_SHORT), 1);
	/* offset under 5 and past the end */
	n = t_seg(s, H_PEER_IP, H_OUR_IP, PEER_PORT, 80, 1, 0, T_SYN, 1000, NULL, 0, NULL, 0);
	s[12] = 4 << 4;
	h_send_ip(H_PEER_IP, H_OUR_IP, IPV4_PROTO_TCP, 1, 0, s, n);
	s[12] = 6 << 4;
	h_send_ip(H_PEER_IP, H_OUR_IP, IPV4_PROTO_TCP, 1, 0, s, n);
	assert_int_equal(dropped(TCP_DROP_BAD_OFFSET), 2);
	/* a bad checksum */
	n = t_seg(s, H_PEER_IP, H_OUR_IP, PEER_PORT, 80, 1, 0, T_SYN, 1000, NULL, 0, NULL, 0);
	s[16] ^= 1;
	h_send_ip(H_PEER_IP, H_OUR_IP, IPV4_PROTO_TCP, 1, 0, s, n);
	assert_int_equal(dropped(TCP_DROP_BAD_CHECKSUM), 1);
	/* option lengths: 0, 1, past the header, MSS of length 3, window scale of 4 */
	{
		static const uint8_t bad[][4] = {
		    {8, 0, 1, 1}, {8, 1, 1, 1}, {1, 1, 8, 3}, {2, 3, 1, 0}, {3, 4, 1, 1},
		};
		size_t i;

		for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
			n = t_seg(s, H_PEER_IP, H_OUR_IP, PEER_PORT, 80, 1, 0, T_SYN, 1000, bad[i],
				  4, NULL, 0);
			h_send_ip(H_PEER_IP, H_OUR_IP, IPV4_PROTO_TCP, 1, 0, s, n);
		}
		assert_int_equal(dropped(TCP_DROP_BAD_OPTION), 5);
	}
	/* an option ending right at the header, unknown kinds, EOL: fine */
	{
		static const uint8_t good[8] = {1, 1, 30, 2, 0, 9, 9, 9};

		n = t_seg(s, H_PEER_IP, H_OUR_IP, PEER_PORT, 80, 1, 0, T_SYN, 1000, good, 8, NULL,
			  0);
		h_send_ip(H_PEER_IP, H_OUR_IP, IPV4_PROTO_TCP, 1, 0, s, n);
		assert_int_equal(dropped(TCP_DROP_BAD_OPTION), 5);
		assert_int_equal(h_tx_count(), 1);
		assert_int_equal(sent(0).flags, T_SYN | T_ACK);
		assert_int_equal(sent(0).mss, 1460);
	}
	/* port 0 */
	n = t_seg(s, H_PEER_IP, H_OUR_IP, 0, 80, 1, 0, T_SYN, 1000, NULL, 0, NULL, 0);
	h_send_ip(H_PEER_IP, H_OUR_IP, IPV4_PROTO_TCP, 1, 0, s, n);
	assert_int_equal(dropped(TCP_DROP_BAD_ADDRESS), 1);
}

static void test_zero_window_probe(void **state)
{
	uint32_t iss;
	struct t_view v;

	(void)state;
	iss = passive_open(1460, -1, 0);
	h_tx_clear();
	assert_int_equal(tcp_send(acc, "abc", 3), 3);
	assert_int_equal(h_tx_count(), 0);
	sched_run_for(201 * SCHED_NS_PER_MS);
	assert_int_equal(h_tx_count(), 1);
	v = sent(0);
	assert_int_equal(v.seq, iss + 1);
	assert_int_equal(v.len, 1);
	/* the window opens: the rest goes */
	h_tx_clear();
	send_seg(80, PEER_ISS + 1, iss + 2, T_ACK, 1000, NULL, 0, NULL, 0);
	assert_int_equal(h_tx_count(), 1);
	v = sent(0);
	assert_int_equal(v.seq, iss + 2);
	assert_int_equal(v.len, 2);
}

/* Zero-window probes go on while the peer answers, and give up (with
 * -ETIMEDOUT) when it does not. */
static void test_zero_window_dead_peer(void **state)
{
	uint32_t iss;
	int n;

	(void)state;
	iss = passive_open(1460, -1, 0);
	assert_int_equal(tcp_send(acc, "abc", 3), 3);
	/* answered probes: still there after a long while */
	for (n = 0; n < 30; n++) {
		sched_run_for(60 * SCHED_NS_PER_S);
		h_learn(H_PEER_IP, h_peer_mac);
		send_seg(80, PEER_ISS + 1, iss + 1, T_ACK, 0, NULL, 0, NULL, 0);
	}
	assert_non_null(acc);
	assert_int_equal(tcp_state(acc), TCP_ESTABLISHED);
	/* silence: it ends */
	for (n = 0; n < 40 && acc; n++)
		sched_run_for(60 * SCHED_NS_PER_S);
	assert_null(acc);
	assert_int_equal(closed_err, -ETIMEDOUT);
}

/* A SYN when the pool is full: the oldest half-open connection gives its
 * slot; with none, a RST at once (not silence). */
static void test_pool_full(void **state)
{
	static struct tcp_conn *cs[64];
	uint8_t s[100];
	struct t_view v;
	uint32_t iss;
	int n = 0, i;

	(void)state;
	syn_from(30000, 1);
	while (n < 64 && tcp_connect(&cs[n], H_PEER_IP, 6000, NULL, NULL, NULL) == 0)
		n++;
	assert_int_equal(n + 1, (int)tcp_conn_count());
	assert_int_equal(tcp_connect(&conn, H_PEER_IP, 6000, NULL, NULL, NULL), -ENOMEM);
	iss = syn_from(PEER_PORT, PEER_ISS);
	assert_int_equal(COUNTED(evictions), 1);
	assert_int_equal(n + 1, (int)tcp_conn_count());
	ack_from(PEER_PORT, PEER_ISS + 1, iss + 1, NULL);
	assert_non_null(acc);
	/* nothing to evict: a RST */
	h_tx_clear();
	h_send_ip(H_PEER_IP, H_OUR_IP, IPV4_PROTO_TCP, 1, 0, s,
		  t_seg(s, H_PEER_IP, H_OUR_IP, 30001, 80, 1, 0, T_SYN, 1000, NULL, 0, NULL, 0));
	assert_int_equal(dropped(TCP_DROP_NO_MEMORY), 3); /* two connects, the SYN */
	assert_int_equal(h_tx_count(), 1);
	v = sent(0);
	assert_int_equal(v.flags, T_RST | T_ACK);
	assert_int_equal(v.ack, 2);
	for (i = 0; i < n; i++)
		tcp_abort(cs[i]);
	assert_int_equal(tcp_conn_count(), 1);
}

/* Keepalive (RFC 9293 3.8.4): off by default; probes after the idle time,
 * an answer keeps the connection, silence ends it with -ETIMEDOUT. */
static void test_keepalive(void **state)
{
	uint32_t iss;
	struct t_view v;

	(void)state;
	iss = passive_open(1460, -1, 65535);
	sched_run_for(50 * SCHED_NS_PER_S);
	assert_int_equal(h_tx_count(), 0);
	h_learn(H_PEER_IP, h_peer_mac);
	ack_from(PEER_PORT, PEER_ISS + 1, iss + 1, NULL);
	assert_int_equal(tcp_set_keepalive(acc, 10, 2, 3), 0);
	assert_int_equal(tcp_set_keepalive(acc, 10, 0, 3), -EINVAL);
	sched_run_for(10 * SCHED_NS_PER_S + 1);
	assert_int_equal(h_tx_count(), 1);
	v = sent(0);
	assert_int_equal(v.flags, T_ACK);
	assert_int_equal(v.seq, iss);
	assert_int_equal(v.ack, PEER_ISS + 1);
	assert_int_equal(v.len, 0);
	/* answered: quiet again for the idle time */
	h_tx_clear();
	ack_from(PEER_PORT, PEER_ISS + 1, iss + 1, NULL);
	sched_run_for(9 * SCHED_NS_PER_S);
	assert_int_equal(h_tx_count(), 0);
	/* silence: 3 probes 2 s apart, then a RST and the end */
	sched_run_for(8 * SCHED_NS_PER_S);
	assert_null(acc);
	assert_int_equal(closed_err, -ETIMEDOUT);
	assert_int_equal(COUNTED(keepalive_probes), 4);
	assert_int_equal(COUNTED(keepalive_timeouts), 1);
	assert_int_equal(tcp_conn_count(), 0);
}

/* A peer that acknowledges our FIN and never sends its own: data from it
 * keeps FIN-WAIT-2 alive, 60 s of silence end it with a RST. */
static void test_fin_wait_2_timeout(void **state)
{
	uint32_t iss, p = PEER_ISS + 1;

	(void)state;
	iss = passive_open(1460, -1, 65535);
	tcp_close(acc);
	send_seg(80, p, iss + 2, T_ACK, 65535, NULL, 0, NULL, 0);
	assert_int_equal(tcp_state(acc), TCP_FIN_WAIT_2);
	sched_run_for(50 * SCHED_NS_PER_S);
	send_seg(80, p, iss + 2, T_ACK, 65535, NULL, 0, "more", 4);
	sched_run_for(50 * SCHED_NS_PER_S);
	assert_non_null(acc);
	assert_int_equal(tcp_state(acc), TCP_FIN_WAIT_2);
	h_learn(H_PEER_IP, h_peer_mac); /* the peer's ARP entry aged meanwhile */
	h_tx_clear();
	sched_run_for(11 * SCHED_NS_PER_S);
	assert_null(acc);
	assert_int_equal(closed_err, -ETIMEDOUT);
	assert_int_equal(sent(h_tx_count() - 1).flags, T_RST);
	assert_int_equal(COUNTED(fin_wait_2_timeouts), 1);
	assert_int_equal(tcp_conn_count(), 0);
}

/* The idle timeout: a connection on which no data moves ends, even when
 * the peer answers (here: a zero window it never opens). */
static void test_idle_timeout(void **state)
{
	uint32_t iss;

	(void)state;
	iss = passive_open(1460, -1, 0);
	assert_int_equal(tcp_set_idle_timeout(acc, 5000), 0);
	sched_run_for(3 * SCHED_NS_PER_S);
	h_learn(H_PEER_IP, h_peer_mac);
	ack_from(PEER_PORT, PEER_ISS + 1, iss + 1, "x"); /* data: progress */
	assert_int_equal(tcp_send(acc, "abc", 3), 3);
	for (int i = 0; i < 9; i++) { /* answers to our window probes: no progress */
		sched_run_for(SCHED_NS_PER_S / 2);
		send_seg(80, PEER_ISS + 2, iss + 1, T_ACK, 0, NULL, 0, NULL, 0);
	}
	assert_non_null(acc);
	h_tx_clear();
	sched_run_for(SCHED_NS_PER_S);
	assert_null(acc);
	assert_int_equal(closed_err, -ETIMEDOUT);
	assert_int_equal(COUNTED(idle_timeouts), 1);
	assert_int_equal(sent(h_tx_count() - 1).flags, T_RST);
	assert_int_equal(tcp_conn_count(), 0);
}

/* RFC 5961 7: 1000 spoofed segments outside the window, RSTs in it and
 * SYNs draw at most the budget of ACKs a second. */
static void test_challenge_ack_limit(void **state)
{
	uint32_t iss, p = PEER_ISS + 1;
	int i;

	(void)state;
	iss = passive_open(1460, -1, 65535);
	h_tx_clear();
	for (i = 0; i < 1000; i++)
		send_seg(80, p + 200000 + (uint32_t)i, iss + 1, T_ACK, 1000, NULL, 0, "x", 1);
	for (i = 0; i < 100; i++)
		send_seg(80, p + 1 + (uint32_t)i, 0, i % 2 ? T_RST : T_SYN, 0, NULL, 0, NULL, 0);
	assert_int_equal(h_tx_count(), 10);
	assert_int_equal(COUNTED(challenge_acks), 10);
	assert_int_equal(COUNTED(challenge_acks_suppressed), 1090);
	assert_int_equal(tcp_state(acc), TCP_ESTABLISHED);
	/* the next second has a new budget */
	sched_run_for(SCHED_NS_PER_S);
	h_tx_clear();
	send_seg(80, p + 10, 0, T_RST, 0, NULL, 0, NULL, 0);
	assert_int_equal(h_tx_count(), 1);
	assert_int_equal(sent(0).ack, p);
}

uint64_t tcp_siphash(const uint64_t k[2], const void *data, size_t len);

/* SipHash-2-4's test vector (the paper's appendix A): key 00..0f, message
 * 00..0e. */
static void test_siphash(void **state)
{
	const uint64_t k[2] = {0x0706050403020100ull, 0x0f0e0d0c0b0a0908ull};
	uint8_t m[15];
	int i;

	(void)state;
	for (i = 0; i < 15; i++)
		m[i] = (uint8_t)i;
	assert_int_equal(tcp_siphash(k, m, 15), 0xa129ca6149be45e5ull);
	assert_int_equal(tcp_siphash(k, m, 0), 0x726fdb47dd0e0e31ull);
}

static void test_listen_rules(void **state)
{
	struct tcp_listener other = {0};

	(void)state;
	assert_int_equal(tcp_listen(&other, IPV4_ANY, 80, 1, on_accept, NULL), -EADDRINUSE);
	assert_int_equal(tcp_listen(&other, IPV4_ANY, 0, 1, on_accept, NULL), -EINVAL);
	assert_int_equal(tcp_listen(&other, H_OUR_IP, 81, 1, on_accept, NULL), 0);
	assert_int_equal(tcp_listen(&other, H_OUR_IP, 81, 1, on_accept, NULL), -EINVAL);
	tcp_unlisten(&other);
	assert_int_equal(tcp_connect(&conn, IPV4_BROADCAST, 1, on_data, on_event, NULL), -EINVAL);
	assert_int_equal(tcp_connect(&conn, IPV4(198, 51, 100, 1), 0, on_data, on_event, NULL),
			 -EINVAL);
}

/* Every counter has its name, for the probes' reports (uk/counters.h). */
static void test_counter_table(void **state)
{
	(void)state;
	assert_true(uk_counter_table_complete(&tcp_counter_table));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_passive_handshake, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_active_handshake, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_connect_refused_and_timeout, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_simultaneous_open, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_lost_syn_ack_and_abort, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_data_in_and_reassembly, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_flow_control, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_data_after_fin, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_data_out_segmentation, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_retransmission, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_fast_retransmit, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_lossy_transfer, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_lossy_transfer_sack, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_sack_negotiation, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_sack_blocks_sent, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_sack_recovery, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_icmp_errors, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_refused_transmit, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_sack_lost_retransmission, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_passive_close, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_active_close_time_wait, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_simultaneous_close, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_fin_retransmitted, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_rst, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_no_connection, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_syn_flood_lockout, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_syn_cookie, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_syn_evict_oldest, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_keepalive, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_idle_timeout, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_fin_wait_2_timeout, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_challenge_ack_limit, setup, teardown),
	    cmocka_unit_test(test_siphash),
	    cmocka_unit_test_setup_teardown(test_malformed, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_zero_window_probe, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_zero_window_dead_peer, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_pool_full, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_listen_rules, setup, teardown),
	    cmocka_unit_test(test_counter_table),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
