/* Finding Xen on x86 and calling it through the hypercall page. */
#include <stddef.h>

#include <xen-core/hypercall.h>

extern char xen_hypercall_page[4096];
static bool present;

static void cpuid(uint32_t leaf, uint32_t *a, uint32_t *b, uint32_t *c, uint32_t *d)
{
	__asm__ volatile("cpuid" : "=a"(*a), "=b"(*b), "=c"(*c), "=d"(*d) : "a"(leaf), "c"(0));
}

static void wrmsr(uint32_t msr, uint64_t value)
{
	__asm__ volatile("wrmsr" ::"c"(msr), "a"((uint32_t)value), "d"((uint32_t)(value >> 32)));
}

/* The base of Xen's CPUID leaves: "XenVMMXenVMM" at 0x40000000 + k * 0x100
 * (other hypervisors' leaves may come first when Xen offers viridian). */
static uint32_t find_xen_leaves(void)
{
	uint32_t base, a, b, c, d;

	for (base = 0x40000000; base < 0x40010000; base += 0x100) {
		cpuid(base, &a, &b, &c, &d);
		if (b == 0x566e6558 && c == 0x65584d4d && d == 0x4d4d566e && a - base >= 2)
			return base;
	}
	return 0;
}

bool xen_hypercall_init(void)
{
	uint32_t base = find_xen_leaves(), pages, msr, c, d;
	size_t i;

	if (!base)
		return false;
	cpuid(base + 2, &pages, &msr, &c, &d);
	if (pages < 1)
		return false;
	/* Identity mapped: the page's virtual address is its physical one. */
	wrmsr(msr, (uint64_t)(uintptr_t)xen_hypercall_page);
	/* Check it took: Xen writes a stub at the start of every slot. */
	for (i = 0; i < sizeof(xen_hypercall_page); i++)
		if (((volatile char *)xen_hypercall_page)[i])
			break;
	present = i < sizeof(xen_hypercall_page);
	return present;
}

bool xen_present(void)
{
	return present;
}

long xen_hypercall(unsigned int op, unsigned long a1, unsigned long a2, unsigned long a3,
		   unsigned long a4, unsigned long a5)
{
	register unsigned long r10 __asm__("r10") = a4;
	register unsigned long r8 __asm__("r8") = a5;
	void *entry = xen_hypercall_page + op * 32;
	long ret;

	__asm__ volatile("call *%[entry]"
			 : "=a"(ret), "+D"(a1), "+S"(a2), "+d"(a3), "+r"(r10), "+r"(r8)
			 : [entry] "r"(entry)
			 : "memory", "rcx", "r11");
	return ret;
}
