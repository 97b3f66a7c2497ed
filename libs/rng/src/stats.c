/* The names of the sources and the counters' table. */
#include "rng_impl.h"

const char *const rng_source_names[RNG_SRC_COUNT] = {
    [RNG_SRC_GETRANDOM] = "getrandom", [RNG_SRC_TOOLSTACK] = "toolstack",
    [RNG_SRC_RDSEED] = "rdseed",       [RNG_SRC_RDRAND] = "rdrand",
    [RNG_SRC_JITTER] = "jitter",       [RNG_SRC_APP] = "app",
};

/* struct rng_stats by name, in its order */
static const struct uk_counter_desc counter_descs[] = {
    UK_COUNTER(struct rng_stats, bytes_out),
    UK_COUNTER(struct rng_stats, calls),
    UK_COUNTER(struct rng_stats, reseeds),
    UK_COUNTER_GAUGE(struct rng_stats, seeded),
    UK_COUNTER_ARRAY(struct rng_stats, bits, "bits", rng_source_names),
    UK_COUNTER_ARRAY(struct rng_stats, bytes_in, "bytes_in", rng_source_names),
};

const struct uk_counter_table rng_counter_table =
    UK_COUNTER_TABLE("rng", struct rng_stats, counter_descs);
