#!/usr/bin/env bash
# The quiet run of BENCHMARKS.md (about 13 minutes on 2 cores; run it with nothing else building):
# rank latency with every peer in both taxonomies at 10k/100k/1M, throughput, build, update
# visibility, live shortlist updates, the batch 5,000 x 1M. Results: matcher-bench/results/final-*.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
: "${JOBMATCH_ESCO:=$(cd ../.. && pwd)/shared/data/esco-v1.1.1}"; export JOBMATCH_ESCO
source ./bench-common.sh
P=final
R="$RESULTS"
rm -f "$R/$P"-part-*.json
start=$(date +%s)
log() { echo "== $(date +%T) $*" >&2; }
uptime >&2
log rank latency
jmh "$R/$P-part-1.json" 'RankBenchmark.latency' -p size=10000,100000,1000000 -p peer=engine,bm25,scan,reference -p taxonomy=none,esco -f 1 -wi 2 -w 3s -i 4 -r 2s
log throughput
jmh "$R/$P-part-2.json" 'RankBenchmark.throughput' -p size=100000 -p peer=engine,bm25 -p taxonomy=none -f 1 -wi 2 -w 3s -i 3 -r 3s
log build
jmh "$R/$P-part-4.json" 'IndexBuildBenchmark' -p size=100000 -p peer=engine,bm25 -f 1 -wi 1 -i 3
log visibility
jmh "$R/$P-part-5.json" 'UpdateVisibilityBenchmark' -p size=100000 -f 1 -wi 2 -w 2s -i 3 -r 2s
log live
"$JAVA" -jar "$JAR" 'LiveUpdateBenchmark' -f 1 -rf json -rff "$R/$P-live.json" 2>&1 | tail -25
log batch
"$JAVA" --add-modules jdk.incubator.vector -Xms4g -Xmx16g -cp "$JAR" dk.jobmatch.bench.BatchScale 1000000 5000 "$JOBMATCH_ESCO" 2>&1 | tail -40 | tee "$R/$P-batch.txt"
table "$P"
uptime >&2
log "done in $(( $(date +%s) - start )) s"
