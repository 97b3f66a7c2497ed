/* Configuration for the network modules' host tests and fuzzers: small
 * limits, so that tests and fuzzers reach them with a few packets. */
#ifndef UK_CONFIG_H
#define UK_CONFIG_H

#define CONFIG_NETDEV_MAX_DEVICES	2
#define CONFIG_ARP_CACHE_SIZE		4
#define CONFIG_ARP_TIMEOUT_S		60
#define CONFIG_ARP_RETRY_MS		1000
#define CONFIG_ARP_RETRIES		3
#define CONFIG_ARP_QUEUE_LEN		4
#define CONFIG_IPV4_TTL			64
#define CONFIG_IPV4_REASS_SLOTS		2
#define CONFIG_IPV4_REASS_TIMEOUT_MS	30000
#define CONFIG_IPV4_REASS_MAX_FRAGMENTS 64
#define CONFIG_ICMP_ERROR_RATE		10
#define CONFIG_ICMP_ERROR_BURST		10
#define CONFIG_RNG_RESEED_SECONDS	60

#endif
