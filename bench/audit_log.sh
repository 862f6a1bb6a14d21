#!/usr/bin/env bash
# Transparency log speed: appends per second into a real SQLite file (WAL, synchronous=FULL)
# in transactions of 1 000 records with a signed checkpoint every 1 000 appends and at the end,
# 1 M appends by default; inclusion proofs generated and verified per second; `audit verify`
# over the whole log. Compared with the appends/s the Tessera transparency log publishes for one
# machine (about 1 600–2 900/s): that peer figure is published, not run here.
#
# Usage: bench/audit_log.sh [APPENDS]   (BUILD=build-dir, default build; needs target audit_bench)
set -euo pipefail
cd "$(dirname "$0")/.."
appends=${1:-1000000}
bin=${BUILD:-build}/bench/audit_bench
work=$(mktemp -d /tmp/proaktiv-audit-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT

out=$("$bin" --db "$work/audit.db" --appends "$appends" --checkpoint-every 1000 --batch 1000 \
  --proofs 100000)
echo "$out"
value() { echo "$out" | awk -v k="$1" '$1 == k { print $2 }'; }
rate=$(value appends_per_second)
echo
printf "%-44s %12s\n" "transparency log (SQLite, $appends appends)" "per second"
printf "%-44s %12s\n" "appends with checkpoints (proaktiv)" "$rate"
printf "%-44s %12s\n" "inclusion proofs generated (proaktiv)" "$(value proofs_generated_per_second)"
printf "%-44s %12s\n" "inclusion proofs verified (proaktiv)" "$(value proofs_verified_per_second)"
printf "%-44s %12s\n" "entries verified by audit verify (proaktiv)" "$(value verify_entries_per_second)"
printf "%-44s %12s\n" "appends, Tessera (published, not run here)" "1600–2900"
awk -v r="$rate" 'BEGIN { printf "ratio: %.1f× the published high end (2 900/s), %.1f× the low end (1 600/s)\n", r / 2900, r / 1600 }'
