/* Routing: the local subnets first, then a gateway. */
#include <errno.h>

#include "ipv4.h"

int ipv4_route(uint32_t dst, struct ipv4_route *out)
{
	unsigned i, n = netdev_count();

	if (n > CONFIG_NETDEV_MAX_DEVICES)
		n = CONFIG_NETDEV_MAX_DEVICES;
	if (dst == IPV4_BROADCAST && n) {
		out->dev = netdev_get(0);
		out->src = ipv4_iface[0].addr;
		out->next_hop = dst;
		return 0;
	}
	for (i = 0; i < n; i++) {
		const struct ipv4_config *c = &ipv4_iface[i];
		uint32_t mask = ipv4_netmask(c->prefix);

		if (c->addr && (dst & mask) == (c->addr & mask)) {
			out->dev = netdev_get(i);
			out->src = c->addr;
			out->next_hop = dst;
			return 0;
		}
	}
	for (i = 0; i < n; i++) {
		if (ipv4_iface[i].gateway) {
			out->dev = netdev_get(i);
			out->src = ipv4_iface[i].addr;
			out->next_hop = ipv4_iface[i].gateway;
			return 0;
		}
	}
	return -ENETUNREACH;
}

int ipv4_route_dev(struct netdev *dev, uint32_t dst, struct ipv4_route *out)
{
	const struct ipv4_config *c;
	uint32_t mask;

	if (!dev || dev->index >= CONFIG_NETDEV_MAX_DEVICES || netdev_get(dev->index) != dev)
		return -ENODEV;
	c = &ipv4_iface[dev->index];
	mask = ipv4_netmask(c->prefix);
	out->dev = dev;
	out->src = c->addr;
	out->next_hop = dst;
	if (dst != IPV4_BROADCAST && c->addr && c->gateway && (dst & mask) != (c->addr & mask))
		out->next_hop = c->gateway;
	return 0;
}
