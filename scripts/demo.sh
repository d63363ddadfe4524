#!/usr/bin/env bash
# Builds leaktrace and the demo prover, runs the prover under the agent with its leak and with
# --fixed, then asks the analyser what leaked and whether the fix worked.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${LEAKTRACE_DEMO_OUT:-target/demo}
mkdir -p "$out"

echo "== building (mvn -B -q package -DskipTests)"
mvn -B -q package -DskipTests

agent=agent/target/leaktrace.jar
echo
echo "== the prover with its leak, under the agent"
java -javaagent:$agent=config=demo-app/leaktrace.yaml,output=$out/before.log -jar demo-app/target/demo-app.jar
echo
echo "== the same prover with --fixed"
java -javaagent:$agent=config=demo-app/leaktrace.yaml,output=$out/after.log -jar demo-app/target/demo-app.jar --fixed
echo
echo "== what leaked? (java -jar $agent leaks $out/before.log)"
java -jar $agent leaks "$out/before.log"
echo
echo "== did the fix work? (java -jar $agent diff $out/before.log $out/after.log)"
java -jar $agent diff "$out/before.log" "$out/after.log"
java -jar $agent report "$out/before.log" "$out/after.log" -o "$out/report.html" >/dev/null
echo
echo "A picture of both runs: $out/report.html"
