/* The configuration the rng tests build the module with. */
#define CONFIG_RNG_RESEED_SECONDS 60
