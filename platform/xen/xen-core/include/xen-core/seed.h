/* The per-boot seed that `uk run` (or the user's xl config) puts on the
 * guest's command line as uk.seed=<hex>: taken out of argv before the app
 * sees it, erased where it was read, and handed to the rng module once
 * through plat_entropy (docs/rng.md). */
#ifndef UK_XEN_SEED_H
#define UK_XEN_SEED_H

#include <stddef.h>

/* The argument's prefix, and the most seed bytes kept (more are ignored). */
#define XEN_SEED_ARG "uk.seed="
#define XEN_SEED_MAX 64

/* Finds every uk.seed= argument in argv[1..argc), decodes its hex digits
 * (up to the first that is not one; at most XEN_SEED_MAX bytes in all),
 * overwrites the argument's characters with zeros and removes it from
 * argv (still NULL-terminated). Returns the new argc. Runs before the
 * console is up: a seed without a whole byte of hex is reported by the
 * first plat_entropy call, and ignored. */
int xen_seed_take(int argc, char **argv);

/* Bytes of seed not yet handed out. */
size_t xen_seed_left(void);

#endif
