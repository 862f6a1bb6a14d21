#!/usr/bin/env bash
# Kindergarten eligibility for every person of Norway (5.55 million): proaktiv's eligibility
# scan against PostgreSQL 15 running the rule as hand-written SQL, on the same data in the same
# run; the two answers must be the same set of persons (exit 1 when they are not).
#
# Usage: bench/eligibility_vs_postgres.sh [--kommune NNNN[,NNNN…]] [bench options…]
#   --kommune 0301   a quick run on one municipality instead of all 357
#   other options go to the bench program: --today 2024-02-20, --threads 2, --repeats 5
# Environment: BUILD (build dir, default build), CACHE (default /var/tmp/proaktiv-bench),
#              PORT (the private PostgreSQL's port, default 55439)
#
# The population is generated once per selection with `proaktiv gen` (all of Norway: a few
# minutes, ~4 GB RAM) and kept as $CACHE/gen-<selection>/population.db. A private PostgreSQL
# cluster (scripts/postgres.sh) is created under $CACHE for the run and removed at exit.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${BUILD:-build}
cache=${CACHE:-/var/tmp/proaktiv-bench}
port=${PORT:-55439}

selection=all
args=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --kommune) selection=${2:?--kommune needs a kommune number}; shift 2 ;;
    --kommune=*) selection=${1#--kommune=}; shift ;;
    *) args+=("$1"); shift ;;
  esac
done

need() {
  [[ -x $1 ]] || {
    echo "missing $1: cmake --build $build --target proaktiv eligibility_vs_postgres" >&2
    exit 2
  }
}
bench=$build/bench/eligibility_vs_postgres
need "$bench"

gen=$cache/gen-${selection//,/-}
if [[ ! -f $gen/population.db ]]; then
  need "$build/proaktiv"
  echo "generating the population ($selection) into $gen …" >&2
  mkdir -p "$cache"
  rm -rf "$gen.tmp"
  if [[ $selection == all ]]; then
    "$build/proaktiv" gen --all --out "$gen.tmp" >&2
  else
    "$build/proaktiv" gen --kommune "$selection" --out "$gen.tmp" >&2
  fi
  rm -f "$gen.tmp"/*.jsonl  # only the registry is needed
  mv "$gen.tmp" "$gen"
fi

pgdir=$(mktemp -d "$cache/pg.XXXXXX")
cleanup() {
  scripts/postgres.sh stop "$pgdir" >/dev/null 2>&1 || true
  rm -rf "$pgdir"
}
trap cleanup EXIT
conninfo=$(scripts/postgres.sh start "$pgdir" "$port")
"$bench" --db "$gen/population.db" --pg "$conninfo" "${args[@]}"
