#!/usr/bin/env bash
# Configures and builds proaktiv. Usage: scripts/build.sh [BUILD_DIR] [extra cmake args…]
# Installs missing system packages first. Uses both cores and ccache.
set -euo pipefail
cd "$(dirname "$0")/.."
"$PWD/scripts/install-deps.sh"
dir=${1:-build}
shift || true
cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" > "$dir.configure.log" 2>&1 || {
  cat "$dir.configure.log"; exit 1; }
cmake --build "$dir" -j "$(nproc)"
