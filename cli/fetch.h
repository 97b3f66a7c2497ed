/* fetch: what the build needs from outside, before configure: host headers,
 * archives, the toolchain's resource dir, the source lists. Every later
 * stage reads them from struct build. */
#ifndef UK_FETCH_H
#define UK_FETCH_H

#include "build.h"

/* Links every chosen module's host_headers into <build>/host-include (from
 * $UK_HOST_INCLUDE, default /usr/include), fetches its archives with
 * tools/apt-fetch (b->archives), asks clang for its resource dir
 * (b->resource_dir), lists the sources (b->sources) and bakes the assets
 * folder (bake.h: b->assets), then sets b->fetched. UK_EXIT_OK, or with an error printed
 * UK_EXIT_INPUT (a module or the app is wrong), UK_EXIT_TOOL (apt-fetch or clang failed, the host
 * lacks the headers) or UK_EXIT_IO. */
enum uk_exit fetch_run(struct build *b);

/* The source lists alone: b->sources, or UK_EXIT_INPUT when a pattern is
 * wrong or matches no file. */
enum uk_exit fetch_sources(struct build *b);

#endif
