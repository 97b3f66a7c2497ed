/* Receiving: the poller reads every waiting frame (the descriptor is
 * non-blocking and watched edge-triggered, so it must be drained). */
#include <hosted/syscall.h>

#include "tap.h"

/* Frames a turn; past it the loop turns again before blocking, so that one
 * busy device cannot starve timers and other devices. */
#define TAP_RX_BUDGET 64

/* Big enough for any frame the kernel can hand over, so that a frame too
 * long for the MTU is seen whole and counted by netdev, not truncated. */
static uint8_t frame[65536 + 64];

bool tap_poll(void *arg)
{
	struct tap *t = arg;
	int n;

	for (n = 0; n < TAP_RX_BUDGET; n++) {
		long r = sys_call3(SYS_read, t->fd, (long)frame, sizeof(frame));

		if (r == -HOSTED_EINTR)
			continue;
		if (r == -HOSTED_EAGAIN)
			return false;
		if (r < 0) {
			netdev_count_drop(&t->dev, NETDEV_DROP_RX_ERROR);
			return false;
		}
		netdev_input(&t->dev, frame, (size_t)r);
	}
	return true;
}
