#!/usr/bin/env bash
# The demo on the embedded default (SQLite): builds proaktiv, generates the synthetic
# population of one municipality with a year of population-register events, ingests the year
# into a SQLite file exactly once (a second run shows the replay is skipped), and prints what
# happened. Usage: scripts/demo.sh [KOMMUNENUMMER] (default 1103 Stavanger).
set -euo pipefail
cd "$(dirname "$0")/.."
kommune=${1:-1103}
./scripts/build.sh build
out=demo-out
rm -rf "$out"
mkdir -p "$out"

echo "== 1. Synthetic population and a year of events for kommune $kommune"
./build/proaktiv gen --kommune "$kommune" --from 2024-01-01 --to 2025-01-01 --seed 2024 \
  --out "$out/gen"

echo
echo "== 2. Ingest the year into $out/registry.db (SQLite, WAL)"
cp "$out/gen/population.db" "$out/registry.db"
./build/proaktiv ingest --db "$out/registry.db" "$out/gen/feed.jsonl"

echo
echo "== 3. The same feed again: every entry is recognised as applied and skipped"
./build/proaktiv ingest --db "$out/registry.db" "$out/gen/feed.jsonl" | head -1

echo
echo "Files: $out/gen (population.db, population.jsonl, feed.jsonl, contacts.jsonl, summary.json)"
echo "       $out/registry.db (the registry after the year; open it with sqlite3)"
