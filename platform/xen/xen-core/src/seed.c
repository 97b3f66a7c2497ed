/* The toolstack's per-boot seed: read from the command line early, erased
 * there, kept here until the rng module takes it (plat_entropy), erased
 * here as it is handed out. */
#include <xen-core/print.h>
#include <xen-core/seed.h>
#include <uk/plat.h>

static unsigned char seed[XEN_SEED_MAX];
static size_t seed_len, seed_at;
/* a uk.seed= without hex was seen: said at the first plat_entropy, when
 * the console is up (the command line is read before it is) */
static int malformed;

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c = (char)(c | 0x20); /* A-F as a-f */
	return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

static int is_seed(const char *a)
{
	const char *p = XEN_SEED_ARG;

	while (*p && *a == *p) {
		a++;
		p++;
	}
	return !*p;
}

/* Decodes the hex after the prefix into the seed; returns the bytes. */
static size_t decode(const char *hex)
{
	size_t n = 0;
	int hi, lo;

	while (seed_len < XEN_SEED_MAX && (hi = hexval(hex[0])) >= 0 &&
	       (lo = hexval(hex[1])) >= 0) {
		seed[seed_len++] = (unsigned char)(hi << 4 | lo);
		hex += 2;
		n++;
	}
	return n;
}

int xen_seed_take(int argc, char **argv)
{
	int i = 1, j;

	if (seed_at == seed_len)
		seed_at = seed_len = 0;
	while (i < argc) {
		volatile char *p = argv[i];

		if (!is_seed(argv[i])) {
			i++;
			continue;
		}
		if (!decode(argv[i] + sizeof(XEN_SEED_ARG) - 1))
			malformed = 1;
		while (*p)
			*p++ = 0;
		for (j = i; j < argc; j++)
			argv[j] = argv[j + 1];
		argc--;
	}
	return argc;
}

size_t xen_seed_left(void)
{
	return seed_len - seed_at;
}

size_t plat_entropy(void *buf, size_t len, enum plat_entropy_source *src)
{
	unsigned char *out = buf;
	volatile unsigned char *s = seed;
	size_t n = 0;

	if (malformed == 1) {
		malformed = 2;
		xen_print("xen: uk.seed= has no hex bytes: ignored\n");
	}
	while (n < len && seed_at < seed_len) {
		out[n++] = seed[seed_at];
		s[seed_at++] = 0;
	}
	*src = n ? PLAT_ENTROPY_TOOLSTACK : PLAT_ENTROPY_NONE;
	return n;
}
