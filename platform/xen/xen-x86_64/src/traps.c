/* The IDT: CPU exceptions end the image with a panic that names the fault,
 * the registers and a backtrace; the upcall vector dispatches events. */
#include <xen-core/evtchn.h>
#include <xen-core/print.h>

#include "x86.h"

struct idt_entry {
	uint16_t offset_lo, selector;
	uint8_t ist, type;
	uint16_t offset_mid;
	uint32_t offset_hi, reserved;
} __attribute__((packed));

static struct idt_entry idt[256] __attribute__((aligned(16)));

/* The entry stubs of traps.S. */
/* clang-format off */
#define EXC(n) extern char x86_exc_##n[]
EXC(0); EXC(1); EXC(2); EXC(3); EXC(4); EXC(5); EXC(6); EXC(7); EXC(8); EXC(9); EXC(10);
EXC(11); EXC(12); EXC(13); EXC(14); EXC(15); EXC(16); EXC(17); EXC(18); EXC(19); EXC(20); EXC(21);
#undef EXC
/* clang-format on */
extern char x86_upcall_entry[], x86_spurious_entry[];

static char *const exception_entries[] = {
    x86_exc_0,	x86_exc_1,  x86_exc_2,	x86_exc_3,  x86_exc_4,	x86_exc_5,  x86_exc_6,	x86_exc_7,
    x86_exc_8,	x86_exc_9,  x86_exc_10, x86_exc_11, x86_exc_12, x86_exc_13, x86_exc_14, x86_exc_15,
    x86_exc_16, x86_exc_17, x86_exc_18, x86_exc_19, x86_exc_20, x86_exc_21,
};

static const char *const exception_names[] = {
    "divide error",
    "debug",
    "NMI",
    "breakpoint",
    "overflow",
    "bound range",
    "invalid opcode",
    "device not available",
    "double fault",
    "coprocessor",
    "invalid TSS",
    "segment not present",
    "stack fault",
    "general protection",
    "page fault",
    "reserved",
    "x87 error",
    "alignment check",
    "machine check",
    "SIMD error",
    "virtualization",
    "control protection",
};

static void set_gate(unsigned int vector, void *entry)
{
	uintptr_t a = (uintptr_t)entry;

	idt[vector].offset_lo = (uint16_t)a;
	idt[vector].selector = 0x08;
	idt[vector].type = 0x8e; /* present, interrupt gate: IF cleared on entry */
	idt[vector].offset_mid = (uint16_t)(a >> 16);
	idt[vector].offset_hi = (uint32_t)(a >> 32);
}

void x86_traps_init(void)
{
	struct {
		uint16_t limit;
		uint64_t base;
	} __attribute__((packed)) ptr = {sizeof(idt) - 1, (uintptr_t)idt};
	unsigned int i;

	for (i = 0; i < sizeof(exception_entries) / sizeof(exception_entries[0]); i++)
		set_gate(i, exception_entries[i]);
	set_gate(X86_UPCALL_VECTOR, x86_upcall_entry);
	set_gate(0xff, x86_spurious_entry);
	__asm__ volatile("lidt %0" ::"m"(ptr));
}

void x86_upcall(void);
void x86_upcall(void)
{
	evtchn_dispatch();
	x86_lapic_eoi();
}

static int on_stack(uint64_t a)
{
	return a >= (uintptr_t)x86_stack_bottom && a + 16 <= (uintptr_t)boot_stack_top;
}

/* Walks the frame-pointer chain (images build with -fno-omit-frame-pointer):
 * each frame holds the caller's rbp, then the return address. */
void x86_backtrace(uint64_t rbp)
{
	int depth = 0;

	xen_print("backtrace:");
	while (rbp && on_stack(rbp) && depth++ < 32) {
		const uint64_t *frame = (const uint64_t *)(uintptr_t)rbp;

		xen_print_hex(" ", frame[1]);
		if (frame[0] <= rbp)
			break;
		rbp = frame[0];
	}
	xen_print("\n");
}

_Noreturn void x86_exception(struct x86_frame *f);
_Noreturn void x86_exception(struct x86_frame *f)
{
	uint64_t cr2;

	__asm__ volatile("mov %%cr2, %0" : "=r"(cr2));
	xen_print("exception: ");
	xen_print(f->vector < 22 ? exception_names[f->vector] : "unknown");
	xen_print_hex(" at rip=", f->rip);
	xen_print_hex(" error=", f->error);
	if (f->vector == 14)
		xen_print_hex(" cr2=", cr2);
	xen_print("\n");
	xen_print_hex("rax=", f->rax), xen_print_hex(" rbx=", f->rbx),
	    xen_print_hex(" rcx=", f->rcx), xen_print_hex(" rdx=", f->rdx);
	xen_print_hex("\nrsi=", f->rsi), xen_print_hex(" rdi=", f->rdi),
	    xen_print_hex(" rbp=", f->rbp), xen_print_hex(" rsp=", f->rsp);
	xen_print("\n");
	if (f->vector == 14 && cr2 >= (uintptr_t)x86_stack_guard &&
	    cr2 < (uintptr_t)x86_stack_guard + 4096)
		xen_print("(the stack overflowed into its guard page)\n");
	x86_panic(f->vector < 22 ? exception_names[f->vector] : "unknown exception", f->rbp);
}
