#!/usr/bin/env bash
# Runs every benchmark (targets: docs/performance.md) and (re)writes BENCHMARKS.md:
#   1. untracked code, agent vs none (JMH)
#   2. tracked construct + close at depth 10/100, 1/2 threads, with the peers (JMH)
#   3. startup of a hello world with a 10-type config (hyperfine)
#   4. the analyser on a generated 10M-line log (and one twice as long) vs wc -l and an awk script (hyperfine, time -v)
#   and the agent's memory per live tracked object, and the growth of a survivors log;
#   7. paths from GC roots on a 1.2 GB dump beside jcmd GC.heap_dump (scripts/heap-paths-bench.sh).
#   8. thread churn, virtual and platform threads, with and without the agent (bench/scripts/threads.sh).
# Usage: scripts/bench.sh [--quick] [--no-build]
#   --quick     a smoke run (short JMH, 1M-line log, fewer runs); its BENCHMARKS.md says so.
#   --no-build  use the jars already in agent/target and bench/target.
# Needs: java 17+, jcmd, mvn, hyperfine, /usr/bin/time (Debian: apt-get install -y hyperfine time).
# Takes about 25-30 minutes on 2 cores; results are left in bench/target/results.
set -euo pipefail
cd "$(dirname "$0")/.."

QUICK=0
BUILD=1
for arg in "$@"; do
  case "$arg" in
    --quick) QUICK=1 ;;
    --no-build) BUILD=0 ;;
    *) echo "usage: scripts/bench.sh [--quick] [--no-build]" >&2; exit 2 ;;
  esac
done

for tool in java hyperfine /usr/bin/time awk; do
  command -v "$tool" >/dev/null || { echo "bench.sh: '$tool' is missing (apt-get install -y hyperfine time)" >&2; exit 1; }
done

AGENT=agent/target/leaktrace.jar
BENCH=bench/target/benchmarks.jar
PEERS=bench/target/peers
OUT=bench/target/results
log() { printf '\n== %s\n' "$*" >&2; }

if [ "$BUILD" = 1 ]; then
  log "build: mvn -B -q -pl agent,bench -am package -DskipTests"
  mvn -B -q -pl agent,bench -am package -DskipTests
fi
# async-profiler's jar carries its native library; -agentpath needs it as a file.
if [ ! -f "$PEERS/libasyncProfiler.so" ]; then
  (cd "$PEERS" && unzip -o -q -j async-profiler.jar linux-x64/libasyncProfiler.so)
fi

rm -rf "$OUT"
mkdir -p "$OUT"
CMDS="$OUT/commands.tsv"
cmd() { printf '%s\t%s\n' "$1" "$2" >> "$CMDS"; }
if [ "$QUICK" = 1 ]; then cmd all "scripts/bench.sh --quick"; else cmd all "scripts/bench.sh"; fi

{
  echo "date:      $(date -u +%Y-%m-%dT%H:%MZ)"
  echo "commit:    $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- agent agent-bootstrap agent-instrumentation analyser bench || echo ' + uncommitted changes')"
  [ "$QUICK" = 1 ] && echo "mode:      QUICK smoke run (--quick): short JMH runs, 1M-line log, few runs; not for the record"
  echo "cpus:      $(nproc) × $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
  echo "memory:    $(free -g | awk '/^Mem:/ {print $2 " GB"}')"
  echo "os:        $(uname -sr)"
  java -version 2>&1 | sed 's/^/java:      /'
  echo "hyperfine: $(hyperfine --version)"
  echo "awk:       $(awk -W version 2>/dev/null | head -1 || awk --version | head -1)"
  echo "load:      $(cut -d' ' -f1-3 /proc/loadavg) at the start (1, 5, 15 min averages; other jobs on the machine add noise)"
} > "$OUT/machine.txt"
cat "$OUT/machine.txt" >&2

# ---- memory per live tracked object ---------------------------------------------------------
N=1000000
[ "$QUICK" = 1 ] && N=200000
MEM_NONE="java -Xmx2g -XX:+UseSerialGC -cp $BENCH dev.leaktrace.bench.memory.MemoryProbe $N"
MEM_AGENT="java -Xmx2g -XX:+UseSerialGC -javaagent:$AGENT=config=bench/configs/tracked.yaml,output=$OUT/trace-memory.log -cp $BENCH dev.leaktrace.bench.memory.MemoryProbe $N"
cmd memory-none "$MEM_NONE"
cmd memory-agent "$MEM_AGENT"
log "memory: $N objects, without and with the agent"
$MEM_NONE > "$OUT/memory-none.txt"
$MEM_AGENT > "$OUT/memory-agent.txt"
# The agent must have seen every object: 2N allocations and 2N drops.
allocs=$(grep -c '^@ALLOCATE ' "$OUT/trace-memory.log" || true)
drops=$(grep -c '^@DROP ' "$OUT/trace-memory.log" || true)
echo "events=$allocs allocations, $drops drops" >> "$OUT/memory-agent.txt"
if [ "$allocs" != $((2 * N)) ] || [ "$drops" != $((2 * N)) ]; then
  echo "bench.sh: the agent wrote $allocs @ALLOCATE and $drops @DROP lines, expected $((2 * N)) each" >&2
  exit 1
fi
rm -f "$OUT/trace-memory.log"
cat "$OUT/memory-none.txt" "$OUT/memory-agent.txt" >&2

# ---- log: survivors, the log's growth at 1M short-lived objects a second ------------------------
SECS=30
[ "$QUICK" = 1 ] && SECS=10
RATE_LOG="$OUT/trace-survivors-rate.log"
RATE="java -javaagent:$AGENT=config=bench/configs/tracked-survivors.yaml,output=$RATE_LOG -cp $BENCH dev.leaktrace.bench.survivors.OutputRateProbe $RATE_LOG $SECS 1000000"
cmd survivors-output "$RATE"
log "survivors output: $RATE"
$RATE | tee "$OUT/survivors-output.txt"
rm -f "$RATE_LOG"

# ---- workloads 1 and 2: JMH, all peers in one session ----------------------------------------
JMH="java -jar $BENCH --agent $AGENT --out $OUT --asprof $PEERS/libasyncProfiler.so --instrumenter $PEERS/java-allocation-instrumenter.jar"
[ "$QUICK" = 1 ] && JMH="$JMH --quick"
cmd jmh "$JMH"
log "JMH: $JMH"
$JMH

# ---- workload 3: startup ---------------------------------------------------------------------
RUNS=20; WARM=3
[ "$QUICK" = 1 ] && { RUNS=5; WARM=1; }
HELLO="java -cp $BENCH dev.leaktrace.bench.startup.Hello"
HELLO_AGENT="java -javaagent:$AGENT=config=bench/configs/startup-10-types.yaml -cp $BENCH dev.leaktrace.bench.startup.Hello"
# The floor under any agent: benchmarks.jar's Premain-Class does nothing.
HELLO_EMPTY="java -javaagent:$BENCH -cp $BENCH dev.leaktrace.bench.startup.Hello"
STARTUP="hyperfine -N --warmup $WARM --runs $RUNS --export-json $OUT/startup.json --export-markdown $OUT/startup.md '$HELLO' '$HELLO_AGENT' '$HELLO_EMPTY'"
cmd startup "$STARTUP"
log "startup: $STARTUP"
eval "$STARTUP"

# ---- workload 4: analyser --------------------------------------------------------------------
LINES=10000000; ALIVE=100000
[ "$QUICK" = 1 ] && { LINES=1000000; ALIVE=10000; }
TRACE="$OUT/analyser.log"
GEN="java -cp $BENCH dev.leaktrace.bench.analyser.LogGenerator $TRACE $LINES $ALIVE"
cmd gen "$GEN"
log "analyser input: $GEN"
$GEN | tee "$OUT/gen.txt"
# The same log twice as long: the difference between the two runs of leaks is what the lines
# themselves cost, apart from the JVM's start and its compiling, which a longer log pays only once.
TRACE2="$OUT/analyser-double.log"
GEN2="java -cp $BENCH dev.leaktrace.bench.analyser.LogGenerator $TRACE2 $((LINES * 2)) $ALIVE"
cmd gen-double "$GEN2"
$GEN2 | tee "$OUT/gen-double.txt"
cmd awk-version "$(awk -W version 2>/dev/null | head -1 | cut -d' ' -f1-2)"

WC="wc -l $TRACE"
AWK="awk -f bench/scripts/pair.awk $TRACE"
LEAKS="java -Xmx128m -jar $AGENT leaks $TRACE"
names=(wc awk)
cmds=("$WC" "$AWK")
if java -jar "$AGENT" leaks --help >/dev/null 2>&1; then
  names+=(leaks leaks-double)
  cmds+=("$LEAKS" "java -Xmx128m -jar $AGENT leaks $TRACE2")
  # The same on a JDK 25, if there is one (LEAKTRACE_BENCH_JAVA25, or one under /usr/lib/jvm):
  # a side row, since users may run the analyser on any JDK; the targets use the default java.
  # (A loop, not `ls | head`: under pipefail a missing match or SIGPIPE would end the script.)
  J25="${LEAKTRACE_BENCH_JAVA25:-}"
  if [ -z "$J25" ]; then
    for candidate in /usr/lib/jvm/*-25-*/bin/java; do
      if [ -x "$candidate" ]; then J25="$candidate"; break; fi
    done
  fi
  if [ -n "$J25" ] && [ -x "$J25" ]; then
    # Linked under bench/target, so that the report's commands name no path of this machine.
    ln -sfn "$(dirname "$(dirname "$J25")")" bench/target/jdk25
    names+=(leaks-jdk25)
    cmds+=("bench/target/jdk25/bin/java -Xmx128m -jar $AGENT leaks $TRACE")
    cmd java25 "$(bench/target/jdk25/bin/java -version 2>&1 | sed -n 1p)"
    # And with an AOT cache (JEPs 483, 515) from a training run on another log of the same kind
    # (another seed, a tenth of the lines), as docs/analyser.md tells users to make one.
    TRAIN="$OUT/analyser-train.log"
    AOT="$OUT/leaks.aot"
    java -cp "$BENCH" dev.leaktrace.bench.analyser.LogGenerator "$TRAIN" $((LINES / 10)) $((ALIVE / 10)) 7 > /dev/null
    TRAINING="bench/target/jdk25/bin/java -XX:AOTCacheOutput=$AOT -Xmx128m -jar $AGENT leaks $TRAIN"
    cmd aot-training "$TRAINING"
    if $TRAINING > /dev/null 2> "$OUT/aot-training.txt" && [ -f "$AOT" ]; then
      names+=(leaks-jdk25-aot)
      cmds+=("bench/target/jdk25/bin/java -XX:AOTCache=$AOT -Xmx128m -jar $AGENT leaks $TRACE")
    fi
    rm -f "$TRAIN"
  fi
else
  echo "the leaks command is not in $AGENT yet" > "$OUT/leaks-status.txt"
fi
ARUNS=5; AWARM=1
[ "$QUICK" = 1 ] && ARUNS=2
quoted=""
for c in "${cmds[@]}"; do quoted="$quoted '$c'"; done
ANALYSER="hyperfine -N --warmup $AWARM --runs $ARUNS --export-json $OUT/analyser.json --export-markdown $OUT/analyser.md$quoted"
cmd analyser "$ANALYSER"
log "analyser: $ANALYSER"
eval "$ANALYSER"
for i in "${!names[@]}"; do
  set +e
  /usr/bin/time -v ${cmds[$i]} > "$OUT/out-${names[$i]}.txt" 2> "$OUT/rss-${names[$i]}.txt"
  echo $? > "$OUT/exit-${names[$i]}.txt"
  set -e
done
rm -f "$TRACE" "$TRACE2"

# ---- 7. paths from GC roots: dump --paths and paths beside jcmd GC.heap_dump --------------
HEAP_PATHS="scripts/heap-paths-bench.sh 1024 10000 4 $OUT/heap-paths"
[ "$QUICK" = 1 ] && HEAP_PATHS="scripts/heap-paths-bench.sh 256 2000 2 $OUT/heap-paths"
cmd heap-paths "$HEAP_PATHS"
log "heap paths: $HEAP_PATHS"
$HEAP_PATHS || log "heap-paths-bench.sh failed; its section says so"

# ---- 8. thread churn: virtual threads need a Java 21+, the first one found beside the default --
JAVA21=""
for candidate in java /usr/lib/jvm/*/bin/java; do
  v=$("$candidate" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}' || true)
  if [ -n "$v" ] && [ "${v%%.*}" -ge 21 ]; then JAVA21=$candidate; break; fi
done
if [ -n "$JAVA21" ]; then
  THREAD_RUNS=5
  [ "$QUICK" = 1 ] && THREAD_RUNS=2
  THREADS="bench/scripts/threads.sh $JAVA21 $THREAD_RUNS"
  cmd threads "bench/scripts/threads.sh JAVA21+ $THREAD_RUNS"
  log "thread churn: $THREADS"
  $THREADS "" "$OUT/threads" || log "threads.sh failed; its section says so"
else
  log "thread churn: no Java 21+ found (java on PATH, /usr/lib/jvm); its section says so"
fi

# ---- report ----------------------------------------------------------------------------------
echo "load:      $(cut -d' ' -f1-3 /proc/loadavg) at the end" >> "$OUT/machine.txt"
java -cp "$BENCH" dev.leaktrace.bench.Report "$OUT" BENCHMARKS.md
log "wrote BENCHMARKS.md"
