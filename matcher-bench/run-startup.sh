#!/usr/bin/env bash
# Start-up of commands on a persistent index (issue 16, items 4 and 5): wall time of
# `explain --index` and of a one-line `apply`, for one or two CLI jars side by side (before and
# after a change), runs interleaved so that both see the same load. Prints one line per run and
# the load average; nothing is written into the repository.
#
#   matcher-bench/run-startup.sh WORK [NAME=JAR ...]
#
# WORK: a scratch directory. On its first use the script generates the population there
# (`Generate --citizens ${CITIZENS:-100000} --orders ${ORDERS:-5000} --seed 20261101 --esco
# ../shared/data/esco-v1.1.1`) and builds the index `WORK/idx-NAME` with each jar (`index ...
# --as-of 2026-11-01`; minutes at 100k/5k, mostly computing the standing lists). Each jar then
# gets RUNS (default 3) rounds of: `explain --index WORK/idx-NAME --citizen c-0000000 --order
# jo-000000 --as-of 2026-11-01`, then `apply` of a one-line change (citizen c-0000001 moves to
# another postal code, alternating between two, so that every apply changes something). Without
# NAME=JAR arguments: the jar built from this checkout (matcher-cli/target/jobmatch.jar).
# NAME=launcher:JAR runs the commands through the launcher matcher-cli/jobmatch (JOBMATCH_JAR=JAR,
# JAVA_HOME of $JAVA; with its class-data sharing archive in WORK/cds-NAME) instead of `java -jar`;
# its index is WORK/idx-NAME as for any other name.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/bench-common.sh"

WORK="${1:?usage: run-startup.sh WORK [NAME=JAR ...]}"
shift
mkdir -p "$WORK"
WORK="$(cd "$WORK" && pwd)"
declare -a NAMES JARS
if [[ $# -eq 0 ]]; then
  (cd "$ROOT" && ./mvnw -q -pl matcher-cli -am -DskipTests package)
  set -- "current=$ROOT/matcher-cli/target/jobmatch.jar"
fi
declare -a LAUNCH
for a in "$@"; do
  NAMES+=("${a%%=*}")
  j="${a#*=}"
  if [[ "$j" == launcher:* ]]; then
    j="${j#launcher:}"
    LAUNCH+=(1)
  else
    LAUNCH+=(0)
  fi
  JARS+=("$(cd "$(dirname "$j")" && pwd)/$(basename "$j")")
done
ESCO="${JOBMATCH_ESCO:?no ESCO data (../shared/data/esco-v1.1.1 or JOBMATCH_ESCO)}"
CITIZENS="${CITIZENS:-100000}"
ORDERS="${ORDERS:-5000}"
RUNS="${RUNS:-3}"

if [[ ! -f "$WORK/pop/citizens.jsonl" ]]; then
  "$JAVA" -cp "$JAR" dk.jobmatch.bench.Generate --citizens "$CITIZENS" --orders "$ORDERS" --seed 20261101 \
    --esco "$ESCO" --out "$WORK/pop" >&2
fi
wall() { # runs the command; prints "WALL s wall, CPU s CPU" (user + system); output in $WORK/last.out/.err
  local t
  TIMEFORMAT='%R %U %S'
  { time "$@" >"$WORK/last.out" 2>"$WORK/last.err" ; } 2>"$WORK/last.time" || { cat "$WORK/last.err" >&2; return 1; }
  read -r -a t <"$WORK/last.time"
  echo "${t[0]} s wall, $(echo "${t[1]} + ${t[2]}" | bc) s CPU"
}
for i in "${!NAMES[@]}"; do
  idx="$WORK/idx-${NAMES[$i]}"
  if [[ ! -f "$idx/CURRENT" ]]; then
    echo "== index with ${NAMES[$i]} (${JARS[$i]})" >&2
    s=$(wall "$JAVA" -jar "${JARS[$i]}" index --index "$idx" --citizens "$WORK/pop/citizens.jsonl" \
      --orders "$WORK/pop/orders.jsonl" --esco "$ESCO" --as-of 2026-11-01 -v)
    echo "index ${NAMES[$i]}: ${s}"
    grep -E "computed the standing|committed in" "$WORK/last.err" | sed "s/^/  /" || true
  fi
done
line() { # a one-line change file: c-0000001 upserted with postal code $1
  grep -m1 '"id":"c-0000001"' "$WORK/pop/citizens.jsonl" \
    | sed -E "s/\"postalCode\":\"[0-9]+\"/\"postalCode\":\"$1\"/" \
    | sed 's/^/{"op":"upsert","citizen":/; s/$/}/' >"$WORK/change-$1.jsonl"
  echo "$WORK/change-$1.jsonl"
}
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
run() { # runs the CLI of name number $1 with the remaining arguments
  local i="$1"
  shift
  if [[ "${LAUNCH[$i]}" == 1 ]]; then
    JAVA_HOME="$(cd "$(dirname "$(readlink -f "$JAVA")")/.." && pwd)" JOBMATCH_JAR="${JARS[$i]}" \
      JOBMATCH_CDS_DIR="$WORK/cds-${NAMES[$i]}" "$ROOT/matcher-cli/jobmatch" "$@"
  else
    "$JAVA" -jar "${JARS[$i]}" "$@"
  fi
}
for r in $(seq 1 "$RUNS"); do
  for i in "${!NAMES[@]}"; do
    idx="$WORK/idx-${NAMES[$i]}"
    e=$(wall run "$i" explain --index "$idx" --citizen c-0000000 --order jo-000000 \
      --as-of 2026-11-01)
    pc=$([[ $((r % 2)) -eq 0 ]] && echo 2750 || echo 2760)
    a=$(wall run "$i" apply --index "$idx" --changes "$(line "$pc")" --as-of 2026-11-01 \
      --events "$WORK/events-${NAMES[$i]}.jsonl")
    echo "run $r ${NAMES[$i]}: explain --index ${e}; one-line apply ${a} (load $(cut -d' ' -f1 /proc/loadavg))"
  done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
