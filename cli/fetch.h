/* fetch: what a build takes from outside uk's data, before configure: the
 * host headers modules name, linked into the build directory, and module
 * archives, fetched for the target's architecture. */
#ifndef UK_FETCH_H
#define UK_FETCH_H

#include "build.h"

/* Links every chosen module's host_headers into <build>/host-include (from
 * $UK_HOST_INCLUDE, default /usr/include) and fetches its archives with
 * tools/apt-fetch, filling b->archives, then sets b->fetched. UK_EXIT_OK, or
 * with an error printed UK_EXIT_INPUT (a module or the target is wrong),
 * UK_EXIT_TOOL (apt-fetch failed, the host lacks the headers) or
 * UK_EXIT_IO. */
enum uk_exit fetch_run(struct build *b);

#endif
