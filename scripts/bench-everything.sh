#!/usr/bin/env bash
# Tracing everything: java.lang.Object with subtypes on an allocation-heavy workload
# (bench/.../everything/AllocationHeavy: 3 objects a round, one closed), beside Google's
# allocation-instrumenter with a StackWalker site in its callback, in the same run, interleaved.
# Prints the median time per round of each peer and the added cost per allocation
# ((peer - none) / 3). Usage: scripts/bench-everything.sh [RUNS] [ROUNDS]
# Needs the built jars: mvn -B -q -pl agent,bench -am package -DskipTests
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-5}
ROUNDS=${2:-1000000}
WARMUP=$((ROUNDS / 5))
AGENT=agent/target/leaktrace.jar
GAI=bench/target/peers/java-allocation-instrumenter.jar
CLASSES=bench/target/classes
MAIN=dev.leaktrace.bench.everything.AllocationHeavy
OUT=$(mktemp -d)
printf 'output: %s/everything.log\ntypes:\n  - class: java.lang.Object\n    subtypes: true\n' "$OUT" > "$OUT/everything.yaml"

run() {
  case "$1" in
    none) java -cp "$CLASSES" $MAIN $WARMUP $ROUNDS ;;
    leaktrace) java -javaagent:$AGENT=config=$OUT/everything.yaml -cp "$CLASSES" $MAIN $WARMUP $ROUNDS ;;
    instrumenter) java -javaagent:$GAI -Dbench.sampler=stackwalker -cp "$CLASSES:$GAI" $MAIN $WARMUP $ROUNDS 2>/dev/null ;;
  esac | awk '/^NS_PER_ROUND/ {print $2}'
}

for i in $(seq "$RUNS"); do
  for peer in none leaktrace instrumenter; do
    echo "$peer $(run $peer)" >> "$OUT/times"
  done
done
median() { awk -v p="$1" '$1 == p {print $2}' "$OUT/times" | sort -g | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
NONE=$(median none)
echo "load average before and after: see uptime; $(uptime)"
for peer in none leaktrace instrumenter; do
  m=$(median $peer)
  awk -v p=$peer -v m="$m" -v n="$NONE" -v runs="$RUNS" 'BEGIN {
    printf "%-13s median %10.1f ns/round over %d runs   added per allocation %8.1f ns\n", p, m, runs, (m - n) / 3 }'
done
echo "all runs: $OUT/times"
