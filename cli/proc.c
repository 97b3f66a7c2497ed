/* Child processes: the compiler, ninja, kconfig, the rig. */
#include "proc.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "diag.h"

static pid_t spawn(struct uk_ctx *ctx, const char *const *argv, const char *cwd,
		   const char *const *env, int out_fd)
{
	pid_t pid;

	fflush(NULL);
	pid = fork();
	if (pid < 0) {
		diag_error(ctx, srcpos_none, "cannot start %s: %s", argv[0], strerror(errno));
		return -1;
	}
	if (pid == 0) {
		const char *const *e;

		for (e = env; e && *e; e++)
			putenv((char *)*e);
		if (cwd && chdir(cwd) != 0) {
			fprintf(stderr, "uk: error: cannot enter %s: %s\n", cwd, strerror(errno));
			_exit(127);
		}
		if (out_fd >= 0) {
			dup2(out_fd, 1);
			close(out_fd);
		}
		execvp(argv[0], (char *const *)argv);
		fprintf(stderr, "uk: error: cannot run %s: %s\n", argv[0], strerror(errno));
		_exit(127);
	}
	return pid;
}

static int wait_status(pid_t pid)
{
	int status;

	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return -1;
	if (WIFEXITED(status))
		return WEXITSTATUS(status);
	return 128 + WTERMSIG(status);
}

int proc_run(struct uk_ctx *ctx, const char *const *argv, const char *cwd, const char *const *env)
{
	pid_t pid = spawn(ctx, argv, cwd, env, -1);

	return pid < 0 ? -1 : wait_status(pid);
}

int proc_run_capture(struct uk_ctx *ctx, const char *const *argv, const char *cwd, char **out,
		     size_t *len)
{
	int fds[2];
	pid_t pid;
	char *buf = NULL;
	size_t cap = 0, n = 0;
	ssize_t got;

	if (pipe(fds) != 0)
		return -1;
	pid = spawn(ctx, argv, cwd, NULL, fds[1]);
	close(fds[1]);
	if (pid < 0) {
		close(fds[0]);
		return -1;
	}
	for (;;) {
		if (cap - n < 4096) {
			buf = ctx_realloc_array(ctx, buf, cap, cap ? cap * 2 : 8192, 1);
			cap = cap ? cap * 2 : 8192;
		}
		got = read(fds[0], buf + n, cap - n - 1);
		if (got < 0 && errno == EINTR)
			continue;
		if (got <= 0)
			break;
		n += (size_t)got;
	}
	close(fds[0]);
	buf[n] = 0;
	*out = buf;
	if (len)
		*len = n;
	return wait_status(pid);
}
