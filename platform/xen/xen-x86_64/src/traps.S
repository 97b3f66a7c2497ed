/* Interrupt entry: one stub per CPU exception (all end in a panic with the
 * registers and a backtrace) and the event-channel upcall, which saves the
 * caller-saved registers and the SSE state around the C handler. */
	.text

.macro EXCEPTION num, has_error
	.globl x86_exc_\num
x86_exc_\num:
	.if \has_error == 0
	pushq $0
	.endif
	pushq $\num
	jmp exception_common
.endm

EXCEPTION 0, 0
EXCEPTION 1, 0
EXCEPTION 2, 0
EXCEPTION 3, 0
EXCEPTION 4, 0
EXCEPTION 5, 0
EXCEPTION 6, 0
EXCEPTION 7, 0
EXCEPTION 8, 1
EXCEPTION 9, 0
EXCEPTION 10, 1
EXCEPTION 11, 1
EXCEPTION 12, 1
EXCEPTION 13, 1
EXCEPTION 14, 1
EXCEPTION 15, 0
EXCEPTION 16, 0
EXCEPTION 17, 1
EXCEPTION 18, 0
EXCEPTION 19, 0
EXCEPTION 20, 0
EXCEPTION 21, 1

exception_common:
	push %rax
	push %rbx
	push %rcx
	push %rdx
	push %rsi
	push %rdi
	push %rbp
	push %r8
	push %r9
	push %r10
	push %r11
	push %r12
	push %r13
	push %r14
	push %r15
	mov %rsp, %rdi
	and $-16, %rsp
	call x86_exception		/* does not return */
1:	cli
	hlt
	jmp 1b

	.globl x86_upcall_entry
x86_upcall_entry:
	push %rbp
	mov %rsp, %rbp
	push %rax
	push %rcx
	push %rdx
	push %rsi
	push %rdi
	push %r8
	push %r9
	push %r10
	push %r11
	sub $512, %rsp
	and $-16, %rsp
	fxsave (%rsp)
	call x86_upcall
	fxrstor (%rsp)
	lea -72(%rbp), %rsp
	pop %r11
	pop %r10
	pop %r9
	pop %r8
	pop %rdi
	pop %rsi
	pop %rdx
	pop %rcx
	pop %rax
	pop %rbp
	iretq

	.globl x86_spurious_entry
x86_spurious_entry:
	iretq
