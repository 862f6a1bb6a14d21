#pragma once

// Storage for the transparency log (0005_audit.sql): entries, the hashes of completed perfect
// subtrees, and signed checkpoints. Lives in the registry's database and shares its transaction
// (RegistryStore::Begin/Commit), so that a record joins the write of what caused it (the
// engine's offer). Used by one thread at a time, like the RegistryStore that owns it.
//
// The store keeps bytes; hashing, proofs and signatures are src/audit's. Appends are the
// caller's to keep consistent (audit/audit_log.h): seq n after n − 1, nodes as they complete.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"

namespace proaktiv::store {

struct AuditEntryRow {
  int64_t seq = 0;                     // the leaf index, from 0
  std::optional<int64_t> subject_key;  // nullopt once erased
  int64_t time_unix_ms = 0;
  std::string commitment;            // 32 bytes: the leaf data
  std::optional<std::string> salt;   // 32 bytes; nullopt once erased
  std::optional<std::string> entry;  // canonical JSON; nullopt once erased
};

struct AuditCheckpointRow {
  int64_t id = 0;  // set by AddCheckpoint
  int64_t tree_size = 0;
  std::string root_hash;  // 32 bytes
  int64_t time_unix_ms = 0;
  std::string origin;
  std::string public_key;  // 32 bytes, Ed25519
  std::string note;        // the signed note
};

// The log's size and its last leaf data (empty when the log is empty).
struct AuditHead {
  int64_t size = 0;
  std::string last_commitment;
};

class AuditStore {
 public:
  virtual ~AuditStore() = default;

  virtual Result<AuditHead> Head() = 0;
  virtual Status AppendEntry(const AuditEntryRow& entry) = 0;
  virtual Result<std::optional<AuditEntryRow>> Entry(int64_t seq) = 0;
  // The commitment alone (no entry text read); nullopt when there is no such seq.
  virtual Result<std::optional<std::string>> Commitment(int64_t seq) = 0;
  // The subject's entries with seq below `before` (all when `before` is nullopt), newest
  // first, at most `limit`.
  virtual Result<std::vector<AuditEntryRow>> EntriesOf(int64_t subject_key,
                                                       std::optional<int64_t> before,
                                                       int limit) = 0;
  virtual Result<int64_t> CountEntriesOf(int64_t subject_key) = 0;
  // Every entry in seq order (as stored: gaps and all); stops when `visit` returns false.
  virtual Status ForEachEntry(const std::function<bool(const AuditEntryRow&)>& visit) = 0;
  // Erases entry text, salt and subject of the entries older than `time_unix_ms`; returns how
  // many were erased now.
  virtual Result<int64_t> EraseBefore(int64_t time_unix_ms) = 0;

  virtual Status PutNode(int64_t id, std::string_view hash) = 0;
  virtual Result<std::optional<std::string>> Node(int64_t id) = 0;
  // Every stored node in id order; stops when `visit` returns false.
  virtual Status ForEachNode(
      const std::function<bool(int64_t id, std::string_view hash)>& visit) = 0;

  // Stores the checkpoint; returns its id.
  virtual Result<int64_t> AddCheckpoint(const AuditCheckpointRow& checkpoint) = 0;
  virtual Result<std::optional<AuditCheckpointRow>> LatestCheckpoint() = 0;
  // Every checkpoint in id order.
  virtual Result<std::vector<AuditCheckpointRow>> Checkpoints() = 0;
};

}  // namespace proaktiv::store
