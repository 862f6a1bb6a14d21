#!/usr/bin/env bash
# The demo on the embedded default (SQLite): builds proaktiv, generates the synthetic
# population of one municipality with a year of population-register events, and runs a year of
# the municipality's life through the proactive engine: each day the register's events go into
# the registry exactly once, then the engine makes the offers that the events and dates call
# for (kindergarten place, school start, SFO, senior home visit, welcome, bereavement support).
# It prints the decisions per service, the offers per month with a chart, and a few offers with
# their message and explanation; then runs December again to show that nothing is made twice.
# Usage: scripts/demo.sh [KOMMUNENUMMER] (default 1103 Stavanger).
set -euo pipefail
cd "$(dirname "$0")/.."
kommune=${1:-1103}
./scripts/build.sh build
out=demo-out
rm -rf "$out"
mkdir -p "$out"

echo "== 1. Synthetic population and a year of register events for kommune $kommune"
./build/proaktiv gen --kommune "$kommune" --from 2026-01-01 --to 2027-01-01 --seed 2026 \
  --out "$out/gen"

echo
echo "== 2. A year of the municipality's life: intake and the proactive engine, day by day"
cp "$out/gen/population.db" "$out/registry.db"
./build/proaktiv run --db "$out/registry.db" --feed "$out/gen/feed.jsonl" \
  --from 2026-01-01 --until 2026-12-31 --chart "$out/offers-per-month.svg" --explain 4

echo
echo "== 3. December again: every event is already applied and every offer already made"
./build/proaktiv run --db "$out/registry.db" --feed "$out/gen/feed.jsonl" \
  --from 2026-12-01 --until 2026-12-31 --explain 0 | head -9

echo
echo "Files: $out/gen (population.db, population.jsonl, feed.jsonl, contacts.jsonl, summary.json)"
echo "       $out/registry.db (registry, offers, date index; open it with sqlite3)"
echo "       $out/offers-per-month.svg (the chart)"
