#!/usr/bin/env node
// Runs the browser tests against a running server.
//
//   BASE_URL=http://127.0.0.1:8080 E2E_CITIZEN_PID=… E2E_ADMIN_KEY=… node tests/e2e/run.mjs [filter]
//
// Environment: see README.md (every variable has a default that fits web/dev/mock-api.mjs).
// An optional argument runs only the tests whose name contains it. Prints one line per test,
// the axe-core results per page, and a closing "e2e: N passed, N failed" line; exits non-zero
// when a test failed.
import { config, launch } from './lib.mjs';
import { TESTS } from './tests.mjs';

const filter = process.argv[2] ?? '';

async function reachable() {
  try {
    const r = await fetch(`${config.baseUrl}/api/v1/session`);
    return r.ok;
  } catch {
    return false;
  }
}

if (!(await reachable())) {
  console.error(`e2e: ${config.baseUrl}/api/v1/session is not reachable; start the server (or run run-with-mock.mjs).`);
  console.log('e2e: 0 passed, 1 failed');
  process.exit(1);
}

console.log(`e2e: ${config.baseUrl} with chromium ${config.chromium}`);
const browser = await launch();
const axe = [];
let passed = 0;
let failed = 0;
for (const [name, fn] of TESTS) {
  if (filter && !name.includes(filter)) continue;
  const t0 = Date.now();
  try {
    await fn(browser, axe);
    passed++;
    console.log(`ok   ${name} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  } catch (e) {
    failed++;
    console.log(`FAIL ${name} (${((Date.now() - t0) / 1000).toFixed(1)} s)\n     ${String(e?.stack ?? e).split('\n').join('\n     ')}`);
  }
}
await browser.close();

if (axe.length > 0) {
  console.log('\naxe-core (tags wcag2a, wcag2aa, wcag21a, wcag21aa, best-practice):');
  for (const a of axe) console.log(`  ${String(a.violations).padStart(2)} violations, ${String(a.passes).padStart(2)} rules passed  ${a.page}  ${a.url}`);
}
if (passed + failed === 0) {
  console.log(`\ne2e: no test matches "${filter}"`);
  process.exit(1);
}
console.log(`\ne2e: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
