#!/usr/bin/env bash
# The quality benchmark (QUALITY.md): labelled populations from the real ESCO graph, the engine's
# default policy against five baselines and an ablation, on the test split. About 4 minutes on 2
# cores. Writes matcher-bench/results/quality.md. The data folder defaults to ../shared/data
# (DATA=DIR to override); extra arguments go to QualityBenchmark (e.g. --split train, --no-ablation).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/bench-common.sh"
start=$(date +%s)
"$JAVA" --add-modules jdk.incubator.vector -Xmx4g -cp "$JAR" dk.jobmatch.bench.quality.QualityBenchmark \
  --data "${DATA:-$ROOT/../shared/data}" --out "$RESULTS/quality.md" "$@"
echo "== quality benchmark done in $(( $(date +%s) - start )) s: $RESULTS/quality.md" >&2
