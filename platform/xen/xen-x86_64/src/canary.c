/* The stack protector's canary (-fstack-protector-strong with a global
 * guard): made different at every boot from RDRAND where the CPU has it,
 * else from the TSC, before any protected function returns. */
#include "x86.h"

extern uintptr_t __stack_chk_guard;

static int has_rdrand(void)
{
	uint32_t a, b, c, d;

	__asm__ volatile("cpuid" : "=a"(a), "=b"(b), "=c"(c), "=d"(d) : "a"(1), "c"(0));
	return (c >> 30) & 1;
}

void x86_canary_init(void)
{
	uint64_t v = 0;
	unsigned char ok = 0;
	int tries;

	if (has_rdrand())
		for (tries = 0; tries < 10 && !ok; tries++)
			__asm__ volatile("rdrand %0; setc %1" : "=r"(v), "=qm"(ok));
	if (!ok)
		v = x86_rdtsc() * 0x9e3779b97f4a7c15ull;
	/* A zero byte first stops string overflows from reproducing it. */
	__stack_chk_guard = (uintptr_t)(v & ~0xffull);
}
