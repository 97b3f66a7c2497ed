/* The xenrig self-test guest for arm64: a minimal Xen guest in the Linux
 * arm64 Image format, which xl loads at the start of guest RAM + text_offset
 * and enters at its first byte in EL1, MMU and caches off, x0 = the physical
 * address of the guest's device tree.
 *
 * It writes "xenrig-selftest: console ok, cmdline=<its command line>" to the
 * PV console ring (the command line is xl's extra = "...", which the guest
 * finds as /chosen/bootargs in its device tree), waits until xenconsoled has
 * read it, and then acts on the command line's first letter:
 *   p   writes "3" to xenstore data/exit-status, then SCHEDOP_shutdown(poweroff)
 *   c   SCHEDOP_shutdown(crash)
 *   other: waits forever with wfi (the rig's --timeout ends it)
 * Hypercalls: hvc #0xEA1, number in x16, arguments in x0..x4, result in x0;
 * x0..x4 may be clobbered, so what must live across calls is in x19..x24.
 * With the MMU off every access is Device memory: no unaligned accesses, and
 * no caches (fine under QEMU TCG, which models none; on hardware, memory
 * shared with dom0 must be mapped Normal cacheable, so a real guest turns its
 * MMU on first). Constants are from Xen's public headers (xen.h, sched.h,
 * event_channel.h, hvm/hvm_op.h, hvm/params.h, io/console.h, io/xs_wire.h). */

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
	/* struct xencons_interface: in[1024], out[2048], in_cons, in_prod, out_cons, out_prod */
	.set CONS_OUT, 1024
	.set CONS_OUT_MASK, 2047
	.set CONS_OUT_CONS, 3080
	.set CONS_OUT_PROD, 3084
	/* struct xenstore_domain_interface: req[1024], rsp[1024], req_cons, req_prod, rsp_cons, rsp_prod */
	.set XS_REQ_MASK, 1023
	.set XS_REQ_PROD, 2052
	.set XS_RSP_CONS, 2056
	.set XS_RSP_PROD, 2060
	/* flattened device tree: header fields and structure tokens (big-endian) */
	.set FDT_MAGIC, 0xd00dfeed
	.set FDT_OFF_STRUCT, 8
	.set FDT_OFF_STRINGS, 12
	.set FDT_BEGIN_NODE, 1
	.set FDT_PROP, 3
	.set FDT_END, 9
	/* polls of a ring before giving up (each one yields to Xen) */
	.set POLLS, 200000

	.text
	.globl _start
_start:	/* the Image header (Linux Documentation/arm64/booting.rst) */
	b	entry			/* code0 */
	.long	0			/* code1 */
	.quad	0			/* text_offset */
	.quad	image_end - _start	/* image_size */
	.quad	0			/* flags: little-endian */
	.quad	0, 0, 0			/* reserved */
	.ascii	"ARM\x64"		/* magic, at offset 56 */
	.long	0			/* reserved (PE header offset) */

entry:
	mov	x19, x0			/* x19: the device tree */
	adr	x0, stack_top
	mov	sp, x0

	/* where the console and xenstore rings are, and their event channels */
	mov	x0, #HVM_PARAM_CONSOLE_PFN
	bl	get_param
	lsl	x20, x0, #12		/* x20: console ring */
	mov	x0, #HVM_PARAM_CONSOLE_EVTCHN
	bl	get_param
	mov	x21, x0			/* x21: its port */
	mov	x0, #HVM_PARAM_STORE_PFN
	bl	get_param
	lsl	x22, x0, #12		/* x22: xenstore ring */
	mov	x0, #HVM_PARAM_STORE_EVTCHN
	bl	get_param
	mov	x23, x0			/* x23: its port */

	/* the console line, with the command line (empty if there is none) */
	bl	find_bootargs
	mov	x24, x0			/* x24: the command line, NUL-terminated */
	adr	x0, hello
	mov	x1, #(hello_end - hello)
	bl	console_write
	mov	x0, x24
	mov	x1, #0
1:	ldrb	w2, [x0, x1]
	cbz	w2, 2f
	add	x1, x1, #1
	b	1b
2:	bl	console_write
	adr	x0, newline
	mov	x1, #1
	bl	console_write
	bl	console_drain

	/* what the command line asks for */
	ldrb	w0, [x24]
	cmp	w0, #'p'
	b.eq	poweroff
	cmp	w0, #'c'
	b.eq	crash
sleep_forever:
	wfi			/* nothing will wake it: Xen blocks the vCPU */
	b	sleep_forever

poweroff:
	bl	xenstore_write_exit
	mov	w0, #SHUTDOWN_poweroff
	b	shutdown
crash:
	mov	w0, #SHUTDOWN_crash
shutdown:
	adr	x1, sched_shutdown_arg
	str	w0, [x1]
	mov	x0, #SCHEDOP_shutdown
	mov	x16, #HYPERVISOR_sched_op
	hvc	#0xEA1
	b	sleep_forever

/* x0 = HVM parameter index -> x0 = its value */
get_param:
	adr	x1, hvm_param		/* struct xen_hvm_param { u16 domid, pad; u32 index; u64 value } */
	mov	w2, #DOMID_SELF
	str	w2, [x1]		/* domid and pad */
	str	w0, [x1, #4]
	str	xzr, [x1, #8]
	mov	x0, #HVMOP_get_param
	mov	x16, #HYPERVISOR_hvm_op
	hvc	#0xEA1
	adr	x1, hvm_param
	ldr	x0, [x1, #8]
	ret

/* x0 = event channel port to notify */
notify:
	adr	x1, evtchn_send_arg
	str	w0, [x1]
	mov	x0, #EVTCHNOP_send
	mov	x16, #HYPERVISOR_event_channel_op
	hvc	#0xEA1
	ret

yield:
	mov	x0, #SCHEDOP_yield
	mov	x1, #0
	mov	x16, #HYPERVISOR_sched_op
	hvc	#0xEA1
	ret

/* x0 = the guest's /chosen/bootargs (the first "bootargs" property in the
 * device tree at x19), or an empty string. Walks the structure block:
 * BEGIN_NODE name; PROP len nameoff value; END_NODE and NOP have no data. */
find_bootargs:
	cbz	x19, 9f
	ldr	w0, [x19]
	rev	w0, w0
	mov	w1, #(FDT_MAGIC & 0xffff)
	movk	w1, #(FDT_MAGIC >> 16), lsl #16
	cmp	w0, w1
	b.ne	9f
	ldr	w0, [x19, #FDT_OFF_STRUCT]
	rev	w0, w0
	add	x2, x19, x0		/* x2: the next token */
	ldr	w0, [x19, #FDT_OFF_STRINGS]
	rev	w0, w0
	add	x3, x19, x0		/* x3: the strings block */
1:	ldr	w0, [x2], #4
	rev	w0, w0
	cmp	w0, #FDT_END
	b.eq	9f
	cmp	w0, #FDT_BEGIN_NODE
	b.eq	3f
	cmp	w0, #FDT_PROP
	b.ne	1b			/* END_NODE, NOP */
	ldr	w4, [x2]		/* the property's length */
	rev	w4, w4
	ldr	w5, [x2, #4]		/* its name's offset in the strings */
	rev	w5, w5
	add	x2, x2, #8		/* x2: its value */
	add	x5, x3, x5
	adr	x6, bootargs_name
2:	ldrb	w7, [x5], #1		/* compare the name with "bootargs" */
	ldrb	w8, [x6], #1
	cmp	w7, w8
	b.ne	4f
	cbnz	w7, 2b
	mov	x0, x2			/* found: a NUL-terminated string */
	ret
4:	add	x2, x2, x4		/* skip the value, padded to 4 bytes */
	b	5f
3:	ldrb	w0, [x2], #1		/* skip a node's name and its NUL */
	cbnz	w0, 3b
5:	add	x2, x2, #3
	and	x2, x2, #~3
	b	1b
9:	adr	x0, empty
	ret

/* Copy x1 bytes from x0 into a ring: data at x2, producer index at x3, index
 * mask in w4. The caller's output fits the free space. */
ring_put:
	ldr	w5, [x3]
1:	cbz	x1, 2f
	and	w6, w5, w4
	ldrb	w7, [x0], #1
	strb	w7, [x2, w6, uxtw]
	add	w5, w5, #1
	sub	x1, x1, #1
	b	1b
2:	dmb	ish			/* the data before the index */
	str	w5, [x3]
	ret

/* write x1 bytes at x0 to the console and tell xenconsoled */
console_write:
	stp	x29, x30, [sp, #-16]!
	add	x2, x20, #CONS_OUT
	add	x3, x20, #CONS_OUT_PROD
	mov	w4, #CONS_OUT_MASK
	bl	ring_put
	mov	x0, x21
	bl	notify
	ldp	x29, x30, [sp], #16
	ret

/* wait (bounded) until xenconsoled has read all the console output */
console_drain:
	stp	x29, x30, [sp, #-16]!
	stp	x25, x26, [sp, #-16]!
	ldr	x25, =POLLS
1:	ldr	w0, [x20, #CONS_OUT_CONS]
	ldr	w1, [x20, #CONS_OUT_PROD]
	cmp	w0, w1
	b.eq	2f
	bl	yield
	subs	x25, x25, #1
	b.ne	1b
2:	ldp	x25, x26, [sp], #16
	ldp	x29, x30, [sp], #16
	ret

/* xenstore: write "3" to data/exit-status and wait (bounded) for the answer */
xenstore_write_exit:
	stp	x29, x30, [sp, #-16]!
	stp	x25, x26, [sp, #-16]!
	adr	x0, xs_msg
	mov	x1, #(xs_end - xs_msg)
	mov	x2, x22
	add	x3, x22, #XS_REQ_PROD
	mov	w4, #XS_REQ_MASK
	bl	ring_put
	mov	x0, x23
	bl	notify
	ldr	x25, =POLLS
1:	ldr	w0, [x22, #XS_RSP_PROD]
	ldr	w1, [x22, #XS_RSP_CONS]
	cmp	w0, w1
	b.ne	2f
	bl	yield
	subs	x25, x25, #1
	b.ne	1b
	b	3f
2:	str	w0, [x22, #XS_RSP_CONS]	/* the answer is consumed unread */
3:	ldp	x25, x26, [sp], #16
	ldp	x29, x30, [sp], #16
	ret

	.ltorg

hello:	.ascii "xenrig-selftest: console ok, cmdline="
hello_end:
newline: .ascii "\n"
bootargs_name: .asciz "bootargs"
empty:	.byte 0
	.p2align 2
xs_msg:	/* struct xsd_sockmsg { type, req_id, tx_id, len } and the payload */
	.long XS_WRITE, 1, 0, xs_end - xs_payload
xs_payload:
	.asciz "data/exit-status"
	.ascii "3"
xs_end:

	/* data and stack in the image itself (zeros), so that no loader has to
	 * know about a .bss */
	.p2align 4
hvm_param:	.skip 16
evtchn_send_arg:	.skip 4
sched_shutdown_arg:	.skip 4
	.p2align 4
stack:	.skip 4096
stack_top:
image_end:
