/* From the PVH entry to main: start info, Xen detection, paging, traps,
 * events, console, clock, RAM, then the glue (module init and main). */
#include <xen-core/console.h>
#include <xen-core/hypercall.h>
#include <xen-core/print.h>
#include <xen-core/seed.h>
#include <xen-core/time.h>
#include <uk/glue.h>
#include <uk/plat.h>
#include <xen/arch-x86/hvm/start_info.h>
#include <xen/hvm/hvm_op.h>
#include <xen-x86_64/boot.h>

#include "x86.h"

#define MAX_ARGS 32

/* The shared info page is mapped over this page of ours. */
static char shared_info_page[4096] __attribute__((aligned(4096)));
static char cmdline[1024];
static char *argv[MAX_ARGS + 1];

/* TSC at the entry (set in start.S) and when the glue is called. */
uint64_t x86_boot_tsc, x86_main_tsc;

uint64_t plat_xen_boot_cycles(void)
{
	return x86_main_tsc - x86_boot_tsc;
}

_Noreturn void xen_x86_boot(const struct hvm_start_info *si);

/* The command line from the start info, split on spaces; argv[0] is the
 * app's name. Copied first: the start info lies in RAM we hand out, so the
 * original is erased (it may hold the toolstack's seed), and the seed is
 * taken out of argv (xen-core/seed.h). */
static int parse_cmdline(const struct hvm_start_info *si)
{
	volatile char *src = si && si->cmdline_paddr ? (char *)(uintptr_t)si->cmdline_paddr : 0;
	size_t n = 0;

	while (src && src[n] && n < sizeof(cmdline) - 1) {
		cmdline[n] = src[n];
		src[n++] = 0;
	}
	cmdline[n] = 0;
	return xen_seed_take(xen_split_args(cmdline, uk_default_argv[0], argv, MAX_ARGS), argv);
}

static int events_init(void)
{
	struct xen_hvm_evtchn_upcall_vector uv = {.vcpu = 0, .vector = X86_UPCALL_VECTOR};

	if (!xen_shared_info_map((uintptr_t)shared_info_page >> 12))
		return -1;
	/* Events come as an interrupt on our vector, through the local APIC. */
	x86_lapic_init();
	if (xen_hvm_op(HVMOP_set_evtchn_upcall_vector, &uv) != 0)
		return -1;
	xen_shared_info->vcpu_info[0].evtchn_upcall_mask = 0;
	return 0;
}

_Noreturn void xen_x86_boot(const struct hvm_start_info *si)
{
	uintptr_t pool = ((uintptr_t)__image_end + 4095) & ~(uintptr_t)4095;
	int argc;

	x86_canary_init();
	if (si && si->magic != XEN_HVM_START_MAGIC_VALUE)
		si = 0;
	argc = parse_cmdline(si);
	x86_traps_init();
	if (!xen_hypercall_init())
		x86_serial_init();
	/* Read the memory map before page tables go where the start info is. */
	x86_memory_init(si);
	x86_paging_init(x86_memory_top() > (4ull << 30) ? x86_memory_top() : (4ull << 30), &pool);
	x86_memory_release(pool);
	if (xen_present()) {
		if (events_init() != 0)
			x86_panic("cannot set up event channels", 0);
		if (xencons_init() != 0)
			x86_console_write("warning: no PV console ring\n", 28);
		if (xen_time_init() != 0)
			x86_panic("cannot bind the timer VIRQ", 0);
	}
	x86_main_tsc = x86_rdtsc();
	plat_exit(uk_glue_run(argc, argv));
}
