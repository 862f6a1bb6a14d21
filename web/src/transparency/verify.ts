// Verifies, on the citizen's own machine, that an access-log entry is in the transparency log
// the operator signed (GET /api/v1/me/access-log/{seq}/proof; docs/openapi.yaml):
//
//   1. entry       the stored entry text is JSON whose seq is the proof's (and, when the caller
//                  passes the entry it listed, whose fields are those shown);
//   2. commitment  SHA-256(salt ‖ entry bytes) equals `commitment`;
//   3. leaf        SHA-256(0x00 ‖ commitment) (RFC 9162 §2.1.1) equals `leaf_hash` when given;
//   4. path        RFC 9162 §2.1.3.2 over (seq, tree_size, leaf hash, inclusion_proof), inner
//                  nodes SHA-256(0x01 ‖ left ‖ right), ends at the checkpoint's root hash;
//   5. checkpoint  the signed note's body (origin, size, root, "time <ms>") says the same as the
//                  checkpoint's fields and the proof's tree size;
//   6. signature   Ed25519 over the note body with the checkpoint's public key, whose key id
//                  (SHA-256(origin ‖ "\n" ‖ 0x01 ‖ key)[0:4]) the signature line carries, and
//                  which equals the separately published key when the caller passes one.
//                  Skipped (not failed) when this browser's WebCrypto has no Ed25519.
//
// Only WebCrypto (crypto.subtle) is used, so the same code runs in the browser and in node
// (web/src/transparency/verify.test.mjs). No state; safe to call concurrently.

export type StepId = 'entry' | 'commitment' | 'leaf' | 'path' | 'checkpoint' | 'signature';
export type StepStatus = 'ok' | 'failed' | 'skipped';

// `reason` is a stable code the UI turns into a sentence; `detail` holds the values compared.
export interface Step {
  id: StepId;
  status: StepStatus;
  reason?: string;
  detail?: Record<string, string | number>;
}

export interface Verification {
  // The entry is proven to be in the checkpoint's tree and nothing checked failed (a signature
  // that could not be checked in this browser does not count as failed).
  verified: boolean;
  signature: 'valid' | 'invalid' | 'unsupported';
  steps: Step[];
  computedRoot: string; // base64 of the root the path leads to ('' when it could not be walked)
}

export interface ProofInput {
  seq: number;
  entry: string;
  salt: string;
  commitment: string;
  leaf_hash?: string;
  tree_size: number;
  inclusion_proof: string[];
  checkpoint: {
    origin: string;
    tree_size: number;
    root_hash: string;
    time_unix_ms: number;
    note: string;
    public_key: string;
  };
}

// The entry as listed (GET /api/v1/me/access-log), to compare with the stored text.
export interface ListedEntry {
  seq: number;
  time_unix_ms: number;
  actor: { kind: string; id?: string; name?: string };
  items: string[];
  purpose: string;
  legal_basis: string;
  reference: string;
}

export interface VerifyOptions {
  subtle?: SubtleCrypto;
  listed?: ListedEntry;
  publishedKey?: string; // base64 Ed25519 key from /api/v1/transparency/checkpoint
}

const enc = new TextEncoder();

export function fromBase64(text: string): Uint8Array {
  if (typeof text !== 'string' || !/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(text)) {
    throw new Error('bad-base64');
  }
  const bin = atob(text);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export function toBase64(bytes: Uint8Array): string {
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin);
}

function concat(...parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function equal(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let d = 0;
  for (let i = 0; i < a.length; i++) d |= a[i] ^ b[i];
  return d === 0;
}

async function sha256(subtle: SubtleCrypto, ...parts: Uint8Array[]): Promise<Uint8Array> {
  return new Uint8Array(await subtle.digest('SHA-256', concat(...parts)));
}

// RFC 9162 §2.1.3.2. Returns the root the path leads to, or a reason it cannot be walked.
export async function rootFromInclusionPath(
  subtle: SubtleCrypto,
  index: number,
  size: number,
  leafHash: Uint8Array,
  path: Uint8Array[],
): Promise<{ root: Uint8Array } | { reason: string }> {
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(size) || index < 0 || index >= size) {
    return { reason: 'index-out-of-range' };
  }
  // Plain arithmetic, not bit operators: sizes may exceed 2^31.
  let fn = index;
  let sn = size - 1;
  let r = leafHash;
  const one = new Uint8Array([1]);
  for (const p of path) {
    if (sn === 0) return { reason: 'path-too-long' };
    if (fn % 2 === 1 || fn === sn) {
      r = await sha256(subtle, one, p, r);
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
      }
    } else {
      r = await sha256(subtle, one, r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  if (sn !== 0) return { reason: 'path-too-short' };
  return { root: r };
}

function checkEntry(entryText: string, seq: number, listed?: ListedEntry): Step {
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(entryText) as Record<string, unknown>;
  } catch {
    return { id: 'entry', status: 'failed', reason: 'entry-not-json' };
  }
  if (!parsed || typeof parsed !== 'object' || parsed.seq !== seq) {
    return { id: 'entry', status: 'failed', reason: 'entry-seq-mismatch', detail: { expected: seq, got: String(parsed?.seq) } };
  }
  if (listed) {
    const same: [string, unknown, unknown][] = [
      ['seq', parsed.seq, listed.seq],
      ['time_unix_ms', parsed.time_unix_ms, listed.time_unix_ms],
      ['actor_kind', parsed.actor_kind, listed.actor.kind],
      ['actor_id', parsed.actor_id, listed.actor.id ?? parsed.actor_id],
      ['items', JSON.stringify(parsed.items), JSON.stringify(listed.items)],
      ['purpose', parsed.purpose, listed.purpose],
      ['legal_basis', parsed.legal_basis, listed.legal_basis],
      ['reference', parsed.reference, listed.reference],
    ];
    const bad = same.find(([, a, b]) => a !== b);
    if (bad) return { id: 'entry', status: 'failed', reason: 'entry-differs-from-list', detail: { field: bad[0] } };
  }
  return { id: 'entry', status: 'ok' };
}

// The note body's four lines, checked against the checkpoint's fields and the proof's size.
function checkNote(proof: ProofInput): { step: Step; body?: Uint8Array; sigLine?: string } {
  const cp = proof.checkpoint;
  const note = cp.note ?? '';
  const split = note.indexOf('\n\n');
  if (split < 0) return { step: { id: 'checkpoint', status: 'failed', reason: 'note-malformed' } };
  const bodyText = note.slice(0, split + 1);
  const lines = bodyText.slice(0, -1).split('\n');
  if (lines.length !== 4 || !/^time \d+$/.test(lines[3])) {
    return { step: { id: 'checkpoint', status: 'failed', reason: 'note-malformed' } };
  }
  const [origin, size, root, time] = lines;
  const checks: [string, string, string][] = [
    ['origin', origin, cp.origin],
    ['tree_size', size, String(cp.tree_size)],
    ['proof_tree_size', size, String(proof.tree_size)],
    ['root_hash', root, cp.root_hash],
    ['time', time, `time ${cp.time_unix_ms}`],
  ];
  const bad = checks.find(([, a, b]) => a !== b);
  if (bad) {
    return { step: { id: 'checkpoint', status: 'failed', reason: 'note-mismatch', detail: { field: bad[0], note: bad[1], given: bad[2] } } };
  }
  const sigLine = note
    .slice(split + 2)
    .split('\n')
    .find((l) => l.startsWith(`\u2014 ${origin} `));
  return { step: { id: 'checkpoint', status: 'ok' }, body: enc.encode(bodyText), sigLine };
}

async function checkSignature(
  subtle: SubtleCrypto,
  proof: ProofInput,
  body: Uint8Array<ArrayBuffer>,
  sigLine: string | undefined,
  publishedKey?: string,
): Promise<Step> {
  const cp = proof.checkpoint;
  if (!sigLine) return { id: 'signature', status: 'failed', reason: 'signature-missing' };
  let key: Uint8Array<ArrayBuffer>;
  let blob: Uint8Array;
  try {
    key = fromBase64(cp.public_key) as Uint8Array<ArrayBuffer>;
    blob = fromBase64(sigLine.slice(`\u2014 ${cp.origin} `.length));
  } catch {
    return { id: 'signature', status: 'failed', reason: 'bad-base64' };
  }
  if (key.length !== 32 || blob.length !== 68) return { id: 'signature', status: 'failed', reason: 'signature-malformed' };
  if (publishedKey !== undefined && publishedKey !== cp.public_key) {
    return { id: 'signature', status: 'failed', reason: 'key-not-published' };
  }
  const keyId = (await sha256(subtle, enc.encode(`${cp.origin}\n`), new Uint8Array([1]), key)).slice(0, 4);
  if (!equal(keyId, blob.slice(0, 4))) return { id: 'signature', status: 'failed', reason: 'key-id-mismatch' };
  let cryptoKey: CryptoKey;
  try {
    cryptoKey = await subtle.importKey('raw', key, { name: 'Ed25519' }, false, ['verify']);
  } catch (e) {
    if (e instanceof Error && e.name === 'NotSupportedError') {
      return { id: 'signature', status: 'skipped', reason: 'ed25519-unsupported' };
    }
    return { id: 'signature', status: 'failed', reason: 'signature-malformed' };
  }
  const ok = await subtle.verify({ name: 'Ed25519' }, cryptoKey, blob.slice(4), body);
  return ok ? { id: 'signature', status: 'ok' } : { id: 'signature', status: 'failed', reason: 'signature-invalid' };
}

export async function verifyInclusion(proof: ProofInput, options: VerifyOptions = {}): Promise<Verification> {
  const subtle = options.subtle ?? globalThis.crypto?.subtle;
  if (!subtle) throw new Error('WebCrypto (crypto.subtle) is not available');
  const steps: Step[] = [checkEntry(proof.entry, proof.seq, options.listed)];

  let salt: Uint8Array, given: Uint8Array, root: Uint8Array, path: Uint8Array[];
  try {
    salt = fromBase64(proof.salt);
    given = fromBase64(proof.commitment);
    root = fromBase64(proof.checkpoint.root_hash);
    path = (proof.inclusion_proof ?? []).map(fromBase64);
  } catch {
    steps.push({ id: 'commitment', status: 'failed', reason: 'bad-base64' });
    return { verified: false, signature: 'invalid', steps, computedRoot: '' };
  }

  const commitment = await sha256(subtle, salt, enc.encode(proof.entry));
  steps.push(
    equal(commitment, given)
      ? { id: 'commitment', status: 'ok' }
      : { id: 'commitment', status: 'failed', reason: 'commitment-mismatch', detail: { computed: toBase64(commitment), given: proof.commitment } },
  );

  const leaf = await sha256(subtle, new Uint8Array([0]), commitment);
  if (proof.leaf_hash === undefined) steps.push({ id: 'leaf', status: 'ok' });
  else
    steps.push(
      proof.leaf_hash === toBase64(leaf)
        ? { id: 'leaf', status: 'ok' }
        : { id: 'leaf', status: 'failed', reason: 'leaf-hash-mismatch', detail: { computed: toBase64(leaf), given: proof.leaf_hash } },
    );

  const walked = await rootFromInclusionPath(subtle, proof.seq, proof.tree_size, leaf, path);
  let computedRoot = '';
  if ('reason' in walked) {
    steps.push({ id: 'path', status: 'failed', reason: walked.reason, detail: { seq: proof.seq, tree_size: proof.tree_size, path: path.length } });
  } else {
    computedRoot = toBase64(walked.root);
    steps.push(
      equal(walked.root, root)
        ? { id: 'path', status: 'ok' }
        : { id: 'path', status: 'failed', reason: 'root-mismatch', detail: { computed: computedRoot, signed: proof.checkpoint.root_hash } },
    );
  }

  const note = checkNote(proof);
  steps.push(note.step);
  const sig = note.body
    ? await checkSignature(subtle, proof, note.body as Uint8Array<ArrayBuffer>, note.sigLine, options.publishedKey)
    : ({ id: 'signature', status: 'failed', reason: 'note-malformed' } as Step);
  steps.push(sig);

  const signature = sig.status === 'ok' ? 'valid' : sig.status === 'skipped' ? 'unsupported' : 'invalid';
  const verified = steps.every((s) => s.status !== 'failed');
  return { verified, signature, steps, computedRoot };
}
