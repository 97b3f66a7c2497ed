/* Hypercalls on arm64: hvc #0xEA1 with the number in x16 and arguments in
 * x0-x4. Xen is found by the platform in the device tree (/hypervisor,
 * compatible "xen,xen") before it calls xen_hypercall_init. */
#include <xen-core/hypercall.h>

static bool present;

bool xen_hypercall_init(void)
{
	present = true;
	return true;
}

bool xen_present(void)
{
	return present;
}

long xen_hypercall(unsigned int op, unsigned long a1, unsigned long a2, unsigned long a3,
		   unsigned long a4, unsigned long a5)
{
	register unsigned long x0 __asm__("x0") = a1;
	register unsigned long x1 __asm__("x1") = a2;
	register unsigned long x2 __asm__("x2") = a3;
	register unsigned long x3 __asm__("x3") = a4;
	register unsigned long x4 __asm__("x4") = a5;
	register unsigned long x16 __asm__("x16") = op;

	__asm__ volatile("hvc #0xea1"
			 : "+r"(x0), "+r"(x1), "+r"(x2), "+r"(x3), "+r"(x4), "+r"(x16)
			 :
			 : "memory");
	return (long)x0;
}
