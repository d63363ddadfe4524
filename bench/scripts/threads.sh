#!/usr/bin/env bash
# Thread churn with and without the agent, side by side: 200,000 virtual threads (Java 21+) and
# 100,000 short-lived platform threads, each making and closing one traced object (1% kept).
# Runs each pair RUNS times alternately and prints the medians of the whole process's wall time
# and of the workload's own time (MILLIS), and their ratio (agent / none).
# Usage: bench/scripts/threads.sh [JAVA] [RUNS] [KIND] [RESULTS]   (JAVA: a java executable, default: java on PATH;
# KIND: virtual or platform for one kind only, default both; RESULTS: a directory that gets every
# run's times as threads.tsv, for scripts/bench.sh's report)
# Needs agent/target/leaktrace.jar and bench/target/benchmarks.jar (mvn -B -q -pl agent,bench -am package -DskipTests).
set -euo pipefail
cd "$(dirname "$0")/../.."
JAVA=${1:-java}
RUNS=${2:-5}
KIND=${3:-}
RESULTS=${4:-}
AGENT=agent/target/leaktrace.jar
BENCH=bench/target/benchmarks.jar
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT

median() { sort -n | awk '{v[NR]=$1} END {print (NR%2 ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2)}'; }

run() { # label, args...: appends "wall_ms workload_ms" to $OUT/label
  local label=$1; shift
  local t0 t1 line
  t0=$(date +%s%N)
  line=$("$JAVA" -Xmx512m "$@" | grep '^MILLIS')
  t1=$(date +%s%N)
  echo "$(( (t1 - t0) / 1000000 )) $(echo "$line" | awk '{print $2}')" >> "$OUT/$label"
}

feature=$("$JAVA" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')
modes="platform:100000"
[ "${feature%%.*}" -ge 21 ] && modes="virtual:200000 $modes"
[ -n "$KIND" ] && modes=$(for m in $modes; do if [ "${m%%:*}" = "$KIND" ]; then echo "$m"; fi; done)
echo "java $feature, $(nproc) cpus, load $(cut -d' ' -f1-3 /proc/loadavg), $RUNS runs each"
if [ -n "$RESULTS" ]; then
  mkdir -p "$RESULTS"
  "$JAVA" -version 2>&1 | sed -n 1p > "$RESULTS/java.txt"
  printf 'kind\tthreads\trun\tnone_wall_ms\tnone_workload_ms\tagent_wall_ms\tagent_workload_ms\n' > "$RESULTS/threads.tsv"
fi
for mode in $modes; do
  kind=${mode%%:*}; n=${mode##*:}
  for i in $(seq "$RUNS"); do
    run "$kind-none" -cp "$BENCH" dev.leaktrace.bench.threads.ThreadChurn "$kind" "$n"
    run "$kind-agent" -javaagent:"$AGENT"=config=bench/configs/tracked.yaml,output="$OUT/trace.log" \
      -cp "$BENCH" dev.leaktrace.bench.threads.ThreadChurn "$kind" "$n"
    allocs=$(grep -c '^@ALLOCATE ' "$OUT/trace.log"); drops=$(grep -c '^@DROP ' "$OUT/trace.log")
    [ "$allocs" = "$n" ] && [ "$drops" = "$(( n - n / 100 ))" ] \
      || { echo "threads.sh: $kind run $i: $allocs allocations, $drops drops (expected $n, $(( n - n / 100 )))" >&2; exit 1; }
  done
  if [ -n "$RESULTS" ]; then
    paste -d' ' "$OUT/$kind-none" "$OUT/$kind-agent" | awk -v k="$kind" -v n="$n" \
      '{printf "%s\t%s\t%d\t%s\t%s\t%s\t%s\n", k, n, NR, $1, $2, $3, $4}' >> "$RESULTS/threads.tsv"
  fi
  for what in 1:wall 2:workload; do
    col=${what%%:*}
    none=$(cut -d' ' -f"$col" "$OUT/$kind-none" | median)
    agent=$(cut -d' ' -f"$col" "$OUT/$kind-agent" | median)
    printf '%-9s %-8s none %6s ms  agent %6s ms  ratio %s\n' "$kind" "${what##*:}" "$none" "$agent" \
      "$(awk -v a="$agent" -v b="$none" 'BEGIN {printf "%.2f", a / b}')"
  done
done
