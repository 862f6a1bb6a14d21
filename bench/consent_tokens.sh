#!/usr/bin/env bash
# Consent tokens against the peer, in one run: bench/consent_bench (Google Benchmark, JSON) —
# proaktiv's access tokens verified per second, and full consent checks per second (verify +
# the consent's live state and the person in SQLite) — and bench/jose/bench.mjs (jose, the
# most used JOSE library for node) verifying the very same tokens with the same checks, each on
# 1 and 2 threads. Prints the figures and the ratios. Builds nothing: needs
# $BUILD/bench/consent_bench and bench/jose/node_modules (npm ci from the lock file when missing).
#
# Usage: bench/consent_tokens.sh
# Environment: BUILD (default build), REPS (repetitions, default 5; medians are reported),
#   MIN_TIME (seconds per repetition, default 0.5).
set -euo pipefail
cd "$(dirname "$0")/.."
build=${BUILD:-build}
reps=${REPS:-5}
(( reps < 2 )) && reps=2  # medians need at least two repetitions
min_time=${MIN_TIME:-0.5}
work=$(mktemp -d /tmp/proaktiv-consent-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT

[[ -x $build/bench/consent_bench ]] || { echo "missing $build/bench/consent_bench: build it first" >&2; exit 2; }
[[ -d bench/jose/node_modules/jose ]] || (cd bench/jose && npm ci --no-audit --no-fund >&2)

echo "proaktiv: consent_bench ($reps repetitions of ≥ ${min_time}s each) …" >&2
"$build/bench/consent_bench" --export "$work"
"$build/bench/consent_bench" --benchmark_format=json --benchmark_repetitions="$reps" \
  --benchmark_report_aggregates_only=true --benchmark_min_time="$min_time" >"$work/proaktiv.json"

ms=$(awk -v t="$min_time" 'BEGIN { print int(t * 1000 * 2) }')
for threads in 1 2; do
  echo "jose: $threads thread(s), $reps × ${ms} ms …" >&2
  for ((i = 0; i < reps; i++)); do
    node bench/jose/bench.mjs --dir "$work" --threads "$threads" --ms "$ms" --json
  done >"$work/jose-$threads.jsonl"
done

node - "$work" <<'JS'
const fs = require('fs');
const work = process.argv[2];
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const ours = {};
for (const b of JSON.parse(fs.readFileSync(`${work}/proaktiv.json`, 'utf8')).benchmarks) {
  if (b.run_type !== 'aggregate' || b.aggregate_name !== 'median') continue;
  ours[b.run_name] = b.items_per_second;
}
const jose = {};
let version = '';
for (const t of [1, 2]) {
  const runs = fs.readFileSync(`${work}/jose-${t}.jsonl`, 'utf8').trim().split('\n').map(JSON.parse);
  jose[t] = median(runs.map((r) => r.per_second));
  version = `jose ${runs[0].jose} on node ${runs[0].node}`;
}
const k = (x) => (x / 1000).toFixed(1) + 'k';
const pad = (cols, w) => cols.map((c, i) => String(c).padStart(w[i])).join('  ');
const w = [8, 16, 18, 16, 10];
console.log(`\nper second, medians; peer: ${version}`);
console.log(pad(['threads', 'our verify', 'our consent check', 'jose verify', '× jose'], w));
for (const t of [1, 2]) {
  const verify = ours[`BM_VerifyToken/real_time/threads:${t}`];
  const check = ours[`BM_ConsentCheck/real_time/threads:${t}`];
  console.log(pad([t, k(verify), k(check), k(jose[t]), (verify / jose[t]).toFixed(2)], w));
}
console.log('\nverify        = signature (Ed25519, libsodium) + typ, iss, aud, iat/exp + claims');
console.log('consent check = verify + the consent\'s state and the person in SQLite (no audit write)');
console.log('× jose        = our verify / jose jwtVerify of the same tokens with the same checks');
JS
