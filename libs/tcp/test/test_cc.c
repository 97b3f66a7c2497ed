/* tcp's congestion control on its own (cc.c): the window arithmetic of
 * RFC 5681, RFC 3465, RFC 6582, RFC 6675 and RFC 6928 on a bare
 * connection, without segments. The whole exchange is test_tcp.c's. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "../src/cc.h"
#include "../src/tcp.h"

#define MSS 1000u

/* A connection with MSS 1000, its initial window, and flight bytes sent. */
static void conn_with_flight(struct tcp_conn *c, uint32_t flight, bool sack)
{
	memset(c, 0, sizeof(*c));
	c->snd_mss = MSS;
	c->ssthresh = UINT32_MAX;
	c->sack_ok = sack;
	c->snd_una = 5000;
	c->snd_max = c->snd_una + flight;
	tcp_cc_init(c);
}

/* RFC 6928: ten segments. */
static void test_rfc6928_initial_window(void **state)
{
	struct tcp_conn c;

	(void)state;
	conn_with_flight(&c, 0, false);
	assert_int_equal(c.cwnd, 10 * MSS);
}

/* RFC 3465 with L = 2: an ACK grows the window by what it acknowledges,
 * up to two segments. */
static void test_rfc3465_slow_start(void **state)
{
	struct tcp_conn c;

	(void)state;
	conn_with_flight(&c, 0, false);
	tcp_cc_on_ack(&c, 500);
	assert_int_equal(c.cwnd, 10 * MSS + 500);
	tcp_cc_on_ack(&c, 5 * MSS);
	assert_int_equal(c.cwnd, 12 * MSS + 500);
	assert_int_equal(c.bytes_acked, 0);
}

/* RFC 5681 3.1: past ssthresh, one segment per window of bytes
 * acknowledged, whatever the size of the ACKs. */
static void test_rfc5681_congestion_avoidance(void **state)
{
	struct tcp_conn c;
	unsigned i;

	(void)state;
	conn_with_flight(&c, 0, false);
	c.ssthresh = c.cwnd;
	for (i = 0; i < 4; i++)
		tcp_cc_on_ack(&c, 2 * MSS);
	assert_int_equal(c.cwnd, 10 * MSS);
	tcp_cc_on_ack(&c, 2 * MSS);
	assert_int_equal(c.cwnd, 11 * MSS);
	assert_int_equal(c.bytes_acked, 0);
	tcp_cc_on_ack(&c, 3 * MSS);
	assert_int_equal(c.bytes_acked, 3 * MSS);
}

/* RFC 5681 3.2 and RFC 6582: half the flight, three segments more for
 * the duplicates that left, one more for each further duplicate; partial
 * ACKs deflate; the full ACK leaves ssthresh. */
static void test_rfc6582_newreno_recovery(void **state)
{
	struct tcp_conn c;

	(void)state;
	conn_with_flight(&c, 20 * MSS, false);
	c.bytes_acked = 700;
	tcp_cc_on_loss(&c);
	assert_int_equal(c.ssthresh, 10 * MSS);
	assert_int_equal(c.cwnd, 13 * MSS);
	assert_int_equal(c.bytes_acked, 0);
	tcp_cc_on_dupack(&c);
	assert_int_equal(c.cwnd, 14 * MSS);
	tcp_cc_on_partial_ack(&c, 4 * MSS);
	assert_int_equal(c.cwnd, 11 * MSS);
	tcp_cc_on_partial_ack(&c, 30 * MSS);
	assert_int_equal(c.cwnd, MSS);
	tcp_cc_on_recovery_end(&c);
	assert_int_equal(c.cwnd, 10 * MSS);
}

/* RFC 6675: with SACK the pipe counts what is in flight, so the window is
 * ssthresh throughout, and duplicates and partial ACKs leave it alone. */
static void test_rfc6675_sack_recovery(void **state)
{
	struct tcp_conn c;

	(void)state;
	conn_with_flight(&c, 20 * MSS, true);
	tcp_cc_on_loss(&c);
	assert_int_equal(c.cwnd, 10 * MSS);
	tcp_cc_on_dupack(&c);
	tcp_cc_on_partial_ack(&c, 4 * MSS);
	assert_int_equal(c.cwnd, 10 * MSS);
}

/* RFC 5681 (4): ssthresh is at least two segments, after a fast
 * retransmit as after a timeout. */
static void test_rfc5681_ssthresh_floor(void **state)
{
	struct tcp_conn c;

	(void)state;
	conn_with_flight(&c, 3 * MSS, false);
	tcp_cc_on_loss(&c);
	assert_int_equal(c.ssthresh, 2 * MSS);
	conn_with_flight(&c, MSS, true);
	tcp_cc_on_timeout(&c);
	assert_int_equal(c.ssthresh, 2 * MSS);
}

/* RFC 5681 3.1: a timeout starts again from one segment. */
static void test_rfc5681_timeout(void **state)
{
	struct tcp_conn c;

	(void)state;
	conn_with_flight(&c, 30 * MSS, false);
	c.bytes_acked = 900;
	tcp_cc_on_timeout(&c);
	assert_int_equal(c.ssthresh, 15 * MSS);
	assert_int_equal(c.cwnd, MSS);
	assert_int_equal(c.bytes_acked, 0);
	tcp_cc_on_ack(&c, MSS); /* slow start again */
	assert_int_equal(c.cwnd, 2 * MSS);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_rfc6928_initial_window),
	    cmocka_unit_test(test_rfc3465_slow_start),
	    cmocka_unit_test(test_rfc5681_congestion_avoidance),
	    cmocka_unit_test(test_rfc6582_newreno_recovery),
	    cmocka_unit_test(test_rfc6675_sack_recovery),
	    cmocka_unit_test(test_rfc5681_ssthresh_floor),
	    cmocka_unit_test(test_rfc5681_timeout),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
