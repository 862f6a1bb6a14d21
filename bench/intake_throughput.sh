#!/usr/bin/env bash
# Intake throughput: feed entries applied durably per second (SQLite, WAL, synchronous=FULL,
# batched transactions), side by side with a peer that only stores the same lines durably
# (sqlite3 importing each line as one row in one transaction, WAL, synchronous=FULL) — the floor
# for "the bytes are on disk", with no parsing, validation or person updates.
#
# Usage: bench/intake_throughput.sh [KOMMUNE[,KOMMUNE…]] (default 4601 Bergen)
# Prints events/s for the baseline (persons created) and for a year's events (updates of
# existing persons), and our rate as a fraction of the peer's. Needs build/proaktiv.
set -euo pipefail
cd "$(dirname "$0")/.."
kommuner=${1:-4601}
bin=./build/proaktiv
work=$(mktemp -d /tmp/proaktiv-intake-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT

echo "generating kommune(s) $kommuner …" >&2
$bin gen --kommune "$kommuner" --from 2024-01-01 --to 2025-01-01 --seed 7 --out "$work/gen" >/dev/null 2>&1

now() { date +%s.%N; }
rate() { awk -v n="$1" -v a="$2" -v b="$3" 'BEGIN { printf "%.0f", n / (b - a) }'; }

ours() {  # ours FILE… → events/s over all files, into $work/ours.db
  local start end n
  n=$(cat "$@" | wc -l)
  start=$(now)
  $bin ingest --batch 50000 --db "$work/ours.db" "$@" >/dev/null 2>&1
  end=$(now)
  rate "$n" "$start" "$end"
}

peer() {  # peer FILE → lines/s stored by sqlite3 in one transaction
  local start end n db="$work/peer.db"
  rm -f "$db"*
  n=$(wc -l < "$1")
  sqlite3 "$db" "PRAGMA journal_mode=WAL;" >/dev/null
  start=$(now)
  sqlite3 "$db" <<SQL
PRAGMA synchronous=FULL;
CREATE TABLE IF NOT EXISTS lines (line TEXT);
.mode csv
.import '$1' lines
SQL
  end=$(now)
  rate "$n" "$start" "$end"
}

# The peer's .import splits on commas in CSV mode; give it tab-free single-column input.
to_single_column() { sed 's/"/""/g; s/^/"/; s/$/"/' "$1" > "$2"; }
to_single_column "$work/gen/population.jsonl" "$work/population.csv"
to_single_column "$work/gen/feed.jsonl" "$work/feed.csv"

base_ours=$(ours "$work/gen/population.jsonl")
feed_ours=$(ours "$work/gen/feed.jsonl")
base_peer=$(peer "$work/population.csv")
feed_peer=$(peer "$work/feed.csv")
persons=$(wc -l < "$work/gen/population.jsonl")
events=$(wc -l < "$work/gen/feed.jsonl")

printf "%-34s %12s %12s %8s\n" "intake (kommune $kommuner)" "proaktiv/s" "peer/s" "ratio"
printf "%-34s %12s %12s %8.2f\n" "baseline: $persons persons created" "$base_ours" "$base_peer" \
  "$(awk -v a="$base_ours" -v b="$base_peer" 'BEGIN { print a / b }')"
printf "%-34s %12s %12s %8.2f\n" "a year: $events events applied" "$feed_ours" "$feed_peer" \
  "$(awk -v a="$feed_ours" -v b="$feed_peer" 'BEGIN { print a / b }')"
echo "target: >= 100000 events/s applied durably"
