/* rngprobe: prints its argc (the toolstack's seed is not an argument),
 * whether the generator is seeded, 32 bytes from it in
 * hex, a few bounded draws, and every rng counter; status 0. */
#include <stdio.h>

#include <rng/rng.h>

static void show(void *arg, const char *module, const char *name, const char *element,
		 uint64_t value)
{
	(void)arg;
	printf("%s.%s%s%s=%llu\n", module, name, element ? "." : "", element ? element : "",
	       (unsigned long long)value);
}

int main(int argc, char **argv)
{
	unsigned char b[32];
	struct rng_stats s;
	unsigned i;

	(void)argv;
	printf("rngprobe: argc=%d seeded=%d\n", argc, rng_seeded() ? 1 : 0);
	rng_bytes(b, sizeof(b));
	printf("rngprobe: random ");
	for (i = 0; i < sizeof(b); i++)
		printf("%02x", b[i]);
	printf("\nrngprobe: uniform(6)");
	for (i = 0; i < 8; i++)
		printf(" %u", (unsigned)rng_uniform(6));
	printf("\n");
	rng_stats(&s);
	uk_counters_each(&rng_counter_table, &s, show, NULL);
	return 0;
}
