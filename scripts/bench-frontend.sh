#!/usr/bin/env bash
# Benchmarks the log-mel frontend (io.wakestream.common.bench.LogMelFrontendBenchmark, 40 and 80
# mels) with JMH and writes reports/jmh-frontend.json. The score is the single-threaded time to
# stream one second of 16 kHz audio, i.e. microseconds of CPU per second of audio.
#
# Usage: scripts/bench-frontend.sh [JMH options]
#   default options: -wi 3 -w 1s -i 5 -r 1s -f 1; any options given replace them, e.g.
#   scripts/bench-frontend.sh -wi 2 -i 3 -f 1        a short run
# Benchmarks never fail on a time: this only reports.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
REPORT="reports/jmh-frontend.json"
CLASSPATH_FILE="common/target/bench-classpath.txt"

if [[ $# -gt 0 ]]; then
  JMH_OPTIONS=("$@")
else
  JMH_OPTIONS=(-wi 3 -w 1s -i 5 -r 1s -f 1)
fi

./mvnw -B -q -pl common test-compile
./mvnw -B -q -pl common dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$ROOT/$CLASSPATH_FILE"
mkdir -p reports

"$JAVA_HOME/bin/java" -cp "common/target/test-classes:common/target/classes:$(cat "$CLASSPATH_FILE")" \
  org.openjdk.jmh.Main 'io\.wakestream\.common\.bench\.LogMelFrontendBenchmark\..*' \
  "${JMH_OPTIONS[@]}" -rf json -rff "$REPORT"

python3 - "$REPORT" <<'PY'
import json
import sys

print()
print("log-mel frontend, CPU per second of 16 kHz audio (single thread):")
for result in json.load(open(sys.argv[1])):
    metric = result["primaryMetric"]
    name = result["benchmark"].rsplit(".", 1)[1]
    score, error = metric["score"], metric["scoreError"]
    error_text = "" if error != error else f" ± {error:.1f}"  # NaN when there is a single iteration
    print(f"  n_mels={result['params']['nMels']:>2}  {name:<30} {score:8.1f}{error_text} us"
          f"  (real-time factor {score / 1e6:.5f})")
print(f"report: {sys.argv[1]}")
PY
