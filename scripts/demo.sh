#!/usr/bin/env bash
# Builds leaktrace and the demo prover, runs the prover under the agent with its leak and with
# --fixed, then asks the analyser what leaked and whether the fix worked.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${LEAKTRACE_DEMO_OUT:-target/demo}
mkdir -p "$out"

agent=agent/target/leaktrace.jar
demo=demo-app/target/demo-app.jar
# What each jar is built from (the budget file and config are read at run time, not built in).
agent_sources=(pom.xml src agent-bootstrap/src agent-bootstrap/pom.xml agent-instrumentation/src
  agent-instrumentation/pom.xml analyser/src/main analyser/pom.xml agent/pom.xml)
demo_sources=(demo-app/src/main demo-app/pom.xml)
newer_than() { # jar sources...: whether the jar is missing or a source file is newer
  local jar=$1
  shift
  [ ! -f "$jar" ] || [ -n "$(find "$@" -type f -newer "$jar" -print -quit)" ]
}
if newer_than "$agent" "${agent_sources[@]}" || newer_than "$demo" "${demo_sources[@]}"; then
  echo "== building (mvn -B -q package -DskipTests -pl agent,demo-app -am)"
  mvn -B -q package -DskipTests -pl agent,demo-app -am
  touch "$agent" "$demo" # Maven keeps an up-to-date jar's old time
else
  echo "== $agent and $demo are up to date with their sources: not building"
fi
echo
echo "== the prover with its leak, under the agent"
java -javaagent:$agent=config=demo-app/leaktrace.yaml,output=$out/before.log -jar "$demo"
echo
echo "== the same prover with --fixed"
java -javaagent:$agent=config=demo-app/leaktrace.yaml,output=$out/after.log -jar "$demo" --fixed
echo
echo "== what leaked? (java -jar $agent leaks $out/before.log)"
java -jar $agent leaks "$out/before.log"
echo
echo "== did the fix work? (java -jar $agent diff $out/before.log $out/after.log)"
java -jar $agent diff "$out/before.log" "$out/after.log"
java -jar $agent report "$out/before.log" "$out/after.log" -o "$out/report.html" >/dev/null
echo
echo "== the CI gate on the fixed run (the SRS, held for the whole run on purpose, is expected there)"
echo "   java -jar $agent leaks $out/after.log --fail-on-leak --budget demo-app/leaktrace-budget.yaml"
java -jar $agent leaks "$out/after.log" --fail-on-leak --budget demo-app/leaktrace-budget.yaml >/dev/null
echo "passed (exit 0); on the leaky run the same gate exits 1"
echo
echo "A picture of both runs: $out/report.html"
