/* The hosted platform's C files run inside a test process: console, memory,
 * time, blocking on watched fds, and (in forked children) exit, panic and
 * the entry's argument handling, checked through pipes and exit statuses. */
#define _GNU_SOURCE
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <hosted/poll.h>
#include <uk/glue.h>
#include <uk/plat.h>

_Noreturn void uk_hosted_start(uintptr_t *sp);

/* The glue a generated glue.c would supply. */
const struct uk_device uk_devices[1];
const size_t uk_device_count = 0;
const size_t uk_memory_bytes = 8u << 20;
const char *const uk_default_argv[] = {"app", "--from-manifest", NULL};
const int uk_default_argc = 2;

int uk_glue_run(int argc, char **argv)
{
	/* the status tells the parent what the entry passed: the process's own
	 * arguments, as they are (the glue substitutes the manifest's) */
	if (argc == 1 && !strcmp(argv[0], "prog") && !argv[1])
		return 40;
	if (argc == 2 && !strcmp(argv[1], "write")) {
		static char block[65536];

		/* more than a pipe holds, into a pipe nobody reads */
		plat_console_write(block, sizeof(block));
		plat_console_write(block, sizeof(block));
		return 42;
	}
	if (argc == 3 && !strcmp(argv[1], "x") && !strcmp(argv[2], "y") && !argv[3])
		return 41;
	return 1;
}

const struct uk_device *uk_device_find(const char *name)
{
	(void)name;
	return NULL;
}

/* Runs fn in a child with stdout and stderr on pipes; returns its exit
 * status and what it wrote. */
static int run_child(void (*fn)(void), char *out, size_t outlen, char *err, size_t errlen)
{
	int po[2], pe[2], status = -1;
	pid_t pid;
	ssize_t n;

	assert_int_equal(pipe(po), 0);
	assert_int_equal(pipe(pe), 0);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		dup2(po[1], 1);
		dup2(pe[1], 2);
		fn();
		_exit(99);
	}
	close(po[1]);
	close(pe[1]);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	n = read(po[0], out, outlen - 1);
	out[n > 0 ? n : 0] = '\0';
	n = read(pe[0], err, errlen - 1);
	err[n > 0 ? n : 0] = '\0';
	close(po[0]);
	close(pe[0]);
	assert_true(WIFEXITED(status));
	return WEXITSTATUS(status);
}

static void child_console(void)
{
	plat_console_write("hello ", 6);
	plat_console_write("console\n", 8);
	plat_console_write("", 0);
	plat_exit(0);
}

static void child_exit7(void)
{
	plat_exit(7);
}

static void child_panic(void)
{
	plat_console_write("out", 3);
	plat_panic("something broke");
}

/* The initial stacks: argc, argv and its NULL, no environment (NULL), an
 * empty auxiliary vector (AT_NULL). */
static void child_entry_no_args(void)
{
	uintptr_t stack[] = {1, (uintptr_t) "prog", 0, 0, 0, 0};

	uk_hosted_start(stack);
}

static void child_entry_args(void)
{
	uintptr_t stack[] = {3, (uintptr_t) "prog", (uintptr_t) "x", (uintptr_t) "y", 0, 0, 0, 0};

	uk_hosted_start(stack);
}

static void child_entry_closed_stdout(void)
{
	uintptr_t stack[] = {2, (uintptr_t) "prog", (uintptr_t) "write", 0, 0, 0, 0};
	int p[2];

	if (pipe(p))
		_exit(98);
	close(p[0]);
	dup2(p[1], 1);
	uk_hosted_start(stack);
}

static void test_console_exit_panic(void **state)
{
	char out[256], err[256];

	(void)state;
	assert_int_equal(run_child(child_console, out, sizeof(out), err, sizeof(err)), 0);
	assert_string_equal(out, "hello console\n");
	assert_string_equal(err, "");
	assert_int_equal(run_child(child_exit7, out, sizeof(out), err, sizeof(err)), 7);
	assert_int_equal(run_child(child_panic, out, sizeof(out), err, sizeof(err)), 255);
	assert_string_equal(out, "out");
	assert_string_equal(err, "panic: something broke\n");
}

static void test_entry_arguments(void **state)
{
	char out[64], err[64];

	(void)state;
	assert_int_equal(run_child(child_entry_no_args, out, sizeof(out), err, sizeof(err)), 40);
	assert_int_equal(run_child(child_entry_args, out, sizeof(out), err, sizeof(err)), 41);
	/* not killed by SIGPIPE: the output is dropped, main's status kept */
	assert_int_equal(run_child(child_entry_closed_stdout, out, sizeof(out), err, sizeof(err)),
			 42);
}

static void test_memory(void **state)
{
	struct plat_mem_region r[2], again;
	unsigned char *p;

	(void)state;
	assert_int_equal(plat_memory_regions(r, 2), 1);
	assert_int_equal(r[0].len, uk_memory_bytes);
	assert_int_equal(r[0].base % 4096, 0);
	p = (unsigned char *)r[0].base;
	/* anonymous memory reads as zero and is writable end to end */
	assert_int_equal(p[0], 0);
	assert_int_equal(p[r[0].len - 1], 0);
	p[0] = 1;
	p[r[0].len - 1] = 2;
	/* asking again returns the same mapping, not a new one */
	assert_int_equal(plat_memory_regions(&again, 1), 1);
	assert_int_equal(again.base, r[0].base);
	assert_int_equal(plat_memory_regions(NULL, 0), 1);
}

static void test_monotonic(void **state)
{
	struct timespec ts;
	uint64_t a, b, host;

	(void)state;
	a = plat_monotonic_ns();
	clock_gettime(CLOCK_MONOTONIC, &ts);
	host = (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
	b = plat_monotonic_ns();
	assert_true(a > 0);
	assert_true(a <= host && host <= b);
	{
		struct timespec d = {0, 2000000};

		nanosleep(&d, NULL);
	}
	assert_true(plat_monotonic_ns() - b >= 2000000);
}

/* How long plat_block_until(now + wait_ns) took, in ns. */
static uint64_t block_for(uint64_t wait_ns)
{
	uint64_t t0 = plat_monotonic_ns();

	plat_block_until(t0 + wait_ns);
	return plat_monotonic_ns() - t0;
}

#define MS 1000000ull

static void test_block_without_fds_sleeps_to_deadline(void **state)
{
	uint64_t t0 = plat_monotonic_ns();

	(void)state;
	assert_true(block_for(30 * MS) >= 30 * MS);
	/* a deadline in the past returns at once */
	plat_block_until(t0);
	assert_true(plat_monotonic_ns() - t0 < 1000 * MS);
}

static void test_watched_fd_wakes_once_per_edge(void **state)
{
	int p[2];
	char c = 'x';

	(void)state;
	assert_int_equal(pipe(p), 0);
	assert_int_equal(hosted_watch_fd(p[0]), 0);
	assert_int_equal(hosted_watch_fd(p[0]), 0); /* twice is fine */
	assert_int_equal(hosted_watch_fd(-1), -9);
	/* nothing to read: the deadline ends the wait */
	assert_true(block_for(30 * MS) >= 30 * MS);
	/* data wakes it long before a 5 s deadline */
	assert_int_equal(write(p[1], &c, 1), 1);
	assert_true(block_for(5000 * MS) < 2000 * MS);
	/* unread data does not wake it again: no busy loop */
	assert_true(block_for(30 * MS) >= 30 * MS);
	/* new data does, even with no deadline at all */
	assert_int_equal(write(p[1], &c, 1), 1);
	plat_block_until(UINT64_MAX);
	/* an unwatched fd wakes nothing */
	hosted_unwatch_fd(p[0]);
	hosted_unwatch_fd(p[0]);
	assert_int_equal(write(p[1], &c, 1), 1);
	assert_true(block_for(30 * MS) >= 30 * MS);
	close(p[0]);
	close(p[1]);
}

static void test_ready_before_watch_wakes(void **state)
{
	int p[2];
	char c = 'y';

	(void)state;
	assert_int_equal(pipe(p), 0);
	assert_int_equal(write(p[1], &c, 1), 1);
	assert_int_equal(hosted_watch_fd(p[0]), 0);
	assert_true(block_for(5000 * MS) < 2000 * MS);
	hosted_unwatch_fd(p[0]);
	close(p[0]);
	close(p[1]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_console_exit_panic),
	    cmocka_unit_test(test_entry_arguments),
	    cmocka_unit_test(test_memory),
	    cmocka_unit_test(test_monotonic),
	    cmocka_unit_test(test_block_without_fds_sleeps_to_deadline),
	    cmocka_unit_test(test_watched_fd_wakes_once_per_edge),
	    cmocka_unit_test(test_ready_before_watch_wakes),
	};

	return cmocka_run_group_tests_name("hosted", tests, NULL, NULL);
}
