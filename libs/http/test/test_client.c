/* The client over the whole stack with tcp: the test plays the server at
 * 10.0.0.1:80 segment by segment. Requests on one kept-alive connection,
 * HEAD, a new connection after the server closed an idle one, a request
 * sent again when the server closes a kept-alive connection as it comes,
 * Connection: close, a body delimited by the close, the timeout, refused
 * connections, malformed and stray bytes, close from a callback, and the
 * counters. */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <http/client.h>

#include "harness.h"
#include "tcp_seg.h"

/* ---- the server, played ---- */

struct srv {
	uint16_t cport; /* the client's port on the latest connection */
	uint32_t seq, ack;
	bool open, fin, rst, refuse;
	unsigned accepts;
	char got[8192]; /* the requests, all connections */
	size_t ngot;
};
static struct srv sv;

static void srv_seg(uint8_t flags, const void *data, size_t len)
{
	static uint8_t s[1600];
	static const uint8_t mss[4] = {2, 4, 0x05, 0xb4};
	bool syn = flags & T_SYN;

	h_send_ip(H_PEER_IP, H_OUR_IP, IPV4_PROTO_TCP, 1, 0, s,
		  t_seg(s, H_PEER_IP, H_OUR_IP, 80, sv.cport, sv.seq, sv.ack, flags, 65535,
			syn ? mss : NULL, syn ? 4 : 0, data, len));
}

/* Answers what the client sent; true if anything came. */
static bool srv_read(void)
{
	bool news = false;
	size_t i, len;

	for (i = 0; i < h_tx_count(); i++) {
		const uint8_t *f = h_tx_frame(i, &len);
		struct t_view v;

		if (!t_parse(f, len, &v) || v.dport != 80)
			continue;
		if ((v.flags & T_SYN) && !(v.flags & T_ACK)) {
			sv.cport = v.sport;
			sv.ack = v.seq + 1;
			if (sv.refuse) {
				srv_seg(T_RST | T_ACK, NULL, 0);
				continue;
			}
			sv.seq = 7000;
			srv_seg(T_SYN | T_ACK, NULL, 0);
			sv.seq++;
			sv.open = true;
			sv.fin = sv.rst = false;
			sv.accepts++;
			news = true;
			continue;
		}
		if (v.sport != sv.cport)
			continue; /* an old connection */
		if (v.flags & T_RST) {
			sv.open = false;
			sv.rst = true;
			news = true;
			continue;
		}
		if (v.len && v.seq == sv.ack && sv.ngot + v.len < sizeof(sv.got)) {
			memcpy(sv.got + sv.ngot, v.data, v.len);
			sv.ngot += v.len;
			sv.got[sv.ngot] = 0;
			sv.ack += (uint32_t)v.len;
			news = true;
		}
		if ((v.flags & T_FIN) && v.seq + v.len == sv.ack && !sv.fin) {
			sv.fin = true;
			sv.ack++;
			news = true;
		}
	}
	h_tx_clear();
	return news;
}

/* Runs the loop and answers until nothing more comes. */
static void srv_run(void)
{
	unsigned rounds = 0;

	while (rounds++ < 10000) {
		sched_run_for(SCHED_NS_PER_MS);
		if (!srv_read())
			break;
		if (sv.open)
			srv_seg(T_ACK, NULL, 0);
	}
}

static void srv_send(const char *s)
{
	size_t len = strlen(s);

	while (len) {
		size_t k = len < 1000 ? len : 1000;

		srv_seg(T_ACK | T_PSH, s, k);
		sv.seq += (uint32_t)k;
		s += k;
		len -= k;
	}
	srv_run();
}

static void srv_close(void)
{
	srv_seg(T_ACK | T_FIN, NULL, 0);
	sv.seq++;
	srv_run();
}

/* ---- the app ---- */

struct result {
	int heads, status, done, error;
	char body[8192];
	size_t body_len;
	bool close_in_body;
	struct http_client *c;
};
static struct result res;
static struct http_client *cl;
static struct http_client_stats before;

static void on_head(struct http_client *c, const struct http_response *r, void *arg)
{
	struct result *o = arg;

	(void)c;
	o->heads++;
	o->status = r->status;
}

static void on_body(struct http_client *c, const void *d, size_t n, void *arg)
{
	struct result *o = arg;

	assert_true(o->body_len + n < sizeof(o->body));
	memcpy(o->body + o->body_len, d, n);
	o->body_len += n;
	if (o->close_in_body) {
		http_client_close(c);
		cl = NULL;
	}
}

static void on_done(struct http_client *c, int error, void *arg)
{
	struct result *o = arg;

	(void)c;
	o->done++;
	o->error = error;
}

static const struct http_client_cbs cbs = {on_head, on_body, on_done};

static void request(const char *method, const char *path)
{
	memset(&res, 0, sizeof(res));
	assert_int_equal(http_client_request(cl, method, path, &cbs, &res), 0);
	srv_run();
}

static uint64_t delta(size_t off)
{
	struct http_client_stats now;

	http_client_stats(&now);
	return *(uint64_t *)((char *)&now + off) - *(uint64_t *)((char *)&before + off);
}
#define D(f) delta(offsetof(struct http_client_stats, f))

static int setup(void **state)
{
	static bool ready;

	(void)state;
	if (!ready) {
		h_init();
		assert_int_equal(tcp_init(), 0);
		ready = true;
	}
	h_settle();
	h_learn(H_PEER_IP, h_peer_mac);
	memset(&sv, 0, sizeof(sv));
	assert_int_equal(http_client_open(&cl, H_PEER_IP, 80, "example.test"), 0);
	http_client_stats(&before);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	http_client_close(cl);
	cl = NULL;
	srv_run();
	if (sv.open && !sv.rst)
		srv_close();
	h_settle();
	assert_int_equal(tcp_conn_count(), 0);
	return 0;
}

static void test_api(void **state)
{
	struct http_client *c;

	(void)state;
	assert_true(uk_counter_table_complete(&http_client_counter_table));
	assert_int_equal(http_client_open(&c, H_PEER_IP, 0, NULL), -EINVAL);
	assert_int_equal(http_client_open(&c, H_PEER_IP, 80, "a b"), -EINVAL);
	assert_int_equal(http_client_open(&c, H_PEER_IP, 80, ""), -EINVAL);
	assert_int_equal(http_client_request(cl, "POST", "/", &cbs, &res), -EINVAL);
	assert_int_equal(http_client_request(cl, "GET", "x", &cbs, &res), -EINVAL);
	assert_int_equal(http_client_request(cl, "GET", "/a b", &cbs, &res), -EINVAL);
	assert_int_equal(http_client_request(cl, "GET", "/\r\nX: y", &cbs, &res), -EINVAL);
	{
		static char p[CONFIG_HTTP_CLIENT_MAX_REQUEST + 1];

		memset(p, 'a', sizeof(p) - 1);
		p[0] = '/';
		assert_int_equal(http_client_request(cl, "GET", p, &cbs, &res), -EMSGSIZE);
	}
	assert_int_equal(http_client_request(cl, "GET", "/", &cbs, &res), 0);
	assert_int_equal(http_client_request(cl, "GET", "/", &cbs, &res), -EBUSY);
	/* the default Host: the address, and the port unless 80 */
	assert_int_equal(http_client_open(&c, H_PEER_IP, 8080, NULL), 0);
	memset(&res, 0, sizeof(res));
	sv.refuse = true;
	assert_int_equal(http_client_request(c, "GET", "/", &cbs, &res), 0);
	srv_run();
	http_client_close(c);
}

static void test_keep_alive(void **state)
{
	(void)state;
	request("GET", "/one");
	assert_string_equal(sv.got, "GET /one HTTP/1.1\r\nHost: example.test\r\nUser-Agent: uk\r\n"
				    "Accept-Encoding: identity\r\n\r\n");
	srv_send("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nfirst");
	assert_int_equal(res.done, 1);
	assert_int_equal(res.error, 0);
	assert_int_equal(res.status, 200);
	assert_int_equal(res.body_len, 5);
	assert_memory_equal(res.body, "first", 5);

	sv.ngot = 0;
	request("HEAD", "/two");
	assert_string_equal(sv.got, "HEAD /two HTTP/1.1\r\nHost: example.test\r\nUser-Agent: uk\r\n"
				    "Accept-Encoding: identity\r\n\r\n");
	srv_send("HTTP/1.1 200 OK\r\nContent-Length: 500\r\n\r\n");
	assert_int_equal(res.done, 1);
	assert_int_equal(res.error, 0);
	assert_int_equal(res.body_len, 0);

	request("GET", "/three");
	srv_send(
	    "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 404 Not Found\r\n"
	    "Transfer-Encoding: chunked\r\n\r\n3;x=y\r\nnot\r\n6\r\n found\r\n0\r\nT: 1\r\n\r\n");
	assert_int_equal(res.done, 1);
	assert_int_equal(res.error, 0);
	assert_int_equal(res.status, 404);
	assert_int_equal(res.body_len, 9);
	assert_memory_equal(res.body, "not found", 9);

	assert_int_equal(sv.accepts, 1);
	assert_int_equal(http_client_connections(cl), 1);
	assert_int_equal(D(connects), 1);
	assert_int_equal(D(requests), 3);
	assert_int_equal(D(reused), 2);
	assert_int_equal(D(interim), 1);
	assert_int_equal(D(responses[HTTP_CLASS_2XX]), 2);
	assert_int_equal(D(responses[HTTP_CLASS_4XX]), 1);
	assert_int_equal(D(body_bytes), 14);
}

static void test_reconnect_idle(void **state)
{
	(void)state;
	request("GET", "/a");
	srv_send("HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\na");
	assert_int_equal(res.done, 1);
	/* the server times the idle connection out */
	srv_close();
	assert_true(sv.fin); /* the client closed its side too */
	request("GET", "/b");
	srv_send("HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\nb");
	assert_int_equal(res.done, 1);
	assert_int_equal(res.error, 0);
	assert_memory_equal(res.body, "b", 1);
	assert_int_equal(sv.accepts, 2);
	assert_int_equal(http_client_connections(cl), 2);
	assert_int_equal(D(retries), 0);
}

static void test_retry(void **state)
{
	(void)state;
	request("GET", "/a");
	srv_send("HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\na");
	/* the next request meets the server's close, no byte of response */
	sv.ngot = 0;
	request("GET", "/b");
	assert_string_equal(sv.got + strlen(sv.got) - 4, "\r\n\r\n");
	srv_close();
	assert_int_equal(res.done, 0);
	assert_int_equal(sv.accepts, 2); /* sent again on a new connection */
	assert_non_null(strstr(sv.got, "GET /b"));
	assert_ptr_not_equal(strstr(sv.got, "GET /b"), strstr(sv.got + 1, "GET /b") - 0);
	srv_send("HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\nb");
	assert_int_equal(res.done, 1);
	assert_int_equal(res.error, 0);
	assert_int_equal(D(retries), 1);
	/* on a first request of a connection, the close is the answer */
	request("GET", "/c");
	srv_send("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 1\r\n\r\nc");
	assert_int_equal(res.error, 0);
	assert_true(sv.fin); /* the client closed after Connection: close */
	srv_close();
	request("GET", "/d");
	assert_int_equal(sv.accepts, 3);
	srv_close();
	assert_int_equal(res.done, 1);
	assert_int_equal(res.error, -ECONNRESET);
	assert_int_equal(D(retries), 1);
}

static void test_until_close(void **state)
{
	(void)state;
	request("GET", "/old");
	srv_send("HTTP/1.0 200 OK\r\n\r\nsome");
	srv_send(" more");
	assert_int_equal(res.done, 0);
	srv_close();
	assert_int_equal(res.done, 1);
	assert_int_equal(res.error, 0);
	assert_int_equal(res.body_len, 9);
	assert_memory_equal(res.body, "some more", 9);
	/* a length cut short */
	request("GET", "/short");
	srv_send("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc");
	srv_close();
	assert_int_equal(res.error, -EPROTO);
	assert_int_equal(D(truncated), 1);
}

static void test_timeout(void **state)
{
	(void)state;
	request("GET", "/slow");
	srv_send("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nab");
	sched_run_for((CONFIG_HTTP_CLIENT_TIMEOUT_S - 1) * SCHED_NS_PER_S);
	assert_int_equal(res.done, 0);
	srv_send("cd"); /* a byte restarts the clock */
	sched_run_for((CONFIG_HTTP_CLIENT_TIMEOUT_S - 1) * SCHED_NS_PER_S);
	assert_int_equal(res.done, 0);
	sched_run_for(2 * SCHED_NS_PER_S);
	assert_int_equal(res.done, 1);
	assert_int_equal(res.error, -ETIMEDOUT);
	srv_run();
	assert_true(sv.rst);
	assert_int_equal(D(timeouts), 1);
	/* the next request goes on a new connection */
	request("GET", "/x");
	srv_send("HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\nx");
	assert_int_equal(res.error, 0);
	assert_int_equal(sv.accepts, 2);
}

static void test_refused(void **state)
{
	(void)state;
	sv.refuse = true;
	request("GET", "/");
	assert_int_equal(res.done, 1);
	assert_int_equal(res.error, -ECONNREFUSED);
	assert_int_equal(D(conn_errors), 1);
}

static void test_malformed(void **state)
{
	(void)state;
	request("GET", "/bad");
	srv_send("HTTP/1.1 200 OK\r\nBad Header: x\r\n\r\n");
	assert_int_equal(res.done, 1);
	assert_int_equal(res.error, -EPROTO);
	assert_int_equal(res.heads, 0);
	assert_true(sv.rst);
	assert_int_equal(D(malformed), 1);
	/* a chunk size that is not one */
	request("GET", "/bad2");
	srv_send("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\nxyz\r\n");
	assert_int_equal(res.error, -EPROTO);
	assert_int_equal(res.heads, 1);
	assert_int_equal(res.body_len, 5);
	assert_int_equal(D(malformed), 2);
	/* more than the response, and bytes with no request */
	request("GET", "/extra");
	srv_send("HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\nxHTTP/1.1 200 OK\r\n");
	assert_int_equal(res.error, 0);
	assert_true(sv.rst);
	request("GET", "/idle");
	srv_send("HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\ny");
	srv_send("junk");
	assert_true(sv.rst);
	assert_int_equal(D(stray), 2);
	assert_int_equal(sv.accepts, 4);
}

static void test_close_in_callback(void **state)
{
	(void)state;
	request("GET", "/big");
	res.close_in_body = true;
	srv_send("HTTP/1.1 200 OK\r\nContent-Length: 3000\r\n\r\nabc");
	assert_null(cl);
	assert_int_equal(res.done, 0); /* no callback after close */
	assert_int_equal(res.body_len, 3);
	srv_run();
	assert_true(sv.rst);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_api, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_keep_alive, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_reconnect_idle, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_retry, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_until_close, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_timeout, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_refused, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_malformed, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_close_in_callback, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
