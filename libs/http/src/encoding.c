/* Accept-Encoding (RFC 9110 12.5.3): whether the client takes gzip, by
 * the q-values it gives gzip (or x-gzip) and "*". */
#include <string.h>
#include <strings.h>

#include "http.h"

/* A qvalue ("0", "0.5", "1.000") in thousandths; -1 when malformed. */
static int qvalue(const char *p, size_t n)
{
	int v, scale = 100;
	size_t i;

	if (!n || (p[0] != '0' && p[0] != '1'))
		return -1;
	v = (p[0] - '0') * 1000;
	if (n == 1)
		return v;
	if (p[1] != '.' || n > 5)
		return -1;
	for (i = 2; i < n; i++, scale /= 10) {
		if (p[i] < '0' || p[i] > '9')
			return -1;
		v += (p[i] - '0') * scale;
	}
	return v > 1000 ? -1 : v;
}

/* The q of one element "coding *( OWS ";" OWS param )": 1000 without
 * one, -1 when a parameter is malformed. */
static int element_q(const char *p, const char *end)
{
	int q = 1000;

	while (p < end) {
		const char *s, *e;

		if (*p++ != ';')
			continue;
		for (s = p; s < end && (*s == ' ' || *s == '\t'); s++)
			;
		for (e = s; e < end && *e != ';'; e++)
			;
		p = e;
		while (e > s && (e[-1] == ' ' || e[-1] == '\t'))
			e--;
		if (e - s >= 2 && (s[0] == 'q' || s[0] == 'Q') && s[1] == '=')
			q = qvalue(s + 2, (size_t)(e - s - 2));
		if (q < 0)
			return -1;
	}
	return q;
}

bool http_accepts_gzip(const char *ae)
{
	int gzip = -1, star = -1;

	if (!ae)
		return false;
	while (*ae) {
		const char *s = ae, *e, *name_end;
		int q;

		e = strchr(s, ',');
		if (!e)
			e = s + strlen(s);
		ae = *e ? e + 1 : e;
		while (s < e && (*s == ' ' || *s == '\t'))
			s++;
		for (name_end = s; name_end < e && http_is_tchar((unsigned char)*name_end);
		     name_end++)
			;
		if (name_end == s || (q = element_q(name_end, e)) < 0)
			continue;
		if ((name_end - s == 4 && !strncasecmp(s, "gzip", 4)) ||
		    (name_end - s == 6 && !strncasecmp(s, "x-gzip", 6)))
			gzip = q > gzip ? q : gzip;
		else if (name_end - s == 1 && *s == '*')
			star = q;
	}
	return gzip >= 0 ? gzip > 0 : star > 0;
}
