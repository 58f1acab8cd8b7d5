#!/usr/bin/env bash
# The engine before and after a change, side by side with its peers: RankBenchmark.latency for the
# OLD engine (a benchmark jar built from commit $OLD, default 507b5be: main before this release's
# retrieval changes) and for this checkout's engine with the BM25 and exact-scan peers, at 10,000,
# 100,000 and 1,000,000 citizens in both taxonomies. Run it on a quiet machine (about 25 minutes on
# 2 cores). Every engine trial, old and new, checks its top 20 against the exact scan in its set-up.
#
#   matcher-bench/run-compare.sh                      # OLD=507b5be
#   OLD=<commit> SIZES=100000 TAXONOMIES=esco matcher-bench/run-compare.sh
#
# Results: matcher-bench/results/compare-part-*.json (the old engine labelled peer "engine-old"),
# compare.json (merged) and compare.txt (table with ratios against the new engine).
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
: "${JOBMATCH_ESCO:=$(cd ../.. && pwd)/shared/data/esco-v1.1.1}"; export JOBMATCH_ESCO
source ./bench-common.sh
OLD="${OLD:-507b5be}"
SIZES="${SIZES:-10000,100000,1000000}"
TAXONOMIES="${TAXONOMIES:-none,esco}"
OLD_DIR="${OLD_DIR:-${TMPDIR:-/tmp}/jobmatch-bench-$OLD}"
OLD_JAR="$OLD_DIR/matcher-bench/target/benchmarks.jar"
# The JMH settings of run-final.sh; JMH_SETTINGS replaces them (e.g. a smoke test: "-f 1 -wi 0 -i 1 -r 1s").
read -r -a SETTINGS <<< "${JMH_SETTINGS:--f 1 -wi 2 -w 3s -i 4 -r 2s}"
P=compare
R="$RESULTS"
log() { echo "== $(date +%T) $*" >&2; }
if [[ ! -f "$OLD_JAR" ]]; then
  log "building the old engine ($OLD) in $OLD_DIR"
  rm -rf "$OLD_DIR" && mkdir -p "$OLD_DIR"
  git -C "$ROOT" archive "$OLD" | tar -x -C "$OLD_DIR" || exit 1
  (cd "$OLD_DIR" && ./mvnw -q -B -pl matcher-bench -am -DskipTests package) || exit 1
fi
rm -f "$R/$P"-part-*.json
uptime >&2
start=$(date +%s)
n=0
# One size at a time, old then new, so that both see the machine in the same state.
for size in ${SIZES//,/ }; do
  n=$((n + 1))
  log "old engine ($OLD), $size citizens"
  "$JAVA" -jar "$OLD_JAR" 'RankBenchmark.latency' -p size="$size" -p peer=engine -p taxonomy="$TAXONOMIES" \
    "${SETTINGS[@]}" -rf json -rff "$R/$P-old-$n.json" "$@"
  # The old engine's rows as peer "engine-old", so the table sets them beside the new engine.
  sed 's/"peer" : "engine"/"peer" : "engine-old"/' "$R/$P-old-$n.json" > "$R/$P-part-$n-old.json" && rm -f "$R/$P-old-$n.json"
  log "new engine and peers, $size citizens"
  "$JAVA" -jar "$JAR" 'RankBenchmark.latency' -p size="$size" -p peer=engine,bm25,scan -p taxonomy="$TAXONOMIES" \
    "${SETTINGS[@]}" ${NEW_JVM_ARGS:+-jvmArgsAppend "$NEW_JVM_ARGS"} -rf json -rff "$R/$P-part-$n-new.json" "$@"
done
"$JAVA" -cp "$JAR" dk.jobmatch.bench.ResultsTable --json "$R/$P.json" --txt "$R/$P.txt" "$R/$P"-part-*.json
cat "$R/$P.txt"
uptime >&2
log "done in $(( $(date +%s) - start )) s: $R/$P.json, $R/$P.txt"
