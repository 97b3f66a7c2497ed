/* Watches: events are queued as they arrive (in any exchange) and taken by
 * xs_wait_watch. A small queue; when full the oldest event is dropped,
 * which is safe for watchers that re-read the state they watch. */
#include <xen-core/time.h>

#include "xs.h"

#define QUEUE	  16
#define EVENT_MAX 256

static struct {
	char path[EVENT_MAX], token[EVENT_MAX];
} queue[QUEUE];
static unsigned int head, tail;

void xs_watch_queue(const char *payload, size_t len)
{
	size_t plen = xs_strlen(payload);
	const char *token = payload + plen + 1;

	if (plen + 1 >= len || plen >= EVENT_MAX || xs_strlen(token) >= EVENT_MAX)
		return;
	if (tail - head == QUEUE)
		head++;
	xs_copy(queue[tail % QUEUE].path, payload, plen + 1);
	xs_copy(queue[tail % QUEUE].token, token, xs_strlen(token) + 1);
	tail++;
}

int xs_watch(const char *path, const char *token)
{
	struct xs_part p[2] = {{path, xs_strlen(path) + 1}, {token, xs_strlen(token) + 1}};
	char ok[8];
	int rc = xs_exchange(XS_WATCH, XBT_NULL, p, 2, ok, sizeof(ok));

	return rc < 0 ? rc : 0;
}

int xs_unwatch(const char *path, const char *token)
{
	struct xs_part p[2] = {{path, xs_strlen(path) + 1}, {token, xs_strlen(token) + 1}};
	char ok[8];
	int rc = xs_exchange(XS_UNWATCH, XBT_NULL, p, 2, ok, sizeof(ok));

	return rc < 0 ? rc : 0;
}

/* Takes the first queued event for token, if any. */
static int take(const char *token, char *path, size_t len)
{
	unsigned int i;

	for (i = head; i != tail; i++) {
		size_t n;

		if (!xs_streq(queue[i % QUEUE].token, token))
			continue;
		n = xs_strlen(queue[i % QUEUE].path);
		if (n + 1 > len)
			return -XEN_E2BIG;
		xs_copy(path, queue[i % QUEUE].path, n + 1);
		/* Close the gap: later events keep their order. */
		for (; i + 1 != tail; i++)
			queue[i % QUEUE] = queue[(i + 1) % QUEUE];
		tail--;
		return 0;
	}
	return 1;
}

int xs_wait_watch(const char *token, uint64_t deadline_ns, char *path, size_t len)
{
	for (;;) {
		char scratch[8];
		int rc = take(token, path, len);

		if (rc <= 0)
			return rc;
		if (xen_monotonic_ns() >= deadline_ns)
			return -XEN_ETIMEDOUT;
		/* Events only arrive inside an exchange: make a cheap one, after
		 * sleeping until the ring says something. */
		xen_block_until(deadline_ns);
		{
			struct xs_part p = {"domid", 6};

			xs_exchange(XS_READ, XBT_NULL, &p, 1, scratch, sizeof(scratch));
		}
	}
}
