/* Raw Linux x86_64 system calls for the hosted platform and the modules that
 * only build for it (the tap driver): there is no host libc in a hosted
 * image, so these are the kernel ABI's numbers and register convention.
 * Every call returns what the kernel does: a result, or -errno. */
#ifndef HOSTED_SYSCALL_H
#define HOSTED_SYSCALL_H

#if !defined(__x86_64__)
#error "the hosted platform's syscalls are written for x86_64"
#endif

#define SYS_read	    0
#define SYS_write	    1
#define SYS_close	    3
#define SYS_mmap	    9
#define SYS_rt_sigaction    13
#define SYS_ioctl	    16
#define SYS_socket	    41
#define SYS_clock_gettime   228
#define SYS_clock_nanosleep 230
#define SYS_exit_group	    231
#define SYS_epoll_wait	    232
#define SYS_epoll_ctl	    233
#define SYS_openat	    257
#define SYS_ppoll	    271
#define SYS_epoll_create1   291
#define SYS_getrandom	    318

#define HOSTED_EINTR	       4
#define HOSTED_EBADF	       9
#define HOSTED_EAGAIN	       11
#define HOSTED_EEXIST	       17
#define HOSTED_AT_FDCWD	       (-100)
#define HOSTED_O_RDWR	       02
#define HOSTED_O_NONBLOCK      04000
#define HOSTED_O_CLOEXEC       02000000
#define HOSTED_PROT_READ       1
#define HOSTED_PROT_WRITE      2
#define HOSTED_MAP_PRIVATE     0x02
#define HOSTED_MAP_ANONYMOUS   0x20
#define HOSTED_MAP_NORESERVE   0x4000
#define HOSTED_CLOCK_REALTIME  0
#define HOSTED_CLOCK_MONOTONIC 1
#define HOSTED_TIMER_ABSTIME   1
#define HOSTED_SIGPIPE	       13
#define HOSTED_SIG_IGN	       1

/* The kernel returns -errno in rax; rcx and r11 are clobbered by the
 * syscall instruction itself. */
static inline long sys_call1(long n, long a)
{
	long r;

	__asm__ volatile("syscall" : "=a"(r) : "a"(n), "D"(a) : "rcx", "r11", "memory");
	return r;
}

static inline long sys_call2(long n, long a, long b)
{
	long r;

	__asm__ volatile("syscall" : "=a"(r) : "a"(n), "D"(a), "S"(b) : "rcx", "r11", "memory");
	return r;
}

static inline long sys_call3(long n, long a, long b, long c)
{
	long r;

	__asm__ volatile("syscall"
			 : "=a"(r)
			 : "a"(n), "D"(a), "S"(b), "d"(c)
			 : "rcx", "r11", "memory");
	return r;
}

static inline long sys_call4(long n, long a, long b, long c, long d)
{
	register long r10 __asm__("r10") = d;
	long r;

	__asm__ volatile("syscall"
			 : "=a"(r)
			 : "a"(n), "D"(a), "S"(b), "d"(c), "r"(r10)
			 : "rcx", "r11", "memory");
	return r;
}

static inline long sys_call6(long n, long a, long b, long c, long d, long e, long f)
{
	register long r10 __asm__("r10") = d;
	register long r8 __asm__("r8") = e;
	register long r9 __asm__("r9") = f;
	long r;

	__asm__ volatile("syscall"
			 : "=a"(r)
			 : "a"(n), "D"(a), "S"(b), "d"(c), "r"(r10), "r"(r8), "r"(r9)
			 : "rcx", "r11", "memory");
	return r;
}

/* Writes all of buf to fd, retrying short writes and interruptions; gives
 * up silently on any other error (a closed stdout must not kill us). */
static inline void sys_write_all(int fd, const char *buf, unsigned long len)
{
	while (len) {
		long n = sys_call3(SYS_write, fd, (long)buf, (long)len);

		if (n == -HOSTED_EINTR)
			continue;
		if (n <= 0)
			return;
		buf += n;
		len -= (unsigned long)n;
	}
}

_Noreturn static inline void sys_exit_group(int status)
{
	for (;;)
		sys_call1(SYS_exit_group, status);
}

#endif
