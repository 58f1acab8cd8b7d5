#!/usr/bin/env bash
# Full profile: 10,000 / 100,000 / 1,000,000 citizens with the annotations' warm-up and measurement
# (5 x 4 s warm-up, 5 x 3 s measurement, one fork per trial; FORKS=2 for more). Takes about an hour
# on 2 cores. Writes matcher-bench/results/full.json and full.txt. Extra arguments go to every JMH run.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/bench-common.sh"

P=full
SIZES="${SIZES:-10000,100000,1000000}"
F=(-f "${FORKS:-1}")
# PARTS selects what runs (default: all); parts not run keep their earlier results.
for part in $PARTS; do case $part in rank) n=1;; throughput) n=2;; suggest) n=3;; build) n=4;; visibility) n=5;; *) n="";; esac; [[ -n "$n" ]] && rm -f "$RESULTS/$P-part-$n.json"; done
start=$(date +%s)
want rank && jmh "$RESULTS/$P-part-1.json" 'RankBenchmark.latency' -p size="$SIZES" -p peer=engine,bm25,scan,reference -p taxonomy="${TAXONOMIES:-none,esco}" "${F[@]}" "$@"
want throughput && jmh "$RESULTS/$P-part-2.json" 'RankBenchmark.throughput' -p size="$SIZES" -p peer=engine,bm25,scan -p taxonomy="${TAXONOMIES:-none,esco}" "${F[@]}" "$@"
want suggest && jmh "$RESULTS/$P-part-3.json" 'SuggestBenchmark' "${F[@]}" "$@"
want build && jmh "$RESULTS/$P-part-4.json" 'IndexBuildBenchmark' -p size="$SIZES" "${F[@]}" "$@"
want visibility && jmh "$RESULTS/$P-part-5.json" 'UpdateVisibilityBenchmark' -p size="$SIZES" "${F[@]}" "$@"
want footprint && footprint "$RESULTS/$P-footprint.txt" "$SIZES"
table "$P"
echo "== full profile done in $(( $(date +%s) - start )) s: $RESULTS/$P.json, $RESULTS/$P.txt" >&2
