#!/usr/bin/env bash
# Intake throughput: feed entries applied durably per second (SQLite, WAL, synchronous=FULL,
# batched transactions), side by side with a peer that only stores the same lines durably
# (sqlite3 importing each line as one row in one transaction, WAL, synchronous=FULL) — the floor
# for "the bytes are on disk", with no parsing, validation or person updates. For the year's
# events also side by side with the floor of the table design: bench/intake_floor.cc, plain
# SQLite (default VFS, the store's pragmas) doing only the row I/O intake does per entry (look
# the person up by identity number, write the row back or insert it, the identity row, the
# feed_events row, the pointer per transaction of 50 000) on a copy of the baseline db, with no
# JSON parsing, validation or person logic; and with its --minimal floor, the least any design
# that keeps one SQLite row per person current at every commit can do (identity numbers mapped
# to row keys in memory, untimed; one row rewritten or inserted per entry, nothing else).
#
# Usage: [BUILD=DIR] bench/intake_throughput.sh [KOMMUNE[,KOMMUNE…]] (default 4601 Bergen)
# Prints events/s for the baseline (persons created) and for a year's events (updates of
# existing persons), and our rate as a fraction of the peer's and of the floor's. Needs
# $BUILD/proaktiv and $BUILD/bench/intake_floor (BUILD defaults to build, relative to the repo).
set -euo pipefail
cd "$(dirname "$0")/.."
kommuner=${1:-4601}
build=${BUILD:-build}
bin=$build/proaktiv
floor_bin=$build/bench/intake_floor
[ -x "$bin" ] && [ -x "$floor_bin" ] || { echo "needs $bin and $floor_bin" >&2; exit 1; }
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
  $bin ingest --batch 50000 --db "$work/ours.db" "$@" > "$work/ingest.out" 2>/dev/null
  end=$(now)
  rate "$n" "$start" "$end"
}
# The rate `proaktiv ingest` reports for its consumer: reading, applying and committing, without
# the process's start-up and closing summary (a count of all persons).
consumer_rate() { sed -n 's/.* entries applied, .*(\([0-9]*\)\/s)$/\1/p' "$work/ingest.out" | head -1; }

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

floor() {  # floor DB FILE [--minimal] → entries/s of intake_floor's row I/O on DB
  "$floor_bin" --db "$1" --feed "$2" --batch 50000 "${@:3}" | awk '/^rate / { print $2 }'
}

base_ours=$(ours "$work/gen/population.jsonl")
base_consumer=$(consumer_rate)
# The baseline db for the floor. proaktiv closes cleanly (the WAL checkpointed and removed);
# should a WAL be left, it goes along so that the copy holds every commit.
for copy in floor minimal; do
  cp "$work/ours.db" "$work/$copy.db"
  if [ -e "$work/ours.db-wal" ]; then cp "$work/ours.db-wal" "$work/$copy.db-wal"; fi
done
feed_ours=$(ours "$work/gen/feed.jsonl")
feed_consumer=$(consumer_rate)
base_peer=$(peer "$work/population.csv")
feed_peer=$(peer "$work/feed.csv")
feed_floor=$(floor "$work/floor.db" "$work/gen/feed.jsonl")
feed_minimal=$(floor "$work/minimal.db" "$work/gen/feed.jsonl" --minimal)
persons=$(wc -l < "$work/gen/population.jsonl")
events=$(wc -l < "$work/gen/feed.jsonl")

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { print a / b }'; }
printf "%-44s %12s %12s %8s\n" "intake (kommune $kommuner)" "proaktiv/s" "peer/s" "ratio"
printf "%-44s %12s %12s %8.2f\n" "baseline: $persons persons created" "$base_ours" "$base_peer" \
  "$(ratio "$base_ours" "$base_peer")"
printf "%-44s %12s %12s %8.2f\n" "a year: $events events applied" "$feed_ours" "$feed_peer" \
  "$(ratio "$feed_ours" "$feed_peer")"
printf "%-44s %12s %12s %8.2f\n" "a year: $events events, SQLite row I/O only" "$feed_ours" \
  "$feed_floor" "$(ratio "$feed_ours" "$feed_floor")"
printf "%-44s %12s %12s %8.2f\n" "a year: $events events, one row each only" "$feed_ours" \
  "$feed_minimal" "$(ratio "$feed_ours" "$feed_minimal")"
echo "proaktiv ingest's own consumer rate (no start-up, no closing summary):" \
  "baseline $base_consumer/s, a year $feed_consumer/s"
echo "target: >= 100000 events/s applied durably"
