#!/usr/bin/env bash
# Installs what is missing, builds with warnings as errors, and runs every test through CTest.
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
