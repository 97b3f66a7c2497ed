/* The libFuzzer entry point shared by the network fuzz targets: records,
 * virtual time, and a check of everything the stack sends (see fuzz.h). */
#include <stdio.h>
#include <stdlib.h>

#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct udp_socket echo_sock;

static void echo(struct udp_socket *s, const struct udp_datagram *d, void *arg)
{
	(void)arg;
	udp_sendto(s, d->src, d->src_port, d->data, d->len);
}

static void check_tx(void)
{
	size_t i, len;

	for (i = 0; i < h_tx_count(); i++) {
		const uint8_t *f = h_tx_frame(i, &len);
		const char *problem = h_frame_problem(f, len);

		if (problem) {
			fprintf(stderr, "fuzz: the stack sent a bad frame (%s), %zu bytes\n",
				problem, len);
			abort();
		}
	}
	h_tx_clear();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static bool ready;

	if (!ready) {
		h_init();
		udp_bind(&echo_sock, IPV4_ANY, 7, echo, NULL);
		ready = true;
	}
	h_settle();
	while (size >= 4) {
		uint8_t flags = data[0], delay = data[1];
		size_t n = (size_t)data[2] << 8 | data[3];

		data += 4;
		size -= 4;
		if (n > size)
			n = size;
		sched_run_for(delay < 128 ? delay * SCHED_NS_PER_MS
					  : (uint64_t)(delay - 127) * SCHED_NS_PER_S);
		check_tx();
		fuzz_record(data, n, flags);
		check_tx();
		data += n;
		size -= n;
	}
	return 0;
}
