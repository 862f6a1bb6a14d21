// Peer benchmark: the expressions of bench/feel_bench.cc, with the same inputs and ids, through
// feelin (the FEEL interpreter of bpmn.io, pinned in package.json).
//
// feelin's public API has no compiled form: `evaluate(text, context)` / `unaryTest(text,
// context)` parse the text, build the interpreter's closure tree and run it on every call (and
// deep-copy the context through coerceContext). So "eval" here is end to end. `parseExpression`
// / `parseUnaryTests` (exported) give the parse step alone, reported as "parse".
//
// The 20-rule decision table (feelin has no DMN layer) is emulated the way a DMN engine built on
// feelin evaluates a UNIQUE table: evaluate each input expression, then the rules' input entries
// with unaryTest (stopping a rule at its first false entry), then the matching rule's output.
//
//   node bench.mjs [--json] [--min-ms 200] [--repetitions 5] [--filter ID]
// Prints one line per case (median ns per call over the repetitions), or JSON with --json.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { evaluate, unaryTest, parseExpression, parseUnaryTests } from 'feelin';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const asJson = args.includes('--json');
const minMs = Number(option('--min-ms', 200));
const repetitions = Number(option('--repetitions', 5));
const filter = option('--filter', '');

// The same inputs as feel_bench.cc.
const numbers = Array.from({ length: 1000 }, (_, i) => (i * 7919) % 1009);
const numbersSum = numbers.reduce((a, b) => a + b, 0);
const ctx100 = {};
for (let i = 1; i <= 100; i++) ctx100['k' + i] = i;
const literal100 = '{' + Array.from({ length: 100 }, (_, i) => `k${i + 1}: ${i + 1}`).join(', ') + '}';

const cases = [
  { id: 'x_eq_21', text: 'x = 21', context: { x: 21 }, expected: 'true' },
  {
    id: 'if_adult',
    text: 'if age >= 18 then "adult" else "minor"',
    context: { age: 42 },
    expected: 'adult',
  },
  { id: 'context_literal_100', text: literal100 + '.k100', context: {}, expected: '100' },
  { id: 'context_input_100', text: 'ctx.k100', context: { ctx: ctx100 }, expected: '100' },
  { id: 'sum_1000', text: 'sum(numbers)', context: { numbers }, expected: String(numbersSum) },
  {
    id: 'sort_1000',
    text: 'sort(numbers, function(x, y) x < y)[1000]',
    context: { numbers },
    expected: '1008',
  },
  {
    id: 'date_plus_duration',
    text: 'date("2024-02-29") + duration("P1Y")',
    context: {},
    expected: '2025-02-28',
  },
  {
    id: 'datetime_minus_datetime',
    text:
      'date and time("2024-06-20T09:26:03@Europe/Oslo") - ' +
      'date and time("2024-01-01T00:00:00Z")',
    context: {},
    expected: 'P171DT7H26M3S',
  },
  { id: 'unary_tests', text: '< 18, [65..100]', unary: true, context: { '?': 70 }, expected: 'true' },
];

// bench/data/decision_table_20.dmn: input expressions, rules (input entries, output entry).
function loadTable(path) {
  const xml = readFileSync(path, 'utf8');
  const unescape = (s) =>
    s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
  const texts = (re, s) => [...s.matchAll(re)].map((m) => unescape(m[1]));
  const inputs = texts(/<inputExpression[^>]*><text>(.*?)<\/text>/g, xml);
  const rules = [...xml.matchAll(/<rule\b[\s\S]*?<\/rule>/g)].map((m) => ({
    entries: texts(/<inputEntry[^>]*><text>(.*?)<\/text>/g, m[0]),
    output: texts(/<outputEntry[^>]*><text>(.*?)<\/text>/g, m[0])[0],
  }));
  return { inputs, rules };
}

const table = loadTable(join(here, '..', 'data', 'decision_table_20.dmn'));

function evaluateTable(context) {
  const values = table.inputs.map((text) => evaluate(text, context).value);
  let hit = null;
  for (const rule of table.rules) {
    let matches = true;
    for (let i = 0; i < values.length && matches; i++) {
      matches = unaryTest(rule.entries[i], { '?': values[i] }).value === true;
    }
    if (matches) {
      if (hit) return null; // UNIQUE violated
      hit = rule;
    }
  }
  return hit ? evaluate(hit.output, context).value : null;
}

function parseTable(context) {
  const trees = table.inputs.map((text) => parseExpression(text, context));
  for (const rule of table.rules) {
    for (const entry of rule.entries) trees.push(parseUnaryTests(entry, {}));
    trees.push(parseExpression(rule.output, context));
  }
  return trees;
}

cases.push({
  id: 'decision_table_20',
  table: true,
  context: { Age: 45, Income: 72000 },
  expected: 'C3',
});

let sink;
// Median ns per call of fn over `repetitions` runs of at least `minMs` each (after warm-up).
function time(fn) {
  const warmUntil = process.hrtime.bigint() + BigInt(Math.round(minMs * 1e6));
  while (process.hrtime.bigint() < warmUntil) sink = fn(); // JIT warm-up
  let n = 1;
  for (;;) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < n; i++) sink = fn();
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (ms >= minMs / 4) {
      n = Math.max(1, Math.ceil((n * minMs) / ms));
      break;
    }
    n *= 2;
  }
  const perCall = [];
  for (let r = 0; r < repetitions; r++) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < n; i++) sink = fn();
    perCall.push(Number(process.hrtime.bigint() - t0) / n);
  }
  perCall.sort((a, b) => a - b);
  return perCall[Math.floor(perCall.length / 2)];
}

const results = [];
for (const c of cases) {
  if (filter && !c.id.includes(filter)) continue;
  let run, parse;
  if (c.table) {
    run = () => evaluateTable(c.context);
    parse = () => parseTable(c.context);
  } else if (c.unary) {
    run = () => unaryTest(c.text, c.context).value;
    parse = () => parseUnaryTests(c.text, c.context);
  } else {
    run = () => evaluate(c.text, c.context).value;
    parse = () => parseExpression(c.text, c.context);
  }
  const result = String(run());
  const parseNs = time(parse);
  const evalNs = time(run);
  results.push({
    id: c.id,
    parse_ns: parseNs,
    eval_ns: evalNs,
    result,
    correct: result === c.expected,
  });
}

if (asJson) {
  console.log(JSON.stringify({ peer: 'feelin', version: feelinVersion(), results }, null, 2));
} else {
  console.log(`feelin ${feelinVersion()}: median ns per call (eval = parse + build + run)`);
  for (const r of results) {
    console.log(
      `${r.id.padEnd(26)} parse ${r.parse_ns.toFixed(0).padStart(10)}  eval ${r.eval_ns
        .toFixed(0)
        .padStart(10)}  ${r.correct ? '' : 'WRONG RESULT ' + r.result}`,
    );
  }
}

function feelinVersion() {
  const pkg = join(here, 'node_modules', 'feelin', 'package.json');
  return JSON.parse(readFileSync(pkg, 'utf8')).version;
}
