/* The token bucket for error messages, in nanoseconds of credit so that
 * there is no division on the hot path and no floating point. */
#include <sched/sched.h>

#include "icmp.h"

#define TOKEN ((uint64_t)SCHED_NS_PER_S)
#define FULL  ((uint64_t)CONFIG_ICMP_ERROR_BURST * TOKEN)

static uint64_t credit = FULL, last;

bool icmp_rate_allow(void)
{
	uint64_t now = sched_now_ns(), elapsed = now - last;

	last = now;
	/* refill: rate tokens a second, up to the burst */
	if (elapsed >= FULL / CONFIG_ICMP_ERROR_RATE)
		credit = FULL;
	else if ((credit += elapsed * CONFIG_ICMP_ERROR_RATE) > FULL)
		credit = FULL;
	if (credit < TOKEN)
		return false;
	credit -= TOKEN;
	return true;
}
