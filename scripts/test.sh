#!/usr/bin/env bash
# Installs what is missing, builds with warnings as errors, and runs every test through CTest; then the
# static checks (clang-tidy over the layers below the GUI) and every Catch2 test again under
# AddressSanitizer + UBSan (issue 7). DOORSTEP_QUICK=1 leaves out those two (they add about twenty
# minutes on two cores); CI always runs them.
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/bootstrap.sh
preset="${DOORSTEP_PRESET:-release}"
cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset"
# Ten seconds of each fuzz target (tests/fuzz, issue 9); the bootstrap installed clang 19 for it.
./scripts/fuzz.sh 10
# GUI tests run headless; pin time zone and locale so results do not depend on the machine.
export QT_QPA_PLATFORM=offscreen TZ=Asia/Shanghai LANG=C.UTF-8
ctest --preset "$preset" --parallel "$(nproc)" "$@"
if [ "${DOORSTEP_QUICK:-0}" = 1 ]; then exit 0; fi

./scripts/tidy.sh "$preset"
# The sanitizer build: the Catch2 executables only (label "catch"); the GUI's QtTest tests ran above.
cmake --preset asan >/dev/null
cmake --build --preset asan --target catch_tests
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  LSAN_OPTIONS="suppressions=$PWD/tests/sanitizers/lsan.supp" ctest --preset asan -L catch --parallel "$(nproc)"
