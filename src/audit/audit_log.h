#pragma once

// The transparency log over an AuditStore: appends access records as entries and leaves
// (audit/entry.h), keeps the stored perfect-subtree hashes up to date, and answers roots and
// proofs (audit/merkle.h) from O(log n) stored nodes.
//
//   audit::AuditLog log(store.audit());
//   PROAKTIV_RETURN_IF_ERROR(store.Begin());
//   PROAKTIV_ASSIGN_OR_RETURN(int64_t seq, log.Append(record));   // in the caller's transaction
//   PROAKTIV_RETURN_IF_ERROR(store.Commit());
//
// Append costs one head read, one entry row and on average one node row: the log's frontier
// (the perfect subtrees of [0, n)) is cached between appends and reloaded (O(log n) reads)
// whenever the stored head is not the one this object last wrote (another writer, a rollback).
// Appends must be serialised by the database (a write transaction); the SQLite store's
// BEGIN IMMEDIATE does that.
//
// Not thread-safe; one per store connection. `store` must outlive it.

#include <cstdint>
#include <string>
#include <vector>

#include "audit/access_record.h"
#include "audit/merkle.h"
#include "common/result.h"
#include "store/audit_store.h"

namespace proaktiv::audit {

// Perfect subtrees read from the store: leaves from entries' commitments, the rest from
// audit_nodes. A missing row is DataLoss naming the node.
class StoreNodeSource final : public NodeSource {
 public:
  explicit StoreNodeSource(store::AuditStore& store) : store_(store) {}
  Result<Hash> PerfectNode(int level, int64_t index) override;

 private:
  store::AuditStore& store_;
};

class AuditLog {
 public:
  explicit AuditLog(store::AuditStore& store) : store_(store), source_(store) {}

  // Checks the record (CheckRecord), appends it; returns its seq.
  Result<int64_t> Append(const AccessRecord& record);

  Result<int64_t> Size();
  Result<Hash> Root(int64_t size) { return RootHash(source_, size); }
  Result<std::vector<Hash>> Inclusion(int64_t seq, int64_t size) {
    return InclusionProof(source_, seq, size);
  }
  Result<std::vector<Hash>> Consistency(int64_t old_size, int64_t new_size) {
    return ConsistencyProof(source_, old_size, new_size);
  }

 private:
  Status LoadFrontier(const store::AuditHead& head);

  store::AuditStore& store_;
  StoreNodeSource source_;
  bool cached_ = false;
  store::AuditHead head_;       // the head the frontier belongs to
  std::vector<Hash> frontier_;  // perfect subtrees of [0, head_.size), largest first
};

}  // namespace proaktiv::audit
