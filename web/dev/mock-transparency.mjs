// DEVELOPMENT ONLY — the transparency log of dev/mock-api.mjs: synthetic access records as
// canonical-JSON entries (src/audit/entry.h key order), each committed as SHA-256(salt ‖ entry)
// into an RFC 9162 Merkle tree, with an Ed25519-signed checkpoint in the C2SP signed-note shape
// (src/audit/checkpoint.h). Proofs are real, so the portal's in-browser check runs against it.
// The key is made at start; state lives in memory.
import { createHash, generateKeyPairSync, randomBytes, sign } from 'node:crypto';

const ORIGIN = 'proaktiv/transparency-log';
const sha = (...parts) => createHash('sha256').update(Buffer.concat(parts)).digest();
const leafHash = (data) => sha(Buffer.from([0]), data);
const nodeHash = (l, r) => sha(Buffer.from([1]), l, r);
const largestPow2Below = (n) => {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
};
function mth(leaves, lo, hi) {
  if (hi - lo === 0) return sha();
  if (hi - lo === 1) return leafHash(leaves[lo]);
  const k = largestPow2Below(hi - lo);
  return nodeHash(mth(leaves, lo, lo + k), mth(leaves, lo + k, hi));
}
function inclusion(leaves, m, lo, hi) {
  if (hi - lo <= 1) return [];
  const k = largestPow2Below(hi - lo);
  return m < k
    ? [...inclusion(leaves, m, lo, lo + k), mth(leaves, lo + k, hi)]
    : [...inclusion(leaves, m - k, lo + k, hi), mth(leaves, lo, lo + k)];
}
function subproof(leaves, m, lo, hi, b) {
  const n = hi - lo;
  if (m === n) return b ? [] : [mth(leaves, lo, hi)];
  const k = largestPow2Below(n);
  return m <= k
    ? [...subproof(leaves, m, lo, lo + k, b), mth(leaves, lo + k, hi)]
    : [...subproof(leaves, m - k, lo + k, hi, false), mth(leaves, lo, lo + k)];
}

const { publicKey, privateKey } = generateKeyPairSync('ed25519');
const PUBLIC_KEY = Buffer.from(publicKey.export({ format: 'jwk' }).x, 'base64url');
const KEY_ID = sha(Buffer.from(`${ORIGIN}\n`), Buffer.from([1]), PUBLIC_KEY).subarray(0, 4);

const log = []; // {seq, pid|null, entry, salt, commitment}
let checkpoint = null; // {tree_size, root, time_unix_ms, note, signature}

function append(pid, subjectKey, r) {
  const seq = log.length;
  const entry = JSON.stringify({
    seq, time_unix_ms: r.time, actor_kind: r.kind, actor_id: r.id, actor_name: r.name, subject_key: subjectKey,
    items: r.items, purpose: r.purpose, legal_basis: r.basis, reference: r.reference,
  });
  const salt = randomBytes(32);
  log.push({ seq, pid, entry, salt, commitment: sha(salt, Buffer.from(entry, 'utf8')) });
}

function signCheckpoint() {
  const leaves = log.map((e) => e.commitment);
  const root = mth(leaves, 0, leaves.length);
  const time = Date.now();
  const body = `${ORIGIN}\n${leaves.length}\n${root.toString('base64')}\ntime ${time}\n`;
  const signature = sign(null, Buffer.from(body), privateKey);
  checkpoint = {
    tree_size: leaves.length, root, time_unix_ms: time, signature,
    note: `${body}\n\u2014 ${ORIGIN} ${Buffer.concat([KEY_ID, signature]).toString('base64')}\n`,
  };
}

function checkpointOut() {
  return {
    origin: ORIGIN, tree_size: checkpoint.tree_size, root_hash: checkpoint.root.toString('base64'),
    time: new Date(checkpoint.time_unix_ms).toISOString(), time_unix_ms: checkpoint.time_unix_ms, note: checkpoint.note,
    signature: checkpoint.signature.toString('base64'), key_id: KEY_ID.toString('base64'), public_key: PUBLIC_KEY.toString('base64'),
  };
}

function view(e) {
  const r = JSON.parse(e.entry);
  return {
    seq: r.seq, time: new Date(r.time_unix_ms).toISOString(), time_unix_ms: r.time_unix_ms,
    actor: { kind: r.actor_kind, id: r.actor_id, name: r.actor_name }, items: r.items, purpose: r.purpose,
    legal_basis: r.legal_basis, reference: r.reference,
  };
}

// The seed: reads of the two test citizens' data among other persons' reads. `consents` maps a
// pid to its consents (the active consent's consumer fetched data).
export function seedTransparency(citizens, consentsByPid) {
  const engine = { kind: 'engine', id: 'proaktiv-engine', name: 'Proaktiv (kommunens system)' };
  const caseworker = { kind: 'caseworker', id: 'sb-4601-017', name: 'Saksbehandler, Bergen kommune' };
  const keys = new Map([...citizens.keys()].map((pid, i) => [pid, 1001 + i]));
  const start = Date.UTC(2025, 9, 20, 8, 0, 0);
  const kari = '05058012345';
  const ola = '24124512345';
  const dnb = (consentsByPid.get(kari) ?? []).find((c) => c.state === 'accepted');
  const kariReads = [
    { ...engine, items: ['person.name', 'person.residence.address'], purpose: 'welcome-information', basis: 'kommuneloven § 4-2', reference: 'offer:103' },
    { ...engine, items: ['person.name', 'person.parental_responsibility', 'person.residence.address'], purpose: 'sfo-offer', basis: 'opplæringslova § 13-7', reference: 'offer:102' },
    { ...engine, items: ['person.name', 'person.parental_responsibility', 'person.residence.address'], purpose: 'kindergarten-offer', basis: 'barnehageloven § 16', reference: 'offer:101' },
    { ...caseworker, items: ['person.name', 'person.residence.address'], purpose: 'kindergarten-offer', basis: 'barnehageloven § 16', reference: 'offer:101' },
  ];
  let t = start;
  for (let i = 0; i < 34; i++) {
    t += (9 + (i * 7) % 31) * 3600_000;
    // Other persons' reads between ours keep the tree irregular.
    append(null, 5000 + i, { ...engine, time: t - 600_000, items: ['person.birth_date'], purpose: 'school-start', basis: 'opplæringslova § 2-1', reference: `decision:school-start/${2026 + (i % 2)}` });
    if (i % 5 === 3) append(ola, keys.get(ola), { ...engine, time: t - 300_000, items: ['person.name', 'person.birth_date'], purpose: 'senior-home-visit', basis: 'helse- og omsorgstjenesteloven § 3-3', reference: 'offer:201' });
    if (i < 24) {
      const read = i >= 20 && dnb
        ? { kind: 'consumer', id: dnb.consumer.organisation_number, name: dnb.consumer.name, items: dnb.items, purpose: dnb.purpose, basis: 'consent', reference: `consent:${dnb.id}` }
        : kariReads[i % kariReads.length];
      append(kari, keys.get(kari), { ...read, time: t });
    }
  }
  signCheckpoint();
}

const int = (v) => (v !== null && /^\d+$/.test(v) ? Number(v) : undefined);

// GET /api/v1/me/access-log[?before&limit] and GET /api/v1/me/access-log/{seq}/proof.
export function accessLogRoute(req, res, url, pid, { json, problem }) {
  const p = url.pathname;
  if (req.method !== 'GET') return false;
  if (p === '/api/v1/me/access-log') {
    const before = url.searchParams.get('before');
    const limitText = url.searchParams.get('limit');
    if (before !== null && int(before) === undefined) return problem(res, 422, 'invalid-parameter', `before '${before}' is not a non-negative integer`), true;
    const limit = limitText === null ? 20 : int(limitText);
    if (limit === undefined || limit < 1 || limit > 100) return problem(res, 422, 'invalid-parameter', `limit ${limitText} is not 1–100`), true;
    const mine = log.filter((e) => e.pid === pid).reverse();
    const page = mine.filter((e) => before === null || e.seq < Number(before)).slice(0, limit + 1);
    const next = page.length > limit ? page[limit - 1].seq : null;
    json(res, 200, { entries: page.slice(0, limit).map(view), total: mine.length, next_before: next });
    return true;
  }
  const m = /^\/api\/v1\/me\/access-log\/([^/]+)\/proof$/.exec(p);
  if (!m) return false;
  const seq = int(m[1]);
  if (seq === undefined) return problem(res, 422, 'invalid-parameter', `seq '${m[1]}' is not a non-negative integer`), true;
  const e = log[seq];
  if (!e || e.pid !== pid) return problem(res, 404, 'not-found', `access log entry ${seq}`), true;
  if (checkpoint.tree_size <= seq) signCheckpoint();
  const leaves = log.slice(0, checkpoint.tree_size).map((x) => x.commitment);
  json(res, 200, {
    seq, entry: e.entry, record: view(e), salt: e.salt.toString('base64'), commitment: e.commitment.toString('base64'),
    leaf_hash: leafHash(e.commitment).toString('base64'), tree_size: checkpoint.tree_size,
    inclusion_proof: inclusion(leaves, seq, 0, leaves.length).map((h) => h.toString('base64')), checkpoint: checkpointOut(),
  });
  return true;
}

// GET /api/v1/transparency/checkpoint and …/consistency (no log-in).
export function transparencyRoute(req, res, url, { json, problem }) {
  if (url.pathname === '/api/v1/transparency/checkpoint') {
    return json(res, 200, { checkpoint: checkpointOut(), public_key: PUBLIC_KEY.toString('base64'), algorithm: 'Ed25519' });
  }
  if (url.pathname === '/api/v1/transparency/consistency') {
    const from = int(url.searchParams.get('from'));
    const to = int(url.searchParams.get('to'));
    if (from === undefined || to === undefined || from > to || to > log.length)
      return problem(res, 422, 'invalid-parameter', `from and to must satisfy 0 ≤ from ≤ to ≤ ${log.length}`);
    const leaves = log.map((e) => e.commitment);
    const proof = from === 0 || from === to ? [] : subproof(leaves, from, 0, to, true);
    return json(res, 200, { from, to, from_root: mth(leaves, 0, from).toString('base64'), to_root: mth(leaves, 0, to).toString('base64'), proof: proof.map((h) => h.toString('base64')) });
  }
  return problem(res, 404, 'not-found', `No route ${req.method} ${url.pathname}.`);
}
