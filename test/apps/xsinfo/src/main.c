/* Reads the domain's own name and id from xenstore, then exercises the
 * client: write and read back, directory, remove, a transaction, a watch. */
#include <stdio.h>
#include <string.h>
#include <time/time.h>
#include <xenstore/xenstore.h>

static int check(const char *what, int rc)
{
	if (rc < 0)
		printf("xenstore: %s failed: %d\n", what, rc);
	return rc < 0;
}

int main(void)
{
	char buf[256], path[128];
	xs_transaction_t t;
	int rc, bad = 0, n, attempts = 0;

	bad |= check("read name", xs_read(XBT_NULL, "name", buf, sizeof(buf)));
	printf("xenstore name=%s domid=%d\n", buf, xs_domid());

	bad |= check("write", xs_write(XBT_NULL, "data/uk-test", "hello"));
	bad |= check("read back", xs_read(XBT_NULL, "data/uk-test", buf, sizeof(buf)));
	bad |= strcmp(buf, "hello") != 0;
	n = xs_directory(XBT_NULL, "data", buf, sizeof(buf));
	bad |= check("directory", n);
	printf("data/ has %d entries, first %s\n", n, buf);

	/* A transaction; retried when another writer got in the way. */
	do {
		bad |= check("transaction start", xs_transaction_start(&t));
		bad |= check("write in transaction", xs_write(t, "data/uk-tx", "committed"));
		rc = xs_transaction_end(t, false);
	} while (rc == -XEN_EAGAIN && ++attempts < 5);
	bad |= check("transaction end", rc);
	bad |= check("read committed", xs_read(XBT_NULL, "data/uk-tx", buf, sizeof(buf)));
	bad |= strcmp(buf, "committed") != 0;

	bad |= check("rm", xs_rm(XBT_NULL, "data/uk-test"));
	bad |= xs_read(XBT_NULL, "data/uk-test", buf, sizeof(buf)) != -XEN_ENOENT;

	/* A new watch fires once at once; a write fires it again. */
	bad |= check("watch", xs_watch("data/uk-watch", "tok"));
	bad |= check("first event",
		     xs_wait_watch("tok", time_monotonic_ns() + TIME_NS_PER_S, path, sizeof(path)));
	bad |= check("write watched", xs_write(XBT_NULL, "data/uk-watch", "1"));
	bad |= check("second event",
		     xs_wait_watch("tok", time_monotonic_ns() + TIME_NS_PER_S, path, sizeof(path)));
	printf("watch fired for %s\n", path);
	bad |= check("unwatch", xs_unwatch("data/uk-watch", "tok"));

	printf(bad ? "xenstore client: FAILED\n" : "xenstore client: ok\n");
	return bad;
}
