#!/usr/bin/env bash
# Runs one libFuzzer target for a bounded time, starting from its committed
# seed corpus: run-fuzz.sh BINARY CORPUS SCRATCH SECONDS. New inputs and any
# crash artifact go to SCRATCH (in the build tree), never into the corpus.
# The fuzzer's status is the test's; its final stats (executions) are shown.
set -euo pipefail
bin=$1 corpus=$2 scratch=$3 seconds=$4
rm -rf "$scratch"
mkdir -p "$scratch"
[ -d "$corpus" ] && [ -n "$(ls -A "$corpus")" ] || { echo "FAIL: empty corpus $corpus" >&2; exit 1; }
"$bin" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
	-artifact_prefix="$scratch/" "$scratch" "$corpus" >"$scratch.log" 2>&1 || {
	tail -n 60 "$scratch.log" >&2
	exit 1
}
grep -E "^#[0-9]+.*(DONE|pulse)|stat::number_of_executed_units|stat::peak_rss|cov:" "$scratch.log" | tail -n 4
