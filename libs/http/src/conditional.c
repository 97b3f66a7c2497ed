/* If-None-Match (RFC 9110 13.1.2): a list of entity tags compared weakly
 * (a W/ prefix on either side is ignored), or "*". */
#include <string.h>

#include "http.h"

/* The opaque part of an entity tag at p (after any W/), quotes included;
 * its length, 0 when malformed. */
static size_t opaque_tag(const char *p)
{
	size_t n = 1;

	if (p[0] != '"')
		return 0;
	while (p[n] && p[n] != '"') {
		if ((unsigned char)p[n] < 0x21 || p[n] == 0x7f)
			return 0;
		n++;
	}
	return p[n] == '"' ? n + 1 : 0;
}

bool http_etag_match(const char *inm, const char *etag)
{
	size_t elen;

	if (!inm || !etag)
		return false;
	if (etag[0] == 'W' && etag[1] == '/')
		etag += 2;
	elen = strlen(etag);
	while (*inm == ' ' || *inm == '\t')
		inm++;
	if (inm[0] == '*' && !inm[1])
		return true;
	while (*inm) {
		size_t n;

		while (*inm == ' ' || *inm == '\t' || *inm == ',')
			inm++;
		if (!*inm)
			break;
		if (inm[0] == 'W' && inm[1] == '/')
			inm += 2;
		n = opaque_tag(inm);
		if (!n)
			return false; /* malformed: not a match, the full response goes */
		if (n == elen && !memcmp(inm, etag, n))
			return true;
		inm += n;
	}
	return false;
}
