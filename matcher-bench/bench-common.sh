#!/usr/bin/env bash
# Shared by run-quick.sh and run-full.sh: find a JDK >= 21, build the benchmark jar when it is
# missing or older than the sources, and run JMH / the footprint tool with the same JVM flags.
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH_DIR/.." && pwd)"
JAR="$BENCH_DIR/target/benchmarks.jar"
RESULTS="$BENCH_DIR/results"
# The forks get these from the benchmarks' @Fork annotations; the footprint tool gets them here.
TOOL_FLAGS=(--add-modules jdk.incubator.vector -Xms2g -Xmx8g)

java_feature() { # prints the feature version of the java at $1 (8 for 1.8), or nothing
  "$1" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = //p' | sed 's/^1\.//' | head -1
}

find_java() {
  local c v best="" bestv=0
  for c in ${JAVA_HOME:+"$JAVA_HOME/bin/java"} "$(command -v java 2>/dev/null || true)"; do
    if [[ -n "$c" && -x "$c" ]]; then
      v="$(java_feature "$c")"
      if [[ -n "$v" && "$v" -ge 21 ]]; then echo "$c"; return 0; fi
    fi
  done
  for c in /usr/lib/jvm/*/bin/java; do
    [[ -x "$c" ]] || continue
    v="$(java_feature "$c")"
    if [[ -n "$v" && "$v" -ge 21 && "$v" -gt "$bestv" ]]; then best="$c"; bestv="$v"; fi
  done
  if [[ -n "$best" ]]; then echo "$best"; return 0; fi
  echo "error: no Java 21 or newer found (JAVA_HOME, PATH, /usr/lib/jvm/*)" >&2
  return 1
}

ensure_jar() {
  local stale=""
  if [[ -f "$JAR" ]]; then
    stale="$(find "$ROOT/matcher-core/src/main" "$BENCH_DIR/src/main" "$ROOT/pom.xml" "$BENCH_DIR/pom.xml" \
      "$ROOT/matcher-core/pom.xml" -newer "$JAR" -type f 2>/dev/null | head -1 || true)"
  fi
  if [[ ! -f "$JAR" || -n "$stale" || "${REBUILD:-0}" == 1 ]]; then
    echo "== building $JAR ${stale:+(sources changed: $stale)}" >&2
    # clean: an incremental compile keeps benchmark classes compiled against an older engine API.
    # One retry: the modular jar step of matcher-core has been seen to fail once and then pass.
    (cd "$ROOT" && { ./mvnw -q -pl matcher-bench -am -DskipTests clean package \
      || ./mvnw -q -pl matcher-bench -am -DskipTests package; })
  fi
}

JAVA="$(find_java)"
export JAVA
echo "== java: $JAVA ($("$JAVA" -version 2>&1 | head -1))" >&2
ensure_jar
mkdir -p "$RESULTS"
# ESCO data, if present, gives the populations ESCO's real skill skew (see PopulationGenerator).
if [[ -z "${JOBMATCH_ESCO:-}" && -d "$ROOT/../shared/data/esco-v1.1.1" ]]; then
  JOBMATCH_ESCO="$(cd "$ROOT/../shared/data/esco-v1.1.1" && pwd)"
  export JOBMATCH_ESCO
fi
cd "$ROOT"

PARTS="${PARTS:-rank throughput suggest build visibility footprint}"
want() { [[ " $PARTS " == *" $1 "* ]]; }

jmh() { # jmh OUT.json ARGS... : one JMH run writing -rf json to OUT.json
  local out="$1"; shift
  echo "== jmh $* -> $out" >&2
  "$JAVA" -jar "$JAR" "$@" -rf json -rff "$out"
}

footprint() { # footprint OUT.txt SIZES
  echo "== footprint sizes $2 -> $1" >&2
  "$JAVA" "${TOOL_FLAGS[@]}" -cp "$JAR" dk.jobmatch.bench.Footprint --sizes "$2" --json "${1%.txt}.json" | tee "$1"
}

table() { # table PROFILE : merges $RESULTS/PROFILE-*.json into PROFILE.json and writes PROFILE.txt
  local p="$1"
  "$JAVA" -cp "$JAR" dk.jobmatch.bench.ResultsTable --json "$RESULTS/$p.json" --txt "$RESULTS/$p.txt" \
    --footprint "$RESULTS/$p-footprint.txt" "$RESULTS/$p"-part-*.json
}
