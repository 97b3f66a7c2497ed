/* Closest-word suggestions for unknown keys, capabilities, options. */
#include "suggest.h"

#include <stdlib.h>
#include <string.h>

size_t suggest_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), i, j;
	size_t *prev2 = calloc(lb + 1, sizeof(size_t));
	size_t *prev = calloc(lb + 1, sizeof(size_t));
	size_t *cur = calloc(lb + 1, sizeof(size_t));
	size_t d;

	for (j = 0; j <= lb; j++)
		prev[j] = j;
	for (i = 1; i <= la; i++) {
		size_t *t;

		cur[0] = i;
		for (j = 1; j <= lb; j++) {
			size_t cost = a[i - 1] != b[j - 1];
			size_t best = prev[j - 1] + cost;

			if (prev[j] + 1 < best)
				best = prev[j] + 1;
			if (cur[j - 1] + 1 < best)
				best = cur[j - 1] + 1;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
			    prev2[j - 2] + 1 < best)
				best = prev2[j - 2] + 1;
			cur[j] = best;
		}
		t = prev2;
		prev2 = prev;
		prev = cur;
		cur = t;
	}
	d = prev[lb];
	free(prev2);
	free(prev);
	free(cur);
	return d;
}

const char *suggest_closest(const char *word, const char *const *candidates, size_t n)
{
	size_t limit = strlen(word) / 3, best_d = (size_t)-1, i;
	const char *best = NULL;

	if (limit < 1)
		limit = 1;
	for (i = 0; i < n; i++) {
		size_t d = suggest_distance(word, candidates[i]);

		if (d < best_d) {
			best_d = d;
			best = candidates[i];
		}
	}
	return best_d <= limit ? best : NULL;
}
