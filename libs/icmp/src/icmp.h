/* Private to icmp: the counters. */
#ifndef ICMP_PRIV_H
#define ICMP_PRIV_H

#include <icmp/icmp.h>
#include <uk/config.h>

#ifndef CONFIG_ICMP_ERROR_RATE
#define CONFIG_ICMP_ERROR_RATE 10
#endif
#ifndef CONFIG_ICMP_ERROR_BURST
#define CONFIG_ICMP_ERROR_BURST 10
#endif

extern struct icmp_stats icmp_counters;

/* One token from the error bucket: true when an error may go out now. */
bool icmp_rate_allow(void);

#endif
