#!/usr/bin/env bash
# Builds the citizen portal and municipality admin UI (web/) into web/dist, which
# `proaktiv serve` serves. Idempotent and quick when nothing changed:
#   - `npm ci` only when web/node_modules is missing or older than web/package-lock.json;
#   - `npm run build` (tsc + Vite 7) only when web/dist/index.html is missing or older than any
#     source, config or the lock file.
# Options:
#   --e2e     also install the browser tests' packages (tests/e2e: playwright-core, axe-core)
#   --force   rebuild even when web/dist looks current
# Needs node >= 20.19 and npm (Debian: apt-get install nodejs npm); only the npm registry is used.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
WEB="$ROOT/web"
E2E="$ROOT/tests/e2e"
force=0
e2e=0
for arg in "$@"; do
  case "$arg" in
    --force) force=1 ;;
    --e2e) e2e=1 ;;
    *) echo "web.sh: unknown option $arg" >&2; exit 2 ;;
  esac
done

command -v npm >/dev/null || { echo "web.sh: npm is not installed (apt-get install nodejs npm)" >&2; exit 1; }

# npm ci in $1 unless its node_modules is newer than its lock file.
install_deps() {
  local dir=$1
  if [ ! -f "$dir/node_modules/.package-lock.json" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
    echo "web.sh: npm ci in ${dir#"$ROOT"/}"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
  else
    echo "web.sh: ${dir#"$ROOT"/}/node_modules is up to date"
  fi
}

install_deps "$WEB"
[ "$e2e" = 1 ] && install_deps "$E2E"

stale=""
if [ "$force" = 1 ] || [ ! -f "$WEB/dist/index.html" ]; then
  stale="web/dist is missing"
  [ "$force" = 1 ] && stale="--force"
else
  newer=$(cd "$WEB" && find src index.html package.json package-lock.json vite.config.ts tsconfig.json \
    -newer dist/index.html -type f -print -quit)
  [ -n "$newer" ] && stale="web/$newer changed"
fi

if [ -n "$stale" ]; then
  echo "web.sh: building web/dist ($stale)"
  (cd "$WEB" && npm run --silent build)
  # Make dist newer than every input even if the build kept an unchanged index.html's time.
  touch "$WEB/dist/index.html"
  echo "web.sh: built $(find "$WEB/dist/assets" -type f | wc -l) assets, $(du -sk "$WEB/dist" | cut -f1) KiB in web/dist"
else
  echo "web.sh: web/dist is up to date"
fi
