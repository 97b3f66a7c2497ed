/* Sorted, merged sets of sequence ranges: the receiver's out-of-order data
 * and the sender's SACK scoreboard. */
#include <string.h>

#include "tcp.h"

bool tcp_ranges_add(struct tcp_range *r, unsigned *n, unsigned max, uint32_t start, uint32_t end)
{
	unsigned i = 0, j;

	while (i < *n && SEQ_LT(r[i].end, start))
		i++;
	/* i: the first range that ends at or after start; merge what overlaps */
	j = i;
	while (j < *n && SEQ_LEQ(r[j].start, end)) {
		if (SEQ_LT(r[j].start, start))
			start = r[j].start;
		if (SEQ_GT(r[j].end, end))
			end = r[j].end;
		j++;
	}
	if (j == i) {
		if (*n == max)
			return false;
		memmove(r + i + 1, r + i, (*n - i) * sizeof(r[0]));
		(*n)++;
	} else if (j > i + 1) {
		memmove(r + i + 1, r + j, (*n - j) * sizeof(r[0]));
		*n -= j - i - 1;
	}
	r[i].start = start;
	r[i].end = end;
	return true;
}

void tcp_ranges_remove(struct tcp_range *r, unsigned *n, unsigned i)
{
	memmove(r + i, r + i + 1, (*n - i - 1) * sizeof(r[0]));
	(*n)--;
}
