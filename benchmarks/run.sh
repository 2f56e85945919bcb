#!/usr/bin/env bash
# Runs every BuildBridge benchmark and its peers, then prints the results table (Markdown).
#
#   benchmarks/run.sh            full run (about 12 minutes on 2 cores)
#   BENCH_QUICK=1 benchmarks/run.sh   a smoke run of a few minutes; numbers not for the README
#
# Steps: build the SDK and benchmarks.jar from this checkout (Maven profile `benchmarks`),
# install the Node peers (npm ci), write the inputs, run JMH (with -prof gc), run the Node and
# Python peers, print the table. Results go to benchmarks/results/ (results.md is the table).
# Environment:
#   BUILDBRIDGE_SHARED  the shared data directory (default: ../shared beside the checkout)
#   BENCH_JMH_ARGS      extra JMH arguments, such as "-f 1" or a benchmark regex
#   BENCH_ALT_JAVA      a second java binary (such as a newer JDK) to also run the TuxSuite
#                       benchmark on, as evidence; off when unset
#   PYTHON              the python3 with `cryptography` (default: python3, else /usr/bin/python3)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
top="$(cd "$here/.." && pwd)"
shared="${BUILDBRIDGE_SHARED:-$top/../shared}"
results="$here/results"
inputs="$results/inputs"
jar="$here/target/benchmarks.jar"

if [ ! -d "$shared/conformance" ]; then
  echo "run.sh: no shared data at $shared; set BUILDBRIDGE_SHARED" >&2
  exit 1
fi
shared="$(cd "$shared" && pwd)"

python="${PYTHON:-python3}"
if ! "$python" -c 'import cryptography' 2>/dev/null; then
  if /usr/bin/python3 -c 'import cryptography' 2>/dev/null; then
    python=/usr/bin/python3
  else
    echo "run.sh: $python has no 'cryptography'; install Debian's: apt-get install python3-cryptography" >&2
    exit 1
  fi
fi
for tool in java mvn node npm; do
  command -v "$tool" >/dev/null || { echo "run.sh: $tool is not installed" >&2; exit 1; }
done

echo "== build (mvn -Pbenchmarks -pl benchmarks -am package, tests skipped)" >&2
(cd "$top" && mvn -B -q -Pbenchmarks -pl benchmarks -am package -DskipTests \
  -Dmaven.javadoc.skip=true -Dmaven.source.skip=true)

echo "== node peers (npm ci)" >&2
(cd "$here/node" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)

rm -rf "$results"
mkdir -p "$results"
java -Dbuildbridge.shared="$shared" -cp "$jar" dev.buildbridge.benchmarks.BenchInputs "$inputs" >&2

jmh_settings="2 forks, 3 x 2 s warm-up and 4 x 2 s measurement iterations each, -prof gc"
peer_env=()
jmh_args=()
if [ -n "${BENCH_QUICK:-}" ]; then
  jmh_args=(-f 1 -wi 1 -w 1s -i 2 -r 1s)
  jmh_settings="QUICK: 1 fork, 1 x 1 s warm-up, 2 x 1 s measurement, -prof gc"
  peer_env=(BENCH_WARMUP_MS=1000 BENCH_ROUND_MS=1000 BENCH_ROUNDS=2)
fi
# shellcheck disable=SC2206
extra=(${BENCH_JMH_ARGS:-})

{
  echo "date=$(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "nproc=$(nproc)"
  echo "cpus=$(grep -c '^processor' /proc/cpuinfo)"
  echo "cpu=$(grep -m1 '^model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
  echo "memory=$(free -g | awk '/^Mem:/ {print $2 " GiB"}')"
  echo "java=$(java -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.vm.name/ {n=$2} /java.runtime.version/ {v=$2} END {print n " " v}')"
  echo "jmh=1.37, $jmh_settings"
  echo "peers=${peer_env[*]:-4 s warm-up, 5 rounds of 2 s}"
  echo "load.start=$(cut -d' ' -f1-3 /proc/loadavg)"
} > "$results/meta.properties"

echo "== JMH" >&2
java -Dbuildbridge.shared="$shared" -jar "$jar" -prof gc -rf json -rff "$results/jmh.json" \
  "${jmh_args[@]}" "${extra[@]}" | tee "$results/jmh.txt" >&2

if [ -n "${BENCH_ALT_JAVA:-}" ]; then
  echo "== JMH TuxSuiteVerifyBenchmark on $BENCH_ALT_JAVA" >&2
  echo "alt.java=$("$BENCH_ALT_JAVA" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.runtime.version/ {print "JDK " $2}')" >> "$results/meta.properties"
  "$BENCH_ALT_JAVA" -Dbuildbridge.shared="$shared" -jar "$jar" TuxSuiteVerifyBenchmark \
    -rf json -rff "$results/jmh-alt.json" "${jmh_args[@]}" | tee "$results/jmh-alt.txt" >&2
fi

echo "== Node peers" >&2
env "${peer_env[@]}" node "$here/node/github.mjs" "$inputs" > "$results/node-github.json"
env "${peer_env[@]}" node "$here/node/kdl.mjs" "$inputs" > "$results/node-kdl.json"
echo "== Python peer" >&2
env "${peer_env[@]}" "$python" "$here/python/tuxsuite_verify.py" "$inputs" > "$results/python-tuxsuite.json"

echo "load.end=$(cut -d' ' -f1-3 /proc/loadavg)" >> "$results/meta.properties"
java -cp "$jar" dev.buildbridge.benchmarks.Report "$results" "$inputs" | tee "$results/results.md"
