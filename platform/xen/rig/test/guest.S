/* The xenrig self-test guest: a minimal Xen PVH kernel that stays in 32-bit
 * protected mode. Xen starts a PVH kernel at its XEN_ELFNOTE_PHYS32_ENTRY with
 * flat segments, paging off, and %ebx = physical address of hvm_start_info.
 *
 * It writes "xenrig-selftest" to I/O port 0xE9 (Xen logs it as "(dN) ..."),
 * sets up the hypercall page, writes "xenrig-selftest: console ok,
 * cmdline=<its command line>" to the PV console ring, and then acts on the
 * first letter of its command line (xl's extra = "..."):
 *   p   writes "3" to xenstore data/exit-status, then SCHEDOP_shutdown(poweroff)
 *   c   SCHEDOP_shutdown(crash)
 *   other: sleeps forever (the rig's --timeout ends it)
 * Hypercalls use the 32-bit ABI: %eax = number (via the hypercall page),
 * arguments in %ebx, %ecx, %edx, %esi, %edi; all of them may be clobbered.
 * Constants are from Xen's public headers (xen.h, sched.h, event_channel.h,
 * hvm/hvm_op.h, hvm/params.h, io/console.h, io/xs_wire.h, elfnote.h). */

#define HYPERCALL(nr) call hypercall_page + (nr) * 32

	.set HYPERVISOR_sched_op, 29
	.set HYPERVISOR_event_channel_op, 32
	.set HYPERVISOR_hvm_op, 34
	.set SCHEDOP_yield, 0
	.set SCHEDOP_shutdown, 2
	.set SHUTDOWN_poweroff, 0
	.set SHUTDOWN_crash, 3
	.set EVTCHNOP_send, 4
	.set HVMOP_get_param, 1
	.set HVM_PARAM_STORE_PFN, 1
	.set HVM_PARAM_STORE_EVTCHN, 2
	.set HVM_PARAM_CONSOLE_PFN, 17
	.set HVM_PARAM_CONSOLE_EVTCHN, 18
	.set DOMID_SELF, 0x7ff0
	.set XS_WRITE, 11
	.set XEN_ELFNOTE_PHYS32_ENTRY, 18
	/* struct xencons_interface: in[1024], out[2048], in_cons, in_prod, out_cons, out_prod */
	.set CONS_OUT, 1024
	.set CONS_OUT_MASK, 2047
	.set CONS_OUT_CONS, 3080
	.set CONS_OUT_PROD, 3084
	/* struct xenstore_domain_interface: req[1024], rsp[1024], req_cons, req_prod, rsp_cons, rsp_prod */
	.set XS_REQ, 0
	.set XS_REQ_MASK, 1023
	.set XS_REQ_PROD, 2052
	.set XS_RSP_CONS, 2056
	.set XS_RSP_PROD, 2060
	/* struct hvm_start_info: cmdline_paddr (64 bits; below 4 GiB here) */
	.set START_INFO_CMDLINE, 24

	.section .note.Xen, "a", @note
	.p2align 2
	.long 4, 4, XEN_ELFNOTE_PHYS32_ENTRY	/* namesz, descsz, type */
	.asciz "Xen"
	.long _start

	.text
	.code32
	.globl _start
_start:
	cld
	mov $stack_top, %esp
	mov %ebx, start_info

	/* 1. Xen's debug port: a line of output before anything else can fail */
	mov $e9_msg, %esi
	mov $(e9_end - e9_msg), %ecx
	mov $0xe9, %dx
	rep outsb (%esi), %dx

	/* 2. the hypercall page: find Xen's CPUID leaves ("XenVMMXenVMM"), then
	 * write the page's address to the MSR that leaf base+2 names */
	mov $0x40000000, %edi
1:	mov %edi, %eax
	cpuid
	cmp $0x566e6558, %ebx
	jne 2f
	cmp $0x65584d4d, %ecx
	jne 2f
	cmp $0x4d4d566e, %edx
	je 3f
2:	add $0x100, %edi
	cmp $0x40010000, %edi
	jb 1b
	jmp sleep_forever
3:	lea 2(%edi), %eax
	cpuid
	mov %ebx, %ecx
	mov $hypercall_page, %eax
	xor %edx, %edx
	wrmsr

	/* 3. where the console and xenstore rings are, and their event channels */
	mov $HVM_PARAM_CONSOLE_PFN, %eax
	call get_param
	shl $12, %eax
	mov %eax, cons_ring
	mov $HVM_PARAM_CONSOLE_EVTCHN, %eax
	call get_param
	mov %eax, cons_port
	mov $HVM_PARAM_STORE_PFN, %eax
	call get_param
	shl $12, %eax
	mov %eax, store_ring
	mov $HVM_PARAM_STORE_EVTCHN, %eax
	call get_param
	mov %eax, store_port

	/* 4. the console line, with the command line (empty if there is none) */
	mov start_info, %ebx
	mov START_INFO_CMDLINE(%ebx), %esi
	test %esi, %esi
	jnz 1f
	mov $newline_end, %esi	/* points at a NUL: an empty string */
1:	mov %esi, cmdline
	mov $hello, %esi
	mov $(hello_end - hello), %ecx
	call console_write
	mov cmdline, %esi
	xor %ecx, %ecx
1:	cmpb $0, (%esi, %ecx)
	je 2f
	inc %ecx
	jmp 1b
2:	call console_write
	mov $newline, %esi
	mov $(newline_end - newline), %ecx
	call console_write
	call console_drain

	/* 5. what the command line asks for */
	mov cmdline, %esi
	cmpb $'p', (%esi)
	je poweroff
	cmpb $'c', (%esi)
	je crash
sleep_forever:
	/* not cli;hlt: Xen takes a halt with interrupts off as the vCPU going
	 * down, and powers the domain off. Nothing will interrupt this one. */
	sti
	hlt
	jmp sleep_forever

poweroff:
	call xenstore_write_exit
	mov $SHUTDOWN_poweroff, %eax
	jmp shutdown
crash:
	mov $SHUTDOWN_crash, %eax
shutdown:
	mov %eax, sched_shutdown_arg
	mov $SCHEDOP_shutdown, %ebx
	mov $sched_shutdown_arg, %ecx
	HYPERCALL(HYPERVISOR_sched_op)
	jmp sleep_forever

/* %eax = HVM parameter index -> %eax = its value (low 32 bits) */
get_param:
	movw $DOMID_SELF, hvm_param
	mov %eax, hvm_param + 4
	movl $0, hvm_param + 8
	movl $0, hvm_param + 12
	mov $HVMOP_get_param, %ebx
	mov $hvm_param, %ecx
	HYPERCALL(HYPERVISOR_hvm_op)
	mov hvm_param + 8, %eax
	ret

/* %eax = event channel port to notify */
notify:
	mov %eax, evtchn_send_arg
	mov $EVTCHNOP_send, %ebx
	mov $evtchn_send_arg, %ecx
	HYPERCALL(HYPERVISOR_event_channel_op)
	ret

yield:
	mov $SCHEDOP_yield, %ebx
	xor %ecx, %ecx
	HYPERCALL(HYPERVISOR_sched_op)
	ret

/* Copy %ecx bytes from %esi into a ring: data at %edi, producer index at
 * (%ebp), index mask in ring_mask. The caller's output fits the free space. */
ring_put:
	mov (%ebp), %ebx
1:	jecxz 2f
	mov %ebx, %eax
	and ring_mask, %eax
	movb (%esi), %dl
	movb %dl, (%edi, %eax)
	inc %esi
	inc %ebx
	dec %ecx
	jmp 1b
2:	mov %ebx, (%ebp)	/* x86 keeps stores in order: data before index */
	ret

/* write %ecx bytes at %esi to the console and tell xenconsoled */
console_write:
	mov cons_ring, %edi
	lea CONS_OUT_PROD(%edi), %ebp
	add $CONS_OUT, %edi
	movl $CONS_OUT_MASK, ring_mask
	call ring_put
	mov cons_port, %eax
	jmp notify

/* wait (bounded) until xenconsoled has read all the console output */
console_drain:
	mov $200000, %ecx
1:	mov cons_ring, %edi
	mov CONS_OUT_CONS(%edi), %eax
	cmp CONS_OUT_PROD(%edi), %eax
	je 2f
	push %ecx
	call yield
	pop %ecx
	loop 1b
2:	ret

/* xenstore: write "3" to data/exit-status and wait (bounded) for the answer */
xenstore_write_exit:
	mov store_ring, %edi
	lea XS_REQ_PROD(%edi), %ebp
	add $XS_REQ, %edi
	movl $XS_REQ_MASK, ring_mask
	mov $xs_msg, %esi
	mov $(xs_end - xs_msg), %ecx
	call ring_put
	mov store_port, %eax
	call notify
	mov $200000, %ecx
1:	mov store_ring, %edi
	mov XS_RSP_PROD(%edi), %eax
	cmp XS_RSP_CONS(%edi), %eax
	jne 2f
	push %ecx
	call yield
	pop %ecx
	loop 1b
	ret
2:	mov %eax, XS_RSP_CONS(%edi)	/* the answer is consumed unread */
	ret

	.data
e9_msg:	.ascii "xenrig-selftest\n"
e9_end:
hello:	.ascii "xenrig-selftest: console ok, cmdline="
hello_end:
newline: .ascii "\n"
newline_end:
	.byte 0
	.p2align 2
xs_msg:	/* struct xsd_sockmsg { type, req_id, tx_id, len } and the payload */
	.long XS_WRITE, 1, 0, xs_end - xs_payload
xs_payload:
	.asciz "data/exit-status"
	.ascii "3"
xs_end:

	.bss
	.p2align 12
hypercall_page:	.skip 4096	/* filled in by Xen on the MSR write */
stack:	.skip 4096
stack_top:
	.p2align 3
hvm_param:	.skip 16	/* struct xen_hvm_param { domid, index, value } */
start_info:	.long 0
cmdline:	.long 0
cons_ring:	.long 0
cons_port:	.long 0
store_ring:	.long 0
store_port:	.long 0
ring_mask:	.long 0
evtchn_send_arg:	.long 0
sched_shutdown_arg:	.long 0
