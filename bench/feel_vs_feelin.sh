#!/usr/bin/env bash
# FEEL speed against the peer, in one run: bench/feel_bench (Google Benchmark, JSON) and
# bench/feelin/bench.mjs (feelin, the FEEL interpreter of bpmn.io) on the same expressions
# with the same inputs, plus the DMN TCK evaluation-time percentiles (`proaktiv dmn tck
# --timing`, compliance levels 2 and 3 together). Prints one table and the DESIGN.md targets
# with PASS/MISS. Builds nothing: needs $BUILD/bench/feel_bench, $BUILD/proaktiv and
# bench/feelin/node_modules (installed with npm ci from the lock file when missing).
#
# Usage: bench/feel_vs_feelin.sh
# Environment: BUILD (default build), TCK (default ../shared/dmn-tck/TestCases),
#   REPS (repetitions per benchmark, default 7; medians are reported),
#   MIN_TIME (seconds per repetition, default 0.3).
set -euo pipefail
cd "$(dirname "$0")/.."
build=${BUILD:-build}
tck=${TCK:-../shared/dmn-tck/TestCases}
reps=${REPS:-7}
min_time=${MIN_TIME:-0.3}
work=$(mktemp -d /tmp/proaktiv-feel-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT

for f in "$build/bench/feel_bench" "$build/proaktiv"; do
  [[ -x $f ]] || { echo "missing $f: build it first (see bench/README.md)" >&2; exit 2; }
done
[[ -d bench/feelin/node_modules/feelin ]] || (cd bench/feelin && npm ci --no-audit --no-fund >&2)

echo "proaktiv: feel_bench ($reps repetitions of ≥ ${min_time}s each) …" >&2
"$build/bench/feel_bench" --benchmark_format=json --benchmark_repetitions="$reps" \
  --benchmark_report_aggregates_only=true --benchmark_min_time="$min_time" \
  >"$work/proaktiv.json"

for level in 2 3; do
  echo "proaktiv: TCK compliance level $level, evaluation timing …" >&2
  "$build/proaktiv" dmn tck "$tck/compliance-level-$level" --timing "$work/tck-$level.csv" \
    >"$work/tck-$level.txt" 2>"$work/tck-$level.err"
done

echo "feelin: bench.mjs ($reps repetitions of ≥ ${min_time}s each) …" >&2
node bench/feelin/bench.mjs --json --repetitions "$reps" \
  --min-ms "$(awk -v t="$min_time" 'BEGIN { print t * 1000 }')" >"$work/feelin.json"

node - "$work" <<'EOF'
const fs = require('fs');
const work = process.argv[2];
const unitNs = { ns: 1, us: 1e3, ms: 1e6, s: 1e9 };

// Our medians, in µs, by benchmark name ("eval/x_eq_21").
const ours = {};
for (const b of JSON.parse(fs.readFileSync(`${work}/proaktiv.json`, 'utf8')).benchmarks) {
  if (b.run_type === 'aggregate' && b.aggregate_name !== 'median') continue;
  ours[b.run_name] = (b.real_time * unitNs[b.time_unit]) / 1e3;
}
const peer = JSON.parse(fs.readFileSync(`${work}/feelin.json`, 'utf8'));

// TCK: per-case ns from both levels, nearest-rank percentiles.
const ns = [];
for (const level of [2, 3]) {
  for (const line of fs.readFileSync(`${work}/tck-${level}.csv`, 'utf8').split('\n')) {
    const m = line.match(/,([0-9.]+)$/);
    if (m) ns.push(Number(m[1]));
  }
}
ns.sort((a, b) => a - b);
const pct = (p) => ns[Math.max(1, Math.ceil((p / 100) * ns.length)) - 1] / 1e3;

const expressions = {
  x_eq_21: 'x = 21',
  if_adult: 'if age >= 18 then "adult" else "minor"',
  context_literal_100: '{k1: 1, …, k100: 100}.k100',
  context_input_100: 'ctx.k100 (ctx: 100-entry input)',
  sum_1000: 'sum(numbers) (1 000 numbers)',
  sort_1000: 'sort(numbers, function(x, y) x < y)[1000]',
  date_plus_duration: 'date("2024-02-29") + duration("P1Y")',
  datetime_minus_datetime: 'date and time(…@Europe/Oslo) - date and time(…Z)',
  unary_tests: 'unary tests "< 18, [65..100]" (? = 70)',
  decision_table_20: 'decision table, 20 rules (UNIQUE, 2 inputs)',
};
const fmt = (us) => (us >= 100 ? us.toFixed(0) : us >= 1 ? us.toFixed(2) : us.toFixed(3));
const widths = [-50, 10, 10, 11, 11, 7, 7];
const pad = (cols) =>
  cols.map((c, i) => (widths[i] < 0 ? String(c).padEnd(-widths[i]) : String(c).padStart(widths[i])))
    .join('  ');
console.log(`\nµs per call, medians; feelin ${peer.version} on node ${process.version}`);
console.log(pad(['expression', 'our parse', 'our eval', 'feelin prs', 'feelin eval', '× e2e', '× eval']));
let minE2e = Infinity, minEval = Infinity, logE2e = 0, logEval = 0, n = 0;
const notes = [];
for (const r of peer.results) {
  const parse = ours[`parse/${r.id}`], ev = ours[`eval/${r.id}`];
  if (parse === undefined || ev === undefined) continue;
  const feelinParse = r.parse_ns / 1e3, feelinEval = r.eval_ns / 1e3;
  const e2e = feelinEval / (parse + ev), evalRatio = feelinEval / ev;
  minE2e = Math.min(minE2e, e2e);
  minEval = Math.min(minEval, evalRatio);
  logE2e += Math.log(e2e);
  logEval += Math.log(evalRatio);
  n++;
  let label = expressions[r.id] || r.id;
  if (!r.correct) {
    label += ' *';
    notes.push(`* feelin's result differs: ${r.result}`);
  }
  console.log(pad([label, fmt(parse), fmt(ev), fmt(feelinParse), fmt(feelinEval),
    e2e.toFixed(0), evalRatio.toFixed(0)]));
}
console.log(`\n× e2e  = feelin evaluate (parses every call) / our (parse + eval)`);
console.log(`× eval = feelin evaluate / our eval of the compiled expression (how models run)`);
console.log(`our parse of the decision table = DmnModel::LoadFile (XML + compile)`);
for (const note of notes) console.log(note);
console.log(`\nTCK (levels 2 + 3, ${ns.length} cases, evaluation only, median of batches per case):` +
  ` p50 ${fmt(pct(50))} µs, p90 ${fmt(pct(90))} µs, p99 ${fmt(pct(99))} µs, max ${fmt(pct(100))} µs`);
for (const level of [2, 3]) {
  const text = fs.readFileSync(`${work}/tck-${level}.txt`, 'utf8').trim().split('\n');
  console.log(`  level ${level}: ${text.join('; ')}`);
}

const verdict = (ok) => (ok ? 'PASS' : 'MISS');
const x21 = ours['eval/x_eq_21'];
const p90 = pct(90);
const geo = (s) => Math.exp(s / n);
console.log('\ntargets (DESIGN.md "Performance targets"):');
const target = (name, figure, ok) =>
  console.log(`  ${name.padEnd(36)}${figure.padEnd(30)}${verdict(ok)}`);
target('x = 21 eval ≤ 0.1 µs', `${fmt(x21)} µs`, x21 <= 0.1);
target('TCK p90 ≤ 2 µs', `${fmt(p90)} µs`, p90 <= 2);
target('≥ 20× feelin, every expr (× eval)',
  `min ${minEval.toFixed(0)}×, geomean ${geo(logEval).toFixed(0)}×`, minEval >= 20);
target('≥ 20× feelin, every expr (× e2e)',
  `min ${minE2e.toFixed(0)}×, geomean ${geo(logE2e).toFixed(0)}×`, minE2e >= 20);
EOF
