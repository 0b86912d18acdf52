#!/usr/bin/env bash
# Installs what is missing, builds a release build and starts Doorstep on the demo branch database.
# Extra arguments go to doorstep (e.g. --reset-demo, --lang en).
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/bootstrap.sh
cmake --preset release >/dev/null
cmake --build --preset release
app=build/release/src/gui/doorstep
if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  echo "run.sh: no display found. To try Doorstep on a machine without a desktop, run:" >&2
  echo "  xvfb-run -a $app --demo" >&2
  exit 2
fi
exec "$app" --demo "$@"
