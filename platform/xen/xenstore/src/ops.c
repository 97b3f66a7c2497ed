/* The xenstore operations on top of one exchange each. */
#include "xs.h"

static struct xs_part text(const char *s)
{
	struct xs_part p = {s, xs_strlen(s) + 1};
	return p;
}

int xs_read(xs_transaction_t t, const char *path, char *buf, size_t len)
{
	struct xs_part p = text(path);

	return xs_exchange(XS_READ, t, &p, 1, buf, len);
}

int xs_write(xs_transaction_t t, const char *path, const char *value)
{
	/* The value is not NUL-terminated on the wire: its length is the rest. */
	struct xs_part p[2] = {text(path), {value, xs_strlen(value)}};
	char ok[8];
	int rc = xs_exchange(XS_WRITE, t, p, 2, ok, sizeof(ok));

	return rc < 0 ? rc : 0;
}

int xs_rm(xs_transaction_t t, const char *path)
{
	struct xs_part p = text(path);
	char ok[8];
	int rc = xs_exchange(XS_RM, t, &p, 1, ok, sizeof(ok));

	return rc < 0 ? rc : 0;
}

int xs_directory(xs_transaction_t t, const char *path, char *buf, size_t len)
{
	struct xs_part p = text(path);
	int rc = xs_exchange(XS_DIRECTORY, t, &p, 1, buf, len), i, n = 0;

	if (rc < 0)
		return rc;
	for (i = 0; i < rc; i++)
		if (!buf[i])
			n++;
	return n;
}

int xs_transaction_start(xs_transaction_t *t)
{
	struct xs_part p = {"", 1};
	char id[16];
	int rc = xs_exchange(XS_TRANSACTION_START, XBT_NULL, &p, 1, id, sizeof(id)), i;
	uint32_t v = 0;

	if (rc < 0)
		return rc;
	for (i = 0; id[i] >= '0' && id[i] <= '9'; i++)
		v = v * 10 + (uint32_t)(id[i] - '0');
	*t = v;
	return 0;
}

int xs_transaction_end(xs_transaction_t t, bool abort)
{
	struct xs_part p = text(abort ? "F" : "T");
	char ok[8];
	int rc = xs_exchange(XS_TRANSACTION_END, t, &p, 1, ok, sizeof(ok));

	return rc < 0 ? rc : 0;
}
