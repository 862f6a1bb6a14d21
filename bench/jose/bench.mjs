// Peer benchmark: the access tokens bench/consent_bench exports (EdDSA, typ at+jwt), verified
// by jose's jwtVerify with the same checks proaktiv makes (signature, typ, issuer, audience,
// lifetime), on `--threads` worker threads (node's equivalent of our threads).
//
//   node bench.mjs --dir DIR [--threads 1] [--ms 2000] [--json]
// DIR holds tokens.txt, jwks.json and claims.json from `consent_bench --export DIR`.

import { readFileSync } from 'node:fs';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { importJWK, jwtVerify } from 'jose';

async function run({ dir, ms, offset }) {
  const tokens = readFileSync(`${dir}/tokens.txt`, 'utf8').trim().split('\n');
  const jwk = JSON.parse(readFileSync(`${dir}/jwks.json`, 'utf8')).keys[0];
  const { issuer, audience } = JSON.parse(readFileSync(`${dir}/claims.json`, 'utf8'));
  const key = await importJWK(jwk, 'EdDSA');
  const options = { issuer, audience, typ: 'at+jwt', algorithms: ['EdDSA'] };
  // Checked before timing.
  const { payload } = await jwtVerify(tokens[0], key, options);
  if (!payload.authorization_details) throw new Error('unexpected payload');
  let n = 0;
  let i = offset;
  const start = performance.now();
  let now = start;
  while (now - start < ms) {
    for (let k = 0; k < 100; k++) await jwtVerify(tokens[i++ % tokens.length], key, options);
    n += 100;
    now = performance.now();
  }
  return { verifications: n, seconds: (now - start) / 1000 };
}

if (isMainThread) {
  const args = process.argv.slice(2);
  const option = (name, fallback) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : fallback;
  };
  const dir = option('--dir', '.');
  const threads = Number(option('--threads', 1));
  const ms = Number(option('--ms', 2000));
  const results = await Promise.all(
    Array.from({ length: threads }, (_, t) => new Promise((resolve, reject) => {
      const w = new Worker(new URL(import.meta.url), { workerData: { dir, ms, offset: t * 7 } });
      w.on('message', resolve);
      w.on('error', reject);
    })));
  const perSecond = results.reduce((sum, r) => sum + r.verifications / r.seconds, 0);
  const version = JSON.parse(
    readFileSync(new URL('./node_modules/jose/package.json', import.meta.url), 'utf8')).version;
  const out = { jose: version, node: process.version, threads, per_second: perSecond };
  console.log(args.includes('--json') ? JSON.stringify(out)
    : `jose ${version}: ${threads} thread(s), ${perSecond.toFixed(0)} verifications/s`);
} else {
  parentPort.postMessage(await run(workerData));
}
