#!/usr/bin/env bash
# The Netty program of NettyDetectorsIT (fixtures.recipes.NettyLeakDetectors: N buffers, pooled
# and unpooled, some leaked) timed as whole processes, side by side: no agent with Netty's
# detector disabled, no agent with Netty's paranoid detector, and the netty recipe with Netty's
# detector disabled. Runs the three in turn RUNS times and prints each one's median wall time,
# its ratio to the first, and what each found against the program's own refCnt() count.
# Usage: bench/scripts/netty-detectors.sh [JAVA] [RUNS] [N]   (JAVA: default java on PATH)
# Needs agent/target/leaktrace.jar, agent/target/test-classes and agent/target/it-libs:
#   mvn -B -q -pl agent -am verify -DskipTests
set -euo pipefail
cd "$(dirname "$0")/../.."
JAVA=${1:-java}
RUNS=${2:-5}
N=${3:-50000}
AGENT=agent/target/leaktrace.jar
CP=agent/target/test-classes:agent/target/it-libs/netty-buffer.jar:agent/target/it-libs/netty-common.jar
MAIN=fixtures.recipes.NettyLeakDetectors
for f in "$AGENT" agent/target/test-classes/fixtures/recipes/NettyLeakDetectors.class agent/target/it-libs/netty-buffer.jar; do
  [ -e "$f" ] || { echo "netty-detectors.sh: $f is missing: mvn -B -q -pl agent -am verify -DskipTests" >&2; exit 1; }
done
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT

median() { sort -n | awk '{v[NR]=$1} END {print (NR%2 ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2)}'; }

run() { # label, java options...: appends the wall time in ms to $OUT/label, keeps the last stdout and stderr
  local label=$1; shift
  local t0 t1
  t0=$(date +%s%N)
  "$JAVA" -Xmx512m "$@" -cp "$CP" "$MAIN" "$N" > "$OUT/$label.out" 2> "$OUT/$label.err"
  t1=$(date +%s%N)
  echo "$(( (t1 - t0) / 1000000 ))" >> "$OUT/$label"
}

echo "$("$JAVA" -version 2>&1 | head -1), $(nproc) cpus, load $(cut -d' ' -f1-3 /proc/loadavg), N=$N, $RUNS runs each"
for i in $(seq "$RUNS"); do
  run none-disabled -Dio.netty.leakDetection.level=disabled
  run none-paranoid -Dio.netty.leakDetection.level=paranoid
  run leaktrace-disabled -javaagent:"$AGENT"=config=recipe:netty,output="$OUT/trace.log" \
    -Dio.netty.leakDetection.level=disabled
done
truth=$(awk '/^LEAKED/ {print $2}' "$OUT/none-disabled.out")
netty=$(grep -c 'LEAK: ' "$OUT/none-paranoid.err" || true)
# Leaked buffers still reachable at exit, plus those collected without their release.
ours=$("$JAVA" -jar "$AGENT" leaks "$OUT/trace.log" \
  | sed -n 's/^Total: .* \([0-9]*\) collected without drop; leaked \([0-9]*\) objects.*/\1 \2/p' \
  | awk '{print $1 + $2}')
base=$(median < "$OUT/none-disabled")
for label in none-disabled none-paranoid leaktrace-disabled; do
  case $label in
    none-disabled) found="-" ;;
    none-paranoid) found="$netty LEAK records" ;;
    *) found="$ours leaked buffers" ;;
  esac
  m=$(median < "$OUT/$label")
  printf '%-19s median %6s ms  ratio %5s  found %s of %s\n' "$label" "$m" \
    "$(awk -v a="$m" -v b="$base" 'BEGIN {printf "%.2f", a / b}')" "$found" "$truth"
done
echo "load $(cut -d' ' -f1-3 /proc/loadavg) at the end"
