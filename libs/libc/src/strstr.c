/* strstr: the first occurrence of needle; plain quadratic search, which
 * is fine for the short needles seen in unikernels (headers, tokens). */
#include <string.h>

char *strstr(const char *haystack, const char *needle)
{
	size_t n = strlen(needle);

	if (!n)
		return (char *)haystack;
	for (; (haystack = strchr(haystack, *needle)) != NULL; haystack++)
		if (!strncmp(haystack, needle, n))
			return (char *)haystack;
	return NULL;
}
