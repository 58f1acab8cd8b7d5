#!/usr/bin/env bash
# The tuning experiment of QUALITY.md: histories proposed by the default policy on the quality
# benchmark's labelled populations (real ESCO graph), the old and the new tuner fitted on them,
# all three policies judged on the test orders against the graded truth. Writes
# matcher-bench/results/tuning.md. The data folder defaults to ../shared/data (DATA=DIR to
# override); extra arguments go to TuningExperiment (e.g. --datasets 1:standard --citizens 5000).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/bench-common.sh"
start=$(date +%s)
"$JAVA" --add-modules jdk.incubator.vector -Xmx4g -cp "$JAR" dk.jobmatch.bench.quality.TuningExperiment \
  --data "${DATA:-$ROOT/../shared/data}" --out "$RESULTS/tuning.md" "$@"
echo "== tuning experiment done in $(( $(date +%s) - start )) s: $RESULTS/tuning.md" >&2
