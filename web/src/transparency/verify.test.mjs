// Unit test of verify.ts (the in-browser inclusion check), run by node:
//
//   cd web && npm run test:unit        (= node --test src/transparency/verify.test.mjs)
//
// The fixture is computed here by an independent implementation on node:crypto (createHash,
// Ed25519 sign): RFC 9162 MTH and PATH written as the RFC's recursive definitions, the
// commitment SHA-256(salt ‖ entry), and a C2SP signed note. verify.ts (WebCrypto, the
// iterative §2.1.3.2 walk) must accept every leaf of several tree sizes and reject each kind
// of tampering. verify.ts is transpiled with esbuild (a Vite dependency) and imported.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { transformSync } from 'esbuild';

const source = readFileSync(new URL('./verify.ts', import.meta.url), 'utf8');
const { code } = transformSync(source, { loader: 'ts', format: 'esm', target: 'es2022' });
const { verifyInclusion } = await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);

// ---- independent reference implementation ----
const sha = (...parts) => createHash('sha256').update(Buffer.concat(parts)).digest();
const leafHash = (data) => sha(Buffer.from([0]), data);
const nodeHash = (l, r) => sha(Buffer.from([1]), l, r);
const split = (n) => {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k; // the largest power of two smaller than n
};
function mth(leaves) {
  if (leaves.length === 0) return sha();
  if (leaves.length === 1) return leafHash(leaves[0]);
  const k = split(leaves.length);
  return nodeHash(mth(leaves.slice(0, k)), mth(leaves.slice(k)));
}
function path(m, leaves) {
  if (leaves.length <= 1) return [];
  const k = split(leaves.length);
  return m < k ? [...path(m, leaves.slice(0, k)), mth(leaves.slice(k))] : [...path(m - k, leaves.slice(k)), mth(leaves.slice(0, k))];
}
const ORIGIN = 'proaktiv/transparency-log';
function keyPair() {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const raw = Buffer.from(publicKey.export({ format: 'jwk' }).x, 'base64url');
  return { raw, privateKey };
}
function signedNote(size, root, timeMs, key, origin = ORIGIN) {
  const body = `${origin}\n${size}\n${root.toString('base64')}\ntime ${timeMs}\n`;
  const keyId = sha(Buffer.from(`${origin}\n`), Buffer.from([1]), key.raw).subarray(0, 4);
  const sig = sign(null, Buffer.from(body), key.privateKey);
  return `${body}\n\u2014 ${origin} ${Buffer.concat([keyId, sig]).toString('base64')}\n`;
}
function entryJson(seq) {
  // The key order of src/audit/entry.h; æøå to exercise UTF-8.
  return JSON.stringify({
    seq, time_unix_ms: 1767225600000 + seq * 60000, actor_kind: 'engine', actor_id: 'proaktiv-engine',
    actor_name: 'Kommunen (saksbehandling)', subject_key: 7 + (seq % 3), items: ['person.name', 'person.birth_date'],
    purpose: 'kindergarten-offer', legal_basis: 'barnehageloven § 16 – særlige grunner', reference: `offer:${100 + seq}`,
  });
}
// A log of `size` entries and the proof document for entry `seq`, as the server sends it.
function fixture(size, seq, key = keyPair()) {
  const salts = Array.from({ length: size }, () => randomBytes(32));
  const entries = Array.from({ length: size }, (_, i) => entryJson(i));
  const commitments = entries.map((e, i) => sha(salts[i], Buffer.from(e, 'utf8')));
  const root = mth(commitments);
  const time = 1767312000123;
  return {
    key,
    proof: {
      seq, entry: entries[seq], salt: salts[seq].toString('base64'), commitment: commitments[seq].toString('base64'),
      leaf_hash: leafHash(commitments[seq]).toString('base64'), tree_size: size,
      inclusion_proof: path(seq, commitments).map((h) => h.toString('base64')),
      checkpoint: {
        origin: ORIGIN, tree_size: size, root_hash: root.toString('base64'), time_unix_ms: time,
        note: signedNote(size, root, time, key), public_key: key.raw.toString('base64'),
      },
    },
  };
}
const listedOf = (p) => {
  const e = JSON.parse(p.entry);
  return { seq: e.seq, time_unix_ms: e.time_unix_ms, actor: { kind: e.actor_kind, id: e.actor_id, name: e.actor_name }, items: e.items, purpose: e.purpose, legal_basis: e.legal_basis, reference: e.reference };
};
const failed = (v) => v.steps.filter((s) => s.status === 'failed').map((s) => `${s.id}:${s.reason}`);

// ---- tests ----
test('every leaf of trees of 1 to 17 leaves verifies, signature included', async () => {
  const key = keyPair();
  for (const size of [1, 2, 3, 4, 5, 6, 7, 8, 9, 13, 16, 17]) {
    for (let seq = 0; seq < size; seq++) {
      const { proof } = fixture(size, seq, key);
      const v = await verifyInclusion(proof, { listed: listedOf(proof), publishedKey: proof.checkpoint.public_key });
      assert.deepEqual(failed(v), [], `size ${size} seq ${seq}`);
      assert.equal(v.verified, true);
      assert.equal(v.signature, 'valid');
      assert.equal(v.computedRoot, proof.checkpoint.root_hash);
    }
  }
});

test('a changed entry text fails the commitment (and so the path)', async () => {
  const { proof } = fixture(11, 6);
  proof.entry = proof.entry.replace('kindergarten-offer', 'kindergarten-offeR');
  const v = await verifyInclusion(proof);
  assert.equal(v.verified, false);
  assert.deepEqual(failed(v), ['commitment:commitment-mismatch', 'leaf:leaf-hash-mismatch', 'path:root-mismatch']);
});

test('a changed salt fails the commitment', async () => {
  const { proof } = fixture(5, 4);
  proof.salt = randomBytes(32).toString('base64');
  const v = await verifyInclusion(proof);
  assert.equal(v.verified, false);
  assert.ok(failed(v).includes('commitment:commitment-mismatch'));
});

test('a changed path node, a moved index and a short or long path fail', async () => {
  const { proof } = fixture(13, 9);
  const bad = structuredClone(proof);
  const node = Buffer.from(bad.inclusion_proof[1], 'base64');
  node[0] ^= 1;
  bad.inclusion_proof[1] = node.toString('base64');
  assert.deepEqual(failed(await verifyInclusion(bad)), ['path:root-mismatch']);

  // The same commitment claimed at another place: the entry's seq no longer matches either.
  const moved = structuredClone(proof);
  moved.seq = 8;
  assert.deepEqual(failed(await verifyInclusion(moved)), ['entry:entry-seq-mismatch', 'path:root-mismatch']);

  const short = structuredClone(proof);
  short.inclusion_proof.pop();
  assert.deepEqual(failed(await verifyInclusion(short)), ['path:path-too-short']);
  const long = structuredClone(proof);
  long.inclusion_proof.push(long.inclusion_proof[0]);
  assert.deepEqual(failed(await verifyInclusion(long)), ['path:path-too-long']);

  const outside = structuredClone(proof);
  outside.tree_size = 9;
  outside.checkpoint.tree_size = 9;
  assert.ok(failed(await verifyInclusion(outside)).includes('path:index-out-of-range'));
});

test('a checkpoint root the note does not sign, or signed by another key, fails', async () => {
  const { proof } = fixture(6, 2);
  // The server claims another root in the JSON than the one signed in the note.
  const other = fixture(6, 2);
  const swapped = structuredClone(proof);
  swapped.checkpoint.root_hash = other.proof.checkpoint.root_hash;
  const v = await verifyInclusion(swapped);
  assert.ok(failed(v).includes('path:root-mismatch'));
  assert.ok(failed(v).includes('checkpoint:note-mismatch'));

  // A note re-signed by an impostor's key but presented with the log's public key.
  const impostor = keyPair();
  const forged = structuredClone(proof);
  forged.checkpoint.note = signedNote(6, Buffer.from(proof.checkpoint.root_hash, 'base64'), proof.checkpoint.time_unix_ms, impostor);
  assert.deepEqual(failed(await verifyInclusion(forged)), ['signature:key-id-mismatch']);

  // The right key id but a wrong signature byte.
  const flipped = structuredClone(proof);
  const [body, line] = flipped.checkpoint.note.split('\n\n');
  const blob = Buffer.from(line.trim().split(' ').pop(), 'base64');
  blob[10] ^= 0x40;
  flipped.checkpoint.note = `${body}\n\n\u2014 ${ORIGIN} ${blob.toString('base64')}\n`;
  const f = await verifyInclusion(flipped);
  assert.deepEqual(failed(f), ['signature:signature-invalid']);
  assert.equal(f.signature, 'invalid');
  assert.equal(f.verified, false);

  // A key other than the published one.
  assert.deepEqual(failed(await verifyInclusion(proof, { publishedKey: impostor.raw.toString('base64') })), ['signature:key-not-published']);
});

test('an entry that differs from the listed one fails', async () => {
  const { proof } = fixture(4, 1);
  const listed = listedOf(proof);
  listed.purpose = 'something-else';
  assert.deepEqual(failed(await verifyInclusion(proof, { listed })), ['entry:entry-differs-from-list']);
});

test('without Ed25519 in WebCrypto the signature is skipped, not failed', async () => {
  const { proof } = fixture(7, 3);
  const real = globalThis.crypto.subtle;
  const noEd25519 = {
    digest: (...a) => real.digest(...a),
    verify: (...a) => real.verify(...a),
    importKey: async (format, key, alg, ...rest) => {
      if ((alg?.name ?? alg) === 'Ed25519') throw new DOMException('Algorithm: Unrecognized name', 'NotSupportedError');
      return real.importKey(format, key, alg, ...rest);
    },
  };
  const v = await verifyInclusion(proof, { subtle: noEd25519 });
  assert.equal(v.verified, true);
  assert.equal(v.signature, 'unsupported');
  assert.equal(v.steps.find((s) => s.id === 'signature').status, 'skipped');
});
