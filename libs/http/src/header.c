/* The request's header fields for handlers. */
#include "http.h"

const char *http_header(const struct http_request *r, const char *name)
{
	if (!r || !r->conn || !name)
		return NULL;
	return http_head_field(&r->conn->head, name);
}
