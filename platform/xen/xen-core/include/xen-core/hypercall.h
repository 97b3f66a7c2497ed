/* Hypercalls: the one way a guest asks Xen for anything. The arch part
 * (src/<arch>/hypercall.c) knows how to trap; everything above it is
 * common. Arguments and results are as in Xen's public headers. */
#ifndef UK_XEN_HYPERCALL_H
#define UK_XEN_HYPERCALL_H

#include <stdbool.h>
#include <stdint.h>

#include <xen/xen.h>

/* Finds Xen and makes hypercalls possible (x86: the CPUID leaves from
 * 0x40000000 in steps of 0x100, then the hypercall page through the MSR the
 * leaf names, checked after install). False when not running on Xen; no
 * other xen_ call may be made then. */
bool xen_hypercall_init(void);

/* True once xen_hypercall_init found Xen. */
bool xen_present(void);

/* Xen's version as major << 16 | minor, from XENVER_version. */
uint32_t xen_version(void);

long xen_hypercall(unsigned int op, unsigned long a1, unsigned long a2, unsigned long a3,
		   unsigned long a4, unsigned long a5);

static inline long xen_memory_op(unsigned int cmd, void *arg)
{
	return xen_hypercall(__HYPERVISOR_memory_op, cmd, (unsigned long)arg, 0, 0, 0);
}

static inline long xen_hvm_op(unsigned int cmd, void *arg)
{
	return xen_hypercall(__HYPERVISOR_hvm_op, cmd, (unsigned long)arg, 0, 0, 0);
}

static inline long xen_event_channel_op(unsigned int cmd, void *arg)
{
	return xen_hypercall(__HYPERVISOR_event_channel_op, cmd, (unsigned long)arg, 0, 0, 0);
}

static inline long xen_sched_op(unsigned int cmd, void *arg)
{
	return xen_hypercall(__HYPERVISOR_sched_op, cmd, (unsigned long)arg, 0, 0, 0);
}

static inline long xen_vcpu_op(unsigned int cmd, unsigned int vcpu, void *arg)
{
	return xen_hypercall(__HYPERVISOR_vcpu_op, cmd, vcpu, (unsigned long)arg, 0, 0);
}

static inline long xen_grant_table_op(unsigned int cmd, void *arg, unsigned int count)
{
	return xen_hypercall(__HYPERVISOR_grant_table_op, cmd, (unsigned long)arg, count, 0, 0);
}

/* HVMOP_get_param: the console and xenstore rings and their ports. */
int xen_hvm_get_param(uint32_t index, uint64_t *value);

/* Maps the shared info page over the guest page at pfn (XENMEM_add_to_physmap)
 * and returns it; the event channel and time code read it from then on. */
struct shared_info *xen_shared_info_map(unsigned long pfn);
extern struct shared_info *xen_shared_info;

/* SCHEDOP_shutdown with reason SHUTDOWN_poweroff, _crash, ... Does not return
 * when Xen takes it. */
void xen_shutdown(unsigned int reason);

#endif
