/* The Date header's IMF-fixdate (RFC 9110 5.6.7) from Unix seconds, with
 * the proleptic Gregorian calendar in days since 1970-01-01. */
#include <string.h>

#include "http.h"

static void put2(char *p, unsigned v)
{
	p[0] = (char)('0' + v / 10 % 10);
	p[1] = (char)('0' + v % 10);
}

void http_date(uint64_t unix_s, char out[30])
{
	static const char days[] = "ThuFriSatSunMonTueWed"; /* 1970-01-01 was a Thursday */
	static const char months[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
	uint64_t d = unix_s / 86400, s = unix_s % 86400;
	/* civil from days: eras of 400 years counted from 0000-03-01 */
	uint64_t z = d + 719468, era = z / 146097, doe = z - era * 146097;
	uint64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	uint64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100), mp = (5 * doy + 2) / 153;
	unsigned day = (unsigned)(doy - (153 * mp + 2) / 5 + 1);
	unsigned month = (unsigned)(mp < 10 ? mp + 3 : mp - 9);
	uint64_t year = yoe + era * 400 + (month <= 2);
	unsigned i;

	if (year > 9999)
		year = 9999; /* four digits: the format has no room for more */
	for (i = 0; i < 3; i++) {
		out[i] = days[d % 7 * 3 + i];
		out[8 + i] = months[(month - 1) * 3 + i];
	}
	out[3] = ',';
	out[4] = ' ';
	put2(out + 5, day);
	out[7] = ' ';
	out[11] = ' ';
	put2(out + 12, (unsigned)(year / 100));
	put2(out + 14, (unsigned)(year % 100));
	out[16] = ' ';
	put2(out + 17, (unsigned)(s / 3600));
	out[19] = ':';
	put2(out + 20, (unsigned)(s / 60 % 60));
	out[22] = ':';
	put2(out + 23, (unsigned)(s % 60));
	memcpy(out + 25, " GMT", 5);
}
