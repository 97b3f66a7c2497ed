/* The shared info page, HVM parameters, the version and shutdown: the
 * hypercalls every Xen guest makes once. */
#include <xen-core/hypercall.h>
#include <xen/hvm/hvm_op.h>
#include <xen/memory.h>
#include <xen/sched.h>
#include <xen/version.h>

struct shared_info *xen_shared_info;

struct shared_info *xen_shared_info_map(unsigned long pfn)
{
	struct xen_add_to_physmap xatp = {
	    .domid = DOMID_SELF,
	    .space = XENMAPSPACE_shared_info,
	    .idx = 0,
	    .gpfn = pfn,
	};

	if (xen_memory_op(XENMEM_add_to_physmap, &xatp) != 0)
		return 0;
	xen_shared_info = (struct shared_info *)(pfn << 12);
	return xen_shared_info;
}

int xen_hvm_get_param(uint32_t index, uint64_t *value)
{
	struct xen_hvm_param p = {.domid = DOMID_SELF, .index = index};
	long rc = xen_hvm_op(HVMOP_get_param, &p);

	if (rc == 0)
		*value = p.value;
	return (int)rc;
}

uint32_t xen_version(void)
{
	return (uint32_t)xen_hypercall(__HYPERVISOR_xen_version, XENVER_version, 0, 0, 0, 0);
}

void xen_shutdown(unsigned int reason)
{
	struct sched_shutdown s = {.reason = reason};

	xen_sched_op(SCHEDOP_shutdown, &s);
}
