#!/usr/bin/env bash
# Builds the libFuzzer targets of tests/fuzz (`cmake --preset fuzz`, clang 19 with ASan and UBSan) and runs
# each for SECONDS seconds (default 10) from its seed corpus. Fails on any crash, leak or sanitizer report;
# the input that caused it is left in build/fuzz/artifacts/. The corpus grown by a run stays in
# build/fuzz/corpus/ and is not committed; add an input worth keeping to tests/fuzz/corpus/ by hand,
# and every crash as a unit test.
# Usage: scripts/fuzz.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-10}"
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz
mkdir -p build/fuzz/artifacts
for target in keyring csv_reader; do
  corpus="build/fuzz/corpus/${target}"
  mkdir -p "$corpus"
  cp -n tests/fuzz/corpus/"${target}"/* "$corpus"/ || true
  log="build/fuzz/fuzz_${target}.log"
  status=0
  "build/fuzz/tests/fuzz/fuzz_${target}" -max_total_time="$seconds" -print_final_stats=1 \
    -artifact_prefix=build/fuzz/artifacts/ "$corpus" >"$log" 2>&1 || status=$?
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
  echo "fuzz_${target}: ${runs:-?} runs in ${seconds} s"
  if [ "$status" -ne 0 ]; then
    grep -E "ERROR|SUMMARY|Test unit written" "$log" >&2 || true
    echo "fuzz_${target} found a problem (exit $status); the log is $log, the input in build/fuzz/artifacts/" >&2
    exit 1
  fi
done
