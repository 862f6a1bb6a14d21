#pragma once

// The AccessRecorder that appends to the transparency log in the registry's database
// (audit/audit_log.h). Record() joins the caller's open transaction (RegistryStore::Begin) —
// the engine's record commits or rolls back with its offer — or, when none is open, writes its
// entry and node rows in a transaction of its own. A recorder made with
// kAlwaysInCallersTransaction skips that check (one failed BEGIN, about 7 µs per record) for
// callers that always record inside their own transaction, like the engine.
//
// Not thread-safe: one per store connection; `store` must outlive it.

#include <cstdint>

#include "audit/access_record.h"
#include "audit/audit_log.h"
#include "store/store.h"

namespace proaktiv::audit {

class StoreAccessRecorder final : public AccessRecorder {
 public:
  enum class Mode { kJoinOrOwnTransaction, kAlwaysInCallersTransaction };
  static constexpr Mode kAlwaysInCallersTransaction = Mode::kAlwaysInCallersTransaction;

  explicit StoreAccessRecorder(store::RegistryStore& store, Mode mode = Mode::kJoinOrOwnTransaction)
      : store_(store), log_(store.audit()), mode_(mode) {}

  Status Record(const AccessRecord& record) override;
  // As Record, in the caller's open transaction only; returns the entry's seq.
  Result<int64_t> Append(const AccessRecord& record) { return log_.Append(record); }

 private:
  store::RegistryStore& store_;
  AuditLog log_;
  Mode mode_;
};

}  // namespace proaktiv::audit
