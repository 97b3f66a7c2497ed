/* The IRQ frame: x0-x18, x29 (160 bytes), x30, elr, spsr (to 192), then
 * q0-q31 (512), fpsr and fpcr (16): 720 bytes.
 *
 * Exception vectors. Synchronous exceptions (faults, BRK) end in a panic
 * that names them; IRQs save what C may clobber (x0-x18, x29, x30, the
 * FP/SIMD registers) and call arm64_irq. Only "current EL with SP_ELx"
 * is expected; the other groups report themselves and panic too. */
	.macro	SAVE_CALLER
	sub	sp, sp, #720
	stp	x0, x1, [sp, #0]
	stp	x2, x3, [sp, #16]
	stp	x4, x5, [sp, #32]
	stp	x6, x7, [sp, #48]
	stp	x8, x9, [sp, #64]
	stp	x10, x11, [sp, #80]
	stp	x12, x13, [sp, #96]
	stp	x14, x15, [sp, #112]
	stp	x16, x17, [sp, #128]
	stp	x18, x29, [sp, #144]
	mrs	x0, elr_el1
	mrs	x1, spsr_el1
	stp	x30, x0, [sp, #160]
	str	x1, [sp, #176]
	add	x0, sp, #192
	stp	q0, q1, [x0, #0]
	stp	q2, q3, [x0, #32]
	stp	q4, q5, [x0, #64]
	stp	q6, q7, [x0, #96]
	stp	q8, q9, [x0, #128]
	stp	q10, q11, [x0, #160]
	stp	q12, q13, [x0, #192]
	stp	q14, q15, [x0, #224]
	stp	q16, q17, [x0, #256]
	stp	q18, q19, [x0, #288]
	stp	q20, q21, [x0, #320]
	stp	q22, q23, [x0, #352]
	stp	q24, q25, [x0, #384]
	stp	q26, q27, [x0, #416]
	stp	q28, q29, [x0, #448]
	stp	q30, q31, [x0, #480]
	mrs	x1, fpsr
	mrs	x2, fpcr
	add	x0, x0, #512
	stp	x1, x2, [x0]
	.endm

	.macro	RESTORE_CALLER
	add	x0, sp, #(192 + 512)
	ldp	x1, x2, [x0]
	msr	fpsr, x1
	msr	fpcr, x2
	add	x0, sp, #192
	ldp	q0, q1, [x0, #0]
	ldp	q2, q3, [x0, #32]
	ldp	q4, q5, [x0, #64]
	ldp	q6, q7, [x0, #96]
	ldp	q8, q9, [x0, #128]
	ldp	q10, q11, [x0, #160]
	ldp	q12, q13, [x0, #192]
	ldp	q14, q15, [x0, #224]
	ldp	q16, q17, [x0, #256]
	ldp	q18, q19, [x0, #288]
	ldp	q20, q21, [x0, #320]
	ldp	q22, q23, [x0, #352]
	ldp	q24, q25, [x0, #384]
	ldp	q26, q27, [x0, #416]
	ldp	q28, q29, [x0, #448]
	ldp	q30, q31, [x0, #480]
	ldr	x1, [sp, #176]
	ldp	x30, x0, [sp, #160]
	msr	elr_el1, x0
	msr	spsr_el1, x1
	ldp	x0, x1, [sp, #0]
	ldp	x2, x3, [sp, #16]
	ldp	x4, x5, [sp, #32]
	ldp	x6, x7, [sp, #48]
	ldp	x8, x9, [sp, #64]
	ldp	x10, x11, [sp, #80]
	ldp	x12, x13, [sp, #96]
	ldp	x14, x15, [sp, #112]
	ldp	x16, x17, [sp, #128]
	ldp	x18, x29, [sp, #144]
	add	sp, sp, #720
	.endm

	.macro	VECTOR kind
	.balign	128
	mov	x0, #\kind
	mrs	x1, esr_el1
	mrs	x2, elr_el1
	mrs	x3, far_el1
	mov	x4, x29
	b	arm64_exception
	.endm

	.text
	.balign	2048
	.globl	arm64_vectors
arm64_vectors:
	VECTOR	0		/* current EL, SP_EL0: sync */
	VECTOR	1		/* irq */
	VECTOR	2		/* fiq */
	VECTOR	3		/* serror */
	VECTOR	4		/* current EL, SP_ELx: sync */
	.balign	128
	b	irq_entry	/* current EL, SP_ELx: irq */
	VECTOR	6		/* fiq */
	VECTOR	7		/* serror */
	VECTOR	8		/* lower EL, AArch64 */
	VECTOR	9
	VECTOR	10
	VECTOR	11
	VECTOR	12		/* lower EL, AArch32 */
	VECTOR	13
	VECTOR	14
	VECTOR	15

irq_entry:
	SAVE_CALLER
	bl	arm64_irq
	RESTORE_CALLER
	eret
