/* Writing the per-boot copy of a Xen image's xl config with a fresh seed. */
#include "xlseed.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <unistd.h>

#include "diag.h"
#include "fsutil.h"
#include "strbuf.h"

char *xlseed_config(struct uk_ctx *ctx, const char *xl, const char *hex)
{
	struct strbuf sb;
	const char *line = xl, *end, *quote;

	strbuf_init(&sb, ctx);
	/* generate_xl writes `cmdline = "..."` on one line, its value escaped:
	 * the last quote of that line closes it */
	while (*line) {
		end = strchr(line, '\n');
		end = end ? end + 1 : line + strlen(line);
		if (!strncmp(line, "cmdline = \"", 11) &&
		    (quote = memrchr(line, '"', (size_t)(end - line))) && quote > line + 10) {
			strbuf_addn(&sb, xl, (size_t)(quote - xl));
			strbuf_addf(&sb, " uk.seed=%s%s", hex, quote);
			return sb.s;
		}
		line = end;
	}
	strbuf_adds(&sb, xl);
	if (sb.len && sb.s[sb.len - 1] != '\n')
		strbuf_addc(&sb, '\n');
	strbuf_addf(&sb, "cmdline = \"uk.seed=%s\"\n", hex);
	return sb.s;
}

bool xlseed_fresh_hex(char hex[2 * XLSEED_BYTES + 1])
{
	unsigned char b[XLSEED_BYTES];
	size_t got = 0;
	int i;

	while (got < sizeof(b)) {
		ssize_t r = getrandom(b + got, sizeof(b) - got, 0);

		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			return false;
		got += (size_t)r;
	}
	for (i = 0; i < XLSEED_BYTES; i++)
		snprintf(hex + 2 * i, 3, "%02x", b[i]);
	explicit_bzero(b, sizeof(b));
	return true;
}

const char *xlseed_write(struct uk_ctx *ctx, const char *xl_path)
{
	char hex[2 * XLSEED_BYTES + 1];
	char *path = ctx_printf(ctx, "%s.boot-XXXXXX", xl_path);
	const char *xl = fs_read(ctx, xl_path, NULL);
	char *text;
	size_t len, off = 0;
	int fd;

	if (!xl) {
		diag_error(ctx, srcpos_none, "cannot read %s", xl_path);
		return NULL;
	}
	if (!xlseed_fresh_hex(hex)) {
		diag_error(ctx, srcpos_none, "getrandom failed: no seed for the guest");
		return NULL;
	}
	text = xlseed_config(ctx, xl, hex);
	explicit_bzero(hex, sizeof(hex));
	/* mkstemp: a new file, mode 0600 */
	if ((fd = mkstemp(path)) < 0) {
		diag_error(ctx, srcpos_none, "cannot create %s: %s", path, strerror(errno));
		return NULL;
	}
	len = strlen(text);
	while (off < len) {
		ssize_t w = write(fd, text + off, len - off);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			diag_error(ctx, srcpos_none, "cannot write %s: %s", path, strerror(errno));
			close(fd);
			xlseed_remove(path);
			return NULL;
		}
		off += (size_t)w;
	}
	explicit_bzero(text, len);
	close(fd);
	return path;
}

void xlseed_remove(const char *path)
{
	char zeros[256] = {0};
	off_t size;
	int fd = open(path, O_WRONLY);

	if (fd >= 0) {
		size = lseek(fd, 0, SEEK_END);
		lseek(fd, 0, SEEK_SET);
		while (size > 0 && write(fd, zeros, size < 256 ? (size_t)size : 256) > 0)
			size -= 256;
		close(fd);
	}
	unlink(path);
}
