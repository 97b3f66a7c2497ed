/* The page Xen fills with one 32-byte stub per hypercall (vmcall or vmmcall,
 * whichever the CPU has). It lives in text: the stubs are executed. */
	.section .text.xen_hypercall_page, "ax", @progbits
	.balign 4096
	.globl xen_hypercall_page
xen_hypercall_page:
	.fill 4096, 1, 0
