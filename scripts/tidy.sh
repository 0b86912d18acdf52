#!/usr/bin/env bash
# Static checks (issue 7): clang-tidy 19 with the checks of .clang-tidy over the layers below the GUI, using
# the compile commands of a configured build (default: the release preset's). Fails on any finding.
#   scripts/tidy.sh [preset] [file-regex]
set -euo pipefail
cd "$(dirname "$0")/.."
preset="${1:-release}"
files="${2:-src/(domain|io|storage|app|cli|report)/.*\.cpp$}"
build="build/$preset"
[ -f "$build/compile_commands.json" ] || cmake --preset "$preset" >/dev/null
start=$(date +%s)
if ! run-clang-tidy-19 -p "$build" -quiet -j "$(nproc)" "$files" >"$build/clang-tidy.log" 2>&1; then
  grep -E "(error|warning):" "$build/clang-tidy.log" | sort -u >&2 || true
  echo "clang-tidy: findings above (full log: $build/clang-tidy.log)" >&2
  exit 1
fi
echo "clang-tidy: no findings ($(( $(date +%s) - start )) s)"
