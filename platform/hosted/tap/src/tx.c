/* Transmitting: one write per frame. */
#include <errno.h>

#include <hosted/syscall.h>

#include "tap.h"

static int tap_transmit(struct netdev *dev, const void *frame, size_t len)
{
	struct tap *t = dev->priv;
	long r;

	do
		r = sys_call3(SYS_write, t->fd, (long)frame, (long)len);
	while (r == -HOSTED_EINTR);
	if (r == -EIO)
		return -ENETDOWN; /* the host set the interface down */
	if (r < 0)
		return (int)r;
	return (size_t)r == len ? 0 : -EIO;
}

const struct netdev_ops tap_ops = {.transmit = tap_transmit};
