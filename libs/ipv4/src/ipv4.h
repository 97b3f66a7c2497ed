/* Private to ipv4: what its files share. */
#ifndef IPV4_PRIV_H
#define IPV4_PRIV_H

#include <ethernet/ethernet.h>
#include <ipv4/ipv4.h>
#include <sched/sched.h>
#include <uk/config.h>

#ifndef CONFIG_IPV4_TTL
#define CONFIG_IPV4_TTL 64
#endif
#ifndef CONFIG_IPV4_REASS_SLOTS
#define CONFIG_IPV4_REASS_SLOTS 4
#endif
#ifndef CONFIG_IPV4_REASS_TIMEOUT_MS
#define CONFIG_IPV4_REASS_TIMEOUT_MS 30000
#endif
#ifndef CONFIG_IPV4_REASS_MAX_FRAGMENTS
#define CONFIG_IPV4_REASS_MAX_FRAGMENTS 64
#endif
#ifndef CONFIG_NETDEV_MAX_DEVICES
#define CONFIG_NETDEV_MAX_DEVICES 4
#endif

#define IPV4_FLAG_MF	 0x2000
#define IPV4_OFFSET_MASK 0x1fff

extern struct ipv4_stats ipv4_counters;
extern struct ipv4_config ipv4_iface[CONFIG_NETDEV_MAX_DEVICES];

static inline void ipv4_drop(enum ipv4_drop why)
{
	ipv4_counters.drops[why]++;
}

/* True when dst is a broadcast address for dev: the limited one, or its
 * subnet's (when dev is configured with a prefix under 31). */
bool ipv4_is_broadcast(const struct netdev *dev, uint32_t dst);

/* The ethernet handler (input.c). */
void ipv4_input_frame(struct netdev *dev, const struct ethernet_frame *f);

/* Hands a whole packet to its protocol (protocol.c). */
void ipv4_deliver(const struct ipv4_packet *pkt);
/* Reports pkt to the error handler, when there is one. */
void ipv4_report_error(const struct ipv4_packet *pkt, uint8_t type, uint8_t code);

/* Takes one fragment (reass.c); delivers the datagram when it is whole. */
void ipv4_reass_input(const struct ipv4_packet *frag, uint16_t id, unsigned offset, bool more);

#endif
