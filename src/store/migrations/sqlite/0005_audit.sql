-- The transparency log (src/audit, docs/architecture.md): every read of personal data as an
-- entry, committed into an RFC 9162 Merkle tree, with signed checkpoints of the tree head.

-- One entry per read. `seq` is the leaf index (from 0, no gaps). The leaf data is
-- `commitment` = SHA-256(salt ‖ entry); `entry` (canonical JSON of the access record) and
-- `salt` are set to NULL, and so is `subject_key`, when the entry is erased after its
-- retention: the commitment stays, and with it the tree.
CREATE TABLE audit_entries (
  seq          INTEGER PRIMARY KEY,
  subject_key  INTEGER,
  time_unix_ms INTEGER NOT NULL,
  commitment   BLOB NOT NULL,
  salt         BLOB,
  entry        TEXT
);
CREATE INDEX audit_entries_by_subject ON audit_entries (subject_key, seq)
  WHERE subject_key IS NOT NULL;

-- The hashes of completed perfect subtrees above the leaves (level ≥ 1), by post-order number
-- (audit/merkle.h StoredNodeId), so that roots and proofs read O(log n) rows.
CREATE TABLE audit_nodes (
  id   INTEGER PRIMARY KEY,
  hash BLOB NOT NULL
);

-- Signed checkpoints of the tree head: `note` is the signed note (body and signature line),
-- signed with the Ed25519 key `public_key`.
CREATE TABLE audit_checkpoints (
  id           INTEGER PRIMARY KEY,
  tree_size    INTEGER NOT NULL,
  root_hash    BLOB NOT NULL,
  time_unix_ms INTEGER NOT NULL,
  origin       TEXT NOT NULL,
  public_key   BLOB NOT NULL,
  note         TEXT NOT NULL
);
