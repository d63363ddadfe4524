#!/usr/bin/env bash
# The cost of paths from GC roots on a service-sized heap: a traced JVM holding about 1 GB of live
# data (millions of small objects) and 10,000 leaked traced objects. Per run, side by side:
#   jcmd PID GC.heap_dump    the JVM's own heap dump: its time, and its pause (the safepoint)
#   dump PID --paths         ours: the traced JVM's pause (its full GC and heap dump), and the whole command
#   paths HEAP.hprof         the analysis alone on jcmd's dump: time and peak memory (RSS)
# The first two run in turn, jcmd first on odd runs and ours first on even ones, each after a sync,
# so that neither pause is taken while the other's 1 GB file is still being written back.
# Usage: scripts/heap-paths-bench.sh [MB] [LEAKED] [RUNS] [OUT_DIR]    (defaults 1024 10000 3
#   bench/target/heap-paths)
# Needs the built jars (mvn -B -q -pl agent,bench -am package -DskipTests), java 17+, jcmd and
# /usr/bin/time. Results: OUT_DIR/results.tsv (one row a run), OUT_DIR/medians.tsv, each run's files.
set -euo pipefail
cd "$(dirname "$0")/.."

MB=${1:-1024}
LEAKED=${2:-10000}
RUNS=${3:-3}
AGENT=$PWD/agent/target/leaktrace.jar
BENCH=$PWD/bench/target/benchmarks.jar
CONFIG=$PWD/bench/configs/heap-paths.yaml
OUT=${4:-$PWD/bench/target/heap-paths}
mkdir -p "$OUT" && OUT=$(cd "$OUT" && pwd)
for f in "$AGENT" "$BENCH"; do
  [ -f "$f" ] || { echo "heap-paths-bench.sh: $f is missing: mvn -B -q -pl agent,bench -am package -DskipTests" >&2; exit 1; }
done
for tool in java jcmd /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "heap-paths-bench.sh: '$tool' is missing" >&2; exit 1; }
done
rm -rf "$OUT"/run* "$OUT"/results.tsv "$OUT"/medians.tsv
echo "load at start: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores" | tee "$OUT/machine.txt"
printf 'run\tfirst\tjcmd_s\tjcmd_pause_s\tours_pause_s\tdump_paths_s\tpaths_s\tread_s\tpaths_rss_mb\tpaths_objects\tdump_mb\n' > "$OUT/results.tsv"

# The application's time stopped in safepoints, in seconds, over lines FROM to TO of a -Xlog:safepoint file.
paused() { sed -n "$2,$3p" "$1" | sed -nE 's/.*Total: ([0-9]+) ns.*/\1/p' | awk '{t += $1} END {printf "%.2f", t / 1e9}'; }
lines() { wc -l < "$1"; }

for run in $(seq 1 "$RUNS"); do
  dir=$OUT/run$run
  mkdir -p "$dir"
  ( cd "$dir" && exec java -Xmx3g -Xlog:safepoint=info:file="$dir/safepoints.log" \
      -javaagent:"$AGENT"=config="$CONFIG",output="$dir/trace.log" \
      -cp "$BENCH" dev.leaktrace.bench.heap.BigHeap "$MB" "$LEAKED" > "$dir/stdout.txt" 2> "$dir/stderr.txt" ) &
  for _ in $(seq 1 600); do grep -q '^ready' "$dir/stdout.txt" 2>/dev/null && break; sleep 0.5; done
  pid=$(awk '/^ready/ {print $2}' "$dir/stdout.txt")
  [ -n "$pid" ] || { echo "the heap program did not start: $(cat "$dir/stderr.txt")" >&2; exit 1; }
  head -1 "$dir/stdout.txt" >&2

  sp=$dir/safepoints.log
  jcmd_dump() { sync; /usr/bin/time -f '%e' -o "$dir/jcmd.time" jcmd "$pid" GC.heap_dump "$dir/jcmd.hprof" > /dev/null; }
  ours_dump() { sync; /usr/bin/time -f '%e' -o "$dir/dump.time" java -jar "$AGENT" dump "$pid" --paths 3 -o "$dir/dump.txt" 2> "$dir/dump.stderr"; }
  before=$(($(lines "$sp") + 1))
  if [ $((run % 2)) -eq 1 ]; then first=jcmd; jcmd_dump; else first=ours; ours_dump; fi
  between=$(lines "$sp")
  if [ "$first" = jcmd ]; then ours_dump; else jcmd_dump; fi
  after=$(lines "$sp")
  if [ "$first" = jcmd ]; then
    jcmd_pause=$(paused "$sp" "$before" "$between"); ours_pause=$(paused "$sp" "$((between + 1))" "$after")
  else
    ours_pause=$(paused "$sp" "$before" "$between"); jcmd_pause=$(paused "$sp" "$((between + 1))" "$after")
  fi
  touch "$dir/stop"
  wait
  /usr/bin/time -f '%e %M' -o "$dir/paths.time" java -jar "$AGENT" paths "$dir/jcmd.hprof" > "$dir/paths.txt" 2> "$dir/paths.stderr"

  objects=$(sed -nE 's/.*: ([0-9,]+) objects,.*/\1/p' "$dir/paths.stderr" | tr -d ,)
  read_s=$(sed -nE 's/.*\(([0-9.]+) s reading\).*/\1/p' "$dir/paths.stderr")
  read -r paths_s paths_kb < "$dir/paths.time"
  dump_mb=$(($(stat -c %s "$dir/jcmd.hprof") / 1048576))
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$run" "$first" "$(cat "$dir/jcmd.time")" "$jcmd_pause" "$ours_pause" \
    "$(cat "$dir/dump.time")" "$paths_s" "$read_s" "$((paths_kb / 1024))" "$objects" "$dump_mb" | tee -a "$OUT/results.tsv"
  rm -f "$dir/jcmd.hprof"
done
echo "load at end: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/machine.txt"
column -t "$OUT/results.tsv"

# Medians per column, and the two ratios the targets are about.
awk -F'\t' 'NR == 1 { for (c = 3; c <= NF; c++) name[c] = $c; cols = NF; next }
  { n++; for (c = 3; c <= cols; c++) v[c, n] = $c }
  function median(c,   i, j, t, a) {
    for (i = 1; i <= n; i++) a[i] = v[c, i]
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] + 0 < a[i] + 0) { t = a[i]; a[i] = a[j]; a[j] = t }
    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
  }
  END {
    for (c = 3; c <= cols; c++) { m[name[c]] = median(c); printf "%s%s", (c > 3 ? "\t" : ""), name[c] } print ""
    for (c = 3; c <= cols; c++) printf "%s%s", (c > 3 ? "\t" : ""), m[name[c]]; print ""
    printf "pause ours/jcmd %.2f; paths/jcmd %.2f (target 2)\n", m["ours_pause_s"] / m["jcmd_pause_s"], m["paths_s"] / m["jcmd_s"] > "/dev/stderr"
  }' "$OUT/results.tsv" > "$OUT/medians.tsv"
echo "medians of $RUNS runs:"
column -t "$OUT/medians.tsv"
