#pragma once

// Checks a stored transparency log end to end (`proaktiv audit verify`):
//   1. entries: seq 0, 1, 2, … without a gap (a removed row); every entry still present
//      matches its commitment SHA-256(salt ‖ entry) (a changed byte), names its own seq (rows
//      swapped or reordered), and agrees with its subject and time columns; an erased entry has
//      neither text nor salt;
//   2. the tree: every perfect subtree recomputed from the commitments equals the stored node,
//      and no stored node lies outside the tree;
//   3. checkpoints: sizes never shrink, none covers more entries than the log has, each note's
//      signature is valid under its stored public key (and that key is the trusted one, when
//      given), the note says what its row says, and its root is the recomputed root of its size;
//   4. consistency: a consistency proof from the stored nodes between each two consecutive
//      checkpoints verifies (RFC 9162 §2.1.4.2).
// It stops at the first problem and names it (the entry's seq or the checkpoint's number).
// Reads every entry once and one stored node per completed subtree. Not thread-safe.

#include <cstdint>
#include <optional>
#include <string>

#include "common/result.h"
#include "store/audit_store.h"

namespace proaktiv::audit {

struct VerifyOptions {
  std::optional<std::string> trusted_public_key;  // 32 bytes; nullopt: each row's key
};

struct VerifyReport {
  int64_t entries = 0;  // rows read
  int64_t present = 0;  // with their text, checked against their commitment
  int64_t erased = 0;
  int64_t nodes = 0;  // stored nodes compared
  int64_t checkpoints = 0;
  int64_t consistency_proofs = 0;
  // The first problem; nullopt when the log is intact.
  std::optional<std::string> problem;
  std::optional<int64_t> bad_entry;       // its seq
  std::optional<int64_t> bad_checkpoint;  // its position among checkpoints, from 1

  bool ok() const { return !problem.has_value(); }
};

// An error only when the store cannot be read; a damaged log is a report with a problem.
Result<VerifyReport> VerifyLog(store::AuditStore& store, const VerifyOptions& options = {});

}  // namespace proaktiv::audit
