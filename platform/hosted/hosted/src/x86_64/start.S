/* The hosted image's entry point: Linux starts a static executable here
 * with argc, argv[], envp[] and the aux vector on the stack. */
	.text
	.globl _start
	.type _start, @function
_start:
	/* a zero frame pointer marks the outermost frame for backtraces */
	xor %ebp, %ebp
	/* the C entry reads argc and argv from the initial stack pointer */
	mov %rsp, %rdi
	/* the SysV ABI wants 16-byte alignment at the call */
	and $-16, %rsp
	call uk_hosted_start
	/* uk_hosted_start does not return; crash loudly if it ever does */
	ud2
	.size _start, . - _start

	.section .note.GNU-stack, "", @progbits
