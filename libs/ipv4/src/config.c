/* Each device's address, prefix and gateway: from the manifest at init,
 * or from whoever calls ipv4_configure (DHCP, later). */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <arp/arp.h>

#include "ipv4.h"

struct ipv4_config ipv4_iface[CONFIG_NETDEV_MAX_DEVICES];

static bool known(const struct netdev *dev)
{
	return dev && dev->index < CONFIG_NETDEV_MAX_DEVICES && netdev_get(dev->index) == dev;
}

int ipv4_configure(struct netdev *dev, uint32_t addr, unsigned prefix, uint32_t gateway)
{
	uint32_t mask = ipv4_netmask(prefix);
	struct ipv4_config *c;

	if (!known(dev))
		return -ENODEV;
	if (prefix > 32 || (addr && (addr >= 0xe0000000u || (addr >> 24) == 127)))
		return -EINVAL;
	if (gateway && (!addr || (gateway & mask) != (addr & mask) || gateway == addr))
		return -EINVAL;
	c = &ipv4_iface[dev->index];
	c->addr = addr;
	c->prefix = addr ? prefix : 0;
	c->gateway = addr ? gateway : 0;
	return arp_set_address(dev, addr);
}

int ipv4_get_config(const struct netdev *dev, struct ipv4_config *out)
{
	if (!known(dev))
		return -ENODEV;
	*out = ipv4_iface[dev->index];
	return 0;
}

bool ipv4_is_broadcast(const struct netdev *dev, uint32_t dst)
{
	const struct ipv4_config *c = &ipv4_iface[dev->index];
	uint32_t mask = ipv4_netmask(c->prefix);

	if (dst == IPV4_BROADCAST)
		return true;
	/* /31 and /32 have no broadcast address (RFC 3021) */
	return c->addr && c->prefix < 31 && (dst & mask) == (c->addr & mask) &&
	       (dst | mask) == IPV4_BROADCAST;
}

int ipv4_init(void)
{
	unsigned i;
	int r = ethernet_register(ETHERNET_TYPE_IPV4, ipv4_input_frame);

	if (r < 0) {
		printf("ipv4: cannot register with ethernet: %s\n", strerror(-r));
		return r;
	}
	for (i = 0; i < netdev_count(); i++) {
		struct netdev *dev = netdev_get(i);
		const struct uk_device *d = dev->config;

		if (!d || d->dhcp || !netdev_be32(d->ipv4))
			continue;
		r = ipv4_configure(dev, netdev_be32(d->ipv4), d->ipv4_prefix,
				   netdev_be32(d->gateway));
		if (r < 0) {
			printf("ipv4: %s: cannot take address %u.%u.%u.%u/%u: %s\n", d->name,
			       d->ipv4[0], d->ipv4[1], d->ipv4[2], d->ipv4[3], d->ipv4_prefix,
			       strerror(-r));
			return r;
		}
	}
	return 0;
}
