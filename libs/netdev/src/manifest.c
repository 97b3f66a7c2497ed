/* The manifest's net devices, for drivers' init hooks. */
#include <uk/glue.h>

#include <netdev/netdev.h>

int netdev_each_manifest_device(int (*setup)(const struct uk_device *d))
{
	size_t i;
	int r;

	for (i = 0; i < uk_device_count; i++) {
		if (uk_devices[i].kind != UK_DEVICE_NET)
			continue;
		r = setup(&uk_devices[i]);
		if (r < 0)
			return r;
	}
	return 0;
}
