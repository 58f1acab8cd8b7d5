#!/usr/bin/env bash
# Quick profile: 10,000 and 100,000 citizens, short iterations, one fork; well under 10 minutes on
# 2 cores. Writes matcher-bench/results/quick.json (JMH -rf json, merged) and quick.txt (a table).
# Extra arguments are passed to every JMH run (e.g. -prof gc).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/bench-common.sh"

P=quick
SIZES="${SIZES:-10000,100000}"
BIG="${SIZES##*,}"
# The engine path needs ~10-20 s of JIT warm-up on a busy 2-core machine; less inflates its numbers.
SHORT=(-f 1 -wi 4 -w 3s -i 3 -r 2s)
# PARTS selects what runs (default: all); parts not run keep their earlier results.
for part in $PARTS; do case $part in rank) n=1;; throughput) n=2;; suggest) n=3;; build) n=4;; visibility) n=5;; *) n="";; esac; [[ -n "$n" ]] && rm -f "$RESULTS/$P-part-$n.json"; done
start=$(date +%s)
want rank && jmh "$RESULTS/$P-part-1.json" 'RankBenchmark.latency' -p size="$SIZES" -p peer=engine,bm25,scan,reference -p taxonomy="${TAXONOMIES:-none,esco}" "${SHORT[@]}" "$@"
want throughput && jmh "$RESULTS/$P-part-2.json" 'RankBenchmark.throughput' -p size="$BIG" -p peer=engine,bm25 "${SHORT[@]}" "$@"
want suggest && jmh "$RESULTS/$P-part-3.json" 'SuggestBenchmark' "${SHORT[@]}" "$@"
want build && jmh "$RESULTS/$P-part-4.json" 'IndexBuildBenchmark' -p size="$SIZES" -f 1 -wi 1 -i 1 "$@"
want visibility && jmh "$RESULTS/$P-part-5.json" 'UpdateVisibilityBenchmark' -p size="$BIG" "${SHORT[@]}" "$@"
want footprint && footprint "$RESULTS/$P-footprint.txt" "$SIZES"
table "$P"
echo "== quick profile done in $(( $(date +%s) - start )) s: $RESULTS/$P.json, $RESULTS/$P.txt" >&2
