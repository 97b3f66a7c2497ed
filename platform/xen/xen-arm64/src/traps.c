/* Exceptions and interrupts: a synchronous exception ends the image with a
 * panic that decodes it; an IRQ is an event-channel upcall or the timer. */
#include <xen-core/evtchn.h>
#include <xen-core/print.h>

#include "arm64.h"

static int on_stack(uint64_t a)
{
	return a >= (uintptr_t)arm64_stack_bottom && a + 16 <= (uintptr_t)boot_stack_top;
}

/* Frame records: x29 points at {previous x29, return address}. */
void arm64_backtrace(uint64_t fp)
{
	int depth = 0;

	xen_print("backtrace:");
	while (fp && on_stack(fp) && depth++ < 32) {
		const uint64_t *frame = (const uint64_t *)(uintptr_t)fp;

		xen_print_hex(" ", frame[1]);
		if (frame[0] <= fp)
			break;
		fp = frame[0];
	}
	xen_print("\n");
}

static const char *class_name(uint64_t esr)
{
	switch ((esr >> 26) & 0x3f) {
	case 0x00:
		return "unknown exception";
	case 0x0e:
		return "illegal execution state";
	case 0x15:
		return "system call";
	case 0x18:
		return "trapped system register access";
	case 0x20:
	case 0x21:
		return "instruction abort";
	case 0x22:
		return "PC alignment fault";
	case 0x24:
	case 0x25:
		return "data abort";
	case 0x26:
		return "SP alignment fault";
	case 0x3c:
		return "breakpoint";
	default:
		return "exception";
	}
}

_Noreturn void arm64_exception(uint64_t kind, uint64_t esr, uint64_t elr, uint64_t far,
			       uint64_t fp);
_Noreturn void arm64_exception(uint64_t kind, uint64_t esr, uint64_t elr, uint64_t far, uint64_t fp)
{
	const char *name = kind == 4 ? class_name(esr) : "unexpected exception vector";

	xen_print("exception: ");
	xen_print(name);
	xen_print_hex(" at pc=", elr);
	xen_print_hex(" esr=", esr);
	xen_print_hex(" far=", far);
	xen_print_hex(" vector=", kind);
	xen_print("\n");
	if (far >= (uintptr_t)arm64_stack_guard && far < (uintptr_t)arm64_stack_guard + 4096)
		xen_print("(the stack overflowed into its guard page)\n");
	arm64_panic(name, fp);
}

void arm64_irq(void);
void arm64_irq(void)
{
	int intid = arm64_gic_ack();

	if (intid >= 1020)
		return; /* spurious */
	if (intid == arm64_dt.evtchn_irq)
		evtchn_dispatch();
	else if (intid == arm64_dt.timer_irq)
		__asm__ volatile("msr cntv_ctl_el0, %0; isb" ::"r"(2ull)); /* masked, off */
	arm64_gic_eoi(intid);
}
