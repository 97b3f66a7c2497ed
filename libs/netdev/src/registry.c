/* The registered devices, in registration order. */
#include <errno.h>
#include <string.h>

#include <netdev/netdev.h>
#include <uk/config.h>

#ifndef CONFIG_NETDEV_MAX_DEVICES
#define CONFIG_NETDEV_MAX_DEVICES 4
#endif

static struct netdev *devices[CONFIG_NETDEV_MAX_DEVICES];
static unsigned ndevices;

int netdev_register(struct netdev *dev)
{
	if (!dev->name || !dev->ops || !dev->ops->transmit)
		return -EINVAL;
	if (netdev_find(dev->name))
		return -EEXIST;
	if (ndevices == CONFIG_NETDEV_MAX_DEVICES)
		return -ENOSPC;
	dev->index = ndevices;
	dev->rx = NULL;
	dev->rx_arg = NULL;
	memset(&dev->stats, 0, sizeof(dev->stats));
	devices[ndevices++] = dev;
	return 0;
}

unsigned netdev_count(void)
{
	return ndevices;
}

struct netdev *netdev_get(unsigned index)
{
	return index < ndevices ? devices[index] : NULL;
}

struct netdev *netdev_find(const char *name)
{
	unsigned i;

	for (i = 0; i < ndevices; i++)
		if (!strcmp(devices[i]->name, name))
			return devices[i];
	return NULL;
}

uint16_t netdev_mtu(const struct netdev *dev)
{
	return dev->mtu ? dev->mtu : NETDEV_MTU_DEFAULT;
}
