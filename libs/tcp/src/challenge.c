/* Challenge ACKs and the other ACKs that an unacceptable segment draws
 * (RFC 5961 3, 4, 5; RFC 9293 3.10.7.4), within a budget per connection
 * and second (RFC 5961 7). A budget per connection, not one for the whole
 * stack, so that the count of ACKs tells an off-path attacker nothing
 * about other connections (CVE-2016-5696). */
#include "tcp.h"

void tcp_challenge_ack(struct tcp_conn *c)
{
	uint64_t now = sched_now_ns();

	if (now - c->challenge_start >= SCHED_NS_PER_S || !c->challenge_start) {
		c->challenge_start = now ? now : 1;
		c->challenge_sent = 0;
	}
	if (c->challenge_sent >= CONFIG_TCP_CHALLENGE_ACKS) {
		tcp_counters.challenge_acks_suppressed++;
		return;
	}
	c->challenge_sent++;
	tcp_counters.challenge_acks++;
	tcp_send_ack(c);
}
