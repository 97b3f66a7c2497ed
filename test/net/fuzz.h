/* The libFuzzer driver of the network modules (fuzz_main.c) and the hook
 * each module's target supplies.
 *
 * An input is a sequence of records, each [flags][delay][len hi][len lo]
 * followed by len bytes (the last record takes what is left). For each
 * record the driver lets `delay` pass on the virtual clock (0..127: that
 * many ms; 128..255: that many seconds past 127, so that ARP retries and
 * reassembly timeouts fire), calls fuzz_record with the bytes and the
 * flags, and then checks every frame the stack transmitted as a peer would
 * (lengths, checksums: h_frame_problem), aborting on a bad one. Each input
 * starts from a settled stack (h_settle), so inputs replay the same way.
 */
#ifndef UK_TEST_NET_FUZZ_H
#define UK_TEST_NET_FUZZ_H

#include <stddef.h>
#include <stdint.h>

#include "harness.h"

/* The target's framing of one record: wrap p in whatever the layer under
 * the parser needs, and feed it in. */
void fuzz_record(const uint8_t *p, size_t n, uint8_t flags);

#endif
