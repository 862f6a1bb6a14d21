#!/usr/bin/env node
// Test data for the consent tests against the real stack (tests/e2e/e2e.sh): acts as a data
// consumer the way docs/openapi.yaml describes it, with node's own crypto.
//
//   node tests/e2e/consent-setup.mjs keygen KEY.pem
//       a new Ed25519 key: KEY.pem (PKCS#8, 0600) and KEY.pub.pem (SubjectPublicKeyInfo), the
//       public half for `proaktiv consumer add`.
//   node tests/e2e/consent-setup.mjs request --base URL --key KEY.pem --org ORGNR --person PID
//       [--count 3] [--purpose credit-assessment] [--items a,b,c] [--aud URL/oauth/token]
//       a client assertion (RFC 7523, EdDSA) → POST /oauth/token (scope consent-requests) →
//       `count` × POST /api/v1/consumer/consent-requests for the person. Prints the ids.
//
// The identity number is sent in the request body only and never printed.
import { createPrivateKey, generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';

const [command, ...rest] = process.argv.slice(2);
const opt = Object.fromEntries(rest.reduce((acc, a, i, all) => (a.startsWith('--') ? [...acc, [a.slice(2), all[i + 1]]] : acc), []));
const fail = (msg) => {
  console.error(`consent-setup: ${msg}`);
  process.exit(1);
};

if (command === 'keygen') {
  const file = rest[0] ?? fail('keygen needs a file name');
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
  writeFileSync(file.replace(/\.pem$/, '') + '.pub.pem', publicKey.export({ type: 'spki', format: 'pem' }));
  console.log(`consent-setup: wrote ${file} and its .pub.pem`);
  process.exit(0);
}
if (command !== 'request') fail('usage: keygen KEY.pem | request --base URL --key KEY.pem --org ORGNR --person PID');

for (const k of ['base', 'key', 'org', 'person']) if (!opt[k]) fail(`--${k} is required`);
const base = opt.base.replace(/\/$/, '');
const key = createPrivateKey(readFileSync(opt.key));
const b64url = (x) => Buffer.from(typeof x === 'string' ? x : JSON.stringify(x)).toString('base64url');

function clientAssertion() {
  const now = Math.floor(Date.now() / 1000);
  const head = b64url({ alg: 'EdDSA', typ: 'JWT' });
  const body = b64url({ iss: opt.org, sub: opt.org, aud: opt.aud ?? `${base}/oauth/token`, iat: now, exp: now + 60, jti: randomBytes(16).toString('hex') });
  const sig = sign(null, Buffer.from(`${head}.${body}`), key).toString('base64url');
  return `${head}.${body}.${sig}`;
}

const tokenRes = await fetch(`${base}/oauth/token`, {
  method: 'POST',
  headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams({
    grant_type: 'client_credentials',
    client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
    client_assertion: clientAssertion(),
    client_id: opt.org,
    scope: 'consent-requests',
  }),
});
const token = await tokenRes.json().catch(() => ({}));
if (!tokenRes.ok || !token.access_token) fail(`POST /oauth/token → ${tokenRes.status}: ${JSON.stringify(token).slice(0, 300)}`);

const items = (opt.items ?? 'person.name,person.birth_date,person.residence.address').split(',');
const count = Number(opt.count ?? 3);
const validTo = new Date(Date.now() + 90 * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
for (let i = 0; i < count; i++) {
  const res = await fetch(`${base}/api/v1/consumer/consent-requests`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token.access_token}`, 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({
      person: opt.person,
      items,
      purpose: opt.purpose ?? 'credit-assessment',
      valid_to: validTo,
      single_use: i === 1,
      message: {
        nb: `E2E-test ${i + 1}: vi ber om å få hente opplysninger for å behandle søknaden din om lån.`,
        nn: `E2E-test ${i + 1}: vi ber om å få hente opplysningar for å handsame søknaden din om lån.`,
        en: `E2E test ${i + 1}: we ask to fetch data to process your loan application.`,
      },
    }),
  });
  const body = await res.json().catch(() => ({}));
  if (res.status !== 201) fail(`POST /api/v1/consumer/consent-requests → ${res.status}: ${JSON.stringify(body).slice(0, 300)}`);
  console.log(`consent-setup: consent request ${body.id} (${body.state})`);
}
