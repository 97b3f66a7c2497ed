/* tcpprobe echo COUNT SECONDS [TRACE_MS]: an echo server (port 7) that ends
 * after COUNT connections have closed (status 0) or SECONDS have passed
 * (3); with TRACE_MS, a "trace:" line on the latest connection's state,
 * windows and queues every TRACE_MS.
 * tcpprobe send ADDR PORT BYTES SECONDS: connects to ADDR:PORT, sends BYTES
 * of the stream t_byte() makes (xorshift32 from seed 1, low byte), closes,
 * and ends when the connection has (0; 4 if it failed; 3 on the deadline).
 * Both print elapsed=NS, bytes=N and every tcp counter. */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ipv4/ipv4.h>
#include <sched/sched.h>
#include <tcp/tcp.h>

static struct tcp_listener lis;
static unsigned long limit, closed;
static unsigned long long bytes;
static bool done, failed;
static unsigned most; /* connections in use at once, at most */

/* ---- echo ---- */

static size_t echo_data(struct tcp_conn *c, const void *d, size_t n, void *arg)
{
	long r = tcp_send(c, d, n);

	(void)arg;
	if (r < 0)
		return n; /* cannot send any more: discard */
	bytes += (unsigned long long)r;
	return (size_t)r;
}

static void echo_event(struct tcp_conn *c, enum tcp_event ev, void *arg)
{
	struct tcp_conn_info info;

	(void)arg;
	switch (ev) {
	case TCP_EV_SENT:
		tcp_resume(c);
		break;
	case TCP_EV_CLOSED:
		if (tcp_error(c))
			printf("tcpprobe: a connection ended with error %d\n", tcp_error(c));
		if (++closed == limit)
			done = true;
		return;
	default:
		break;
	}
	/* close once everything the peer sent went back */
	tcp_info(c, &info);
	if (info.recv_queued == 0 && info.state == TCP_CLOSE_WAIT)
		tcp_close(c);
}

/* echo ... TRACE_MS: a line on the last connection every TRACE_MS */
static struct tcp_conn *last_conn;
static struct sched_timer trace_timer;
static uint64_t trace_ns;

static void trace(void *arg)
{
	struct tcp_conn_info i;
	struct tcp_stats st;

	(void)arg;
	tcp_stats(&st);
	if (last_conn && tcp_conn_count()) {
		tcp_info(last_conn, &i);
		printf(
		    "trace: state=%d cwnd=%u ssthresh=%u snd_wnd=%u rcv_wnd=%u srtt=%llu rto=%llu "
		    "sq=%zu rq=%zu flight=%u sacked=%u recovery=%u rtx=%llu to=%llu bytes=%llu\n",
		    i.state, i.cwnd, i.ssthresh, i.snd_wnd, i.rcv_wnd,
		    (unsigned long long)i.srtt_us, (unsigned long long)i.rto_ms, i.send_queued,
		    i.recv_queued, i.flight, i.sacked, i.recovery,
		    (unsigned long long)st.retransmits, (unsigned long long)st.timeouts, bytes);
		fflush(stdout);
	}
	sched_timer_start(&trace_timer, sched_now_ns() + trace_ns, trace, NULL);
}

static void on_accept(struct tcp_listener *l, struct tcp_conn *c, void *arg)
{
	last_conn = c;
	unsigned n = tcp_conn_count();

	(void)l;
	(void)arg;
	if (n > most)
		most = n;
	tcp_set_callbacks(c, echo_data, echo_event, NULL);
}

/* ---- send ---- */

static struct tcp_conn *client;
static unsigned long long to_send, queued;
static uint32_t xs = 1;
static uint8_t chunk[16384];
static size_t chunk_len, chunk_off;

static uint8_t t_byte(void)
{
	xs ^= xs << 13;
	xs ^= xs >> 17;
	xs ^= xs << 5;
	return (uint8_t)xs;
}

static void pump(struct tcp_conn *c)
{
	for (;;) {
		long r;

		if (chunk_off == chunk_len) {
			size_t i;

			if (queued == to_send) {
				tcp_close(c);
				return;
			}
			chunk_len = sizeof(chunk);
			if (chunk_len > to_send - queued)
				chunk_len = (size_t)(to_send - queued);
			for (i = 0; i < chunk_len; i++)
				chunk[i] = t_byte();
			chunk_off = 0;
			queued += chunk_len;
		}
		r = tcp_send(c, chunk + chunk_off, chunk_len - chunk_off);
		if (r <= 0)
			return;
		chunk_off += (size_t)r;
		bytes += (unsigned long long)r;
	}
}

static size_t send_data(struct tcp_conn *c, const void *d, size_t n, void *arg)
{
	(void)c;
	(void)d;
	(void)arg;
	return n;
}

static void send_event(struct tcp_conn *c, enum tcp_event ev, void *arg)
{
	(void)arg;
	switch (ev) {
	case TCP_EV_CONNECTED:
	case TCP_EV_SENT:
		pump(c);
		break;
	case TCP_EV_PEER_CLOSED:
		break;
	case TCP_EV_CLOSED:
		if (tcp_error(c)) {
			printf("tcpprobe: the connection ended with error %d\n", tcp_error(c));
			failed = true;
		}
		done = true;
		break;
	}
}

/* One module.name=value line (uk/counters.h). */
static void show(void *arg, const char *module, const char *name, const char *element,
		 uint64_t value)
{
	(void)arg;
	printf("%s.%s%s%s=%llu\n", module, name, element ? "." : "", element ? element : "",
	       (unsigned long long)value);
}

static void report(uint64_t ns)
{
	struct tcp_stats st;

	tcp_stats(&st);
	printf("elapsed=%llu\nbytes=%llu\n", (unsigned long long)ns, bytes);
	uk_counters_each(&tcp_counter_table, &st, show, NULL);
	printf("tcp.in_use=%u\n", tcp_conn_count());
	printf("most_connections=%u\n", most);
}

int main(int argc, char **argv)
{
	uint64_t t0, secs;
	bool ok;
	int r;

	if (argc >= 4 && !strcmp(argv[1], "echo")) {
		limit = strtoul(argv[2], NULL, 10);
		secs = strtoul(argv[3], NULL, 10);
		r = tcp_listen(&lis, IPV4_ANY, 7, 256, on_accept, NULL);
		if (r < 0) {
			printf("tcpprobe: listen: %d\n", r);
			return 1;
		}
		printf("tcpprobe: echo on port 7\n");
		if (argc >= 5) {
			trace_ns = strtoull(argv[4], NULL, 10) * SCHED_NS_PER_MS;
			sched_timer_start(&trace_timer, sched_now_ns() + trace_ns, trace, NULL);
		}
	} else if (argc >= 6 && !strcmp(argv[1], "send")) {
		uint32_t dst;

		if (ipv4_parse(argv[2], &dst) < 0)
			return 1;
		to_send = strtoull(argv[4], NULL, 10);
		secs = strtoul(argv[5], NULL, 10);
		printf("tcpprobe: sending %llu bytes to %s port %s\n", to_send, argv[2], argv[3]);
		r = tcp_connect(&client, dst, (uint16_t)strtoul(argv[3], NULL, 10), send_data,
				send_event, NULL);
		if (r < 0) {
			printf("tcpprobe: connect: %d\n", r);
			return 1;
		}
	} else {
		printf("usage: tcpprobe echo COUNT SECONDS | send ADDR PORT BYTES SECONDS\n");
		return 1;
	}
	fflush(stdout);
	t0 = sched_now_ns();
	ok = sched_run(&done, t0 + secs * SCHED_NS_PER_S);
	report(sched_now_ns() - t0);
	return !ok ? 3 : failed ? 4 : 0;
}
