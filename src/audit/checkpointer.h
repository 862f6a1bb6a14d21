#pragma once

// Signs the log's tree head (audit/checkpoint.h) and stores it as a checkpoint.
//
//   audit::Checkpointer checkpointer(store.audit(), key, audit::kDefaultOrigin, clock);
//   auto made = checkpointer.CheckpointIfGrown();   // after an engine run
//
// Works in the caller's transaction when there is one, else each statement commits on its own
// (safe: a checkpoint names a size and the root of exactly that many leaves, which never change).
// Not thread-safe; `store`, `key` and `clock` must outlive it.

#include <optional>
#include <string>

#include "audit/audit_log.h"
#include "audit/checkpoint.h"
#include "audit/signing_key.h"
#include "common/clock.h"
#include "common/result.h"
#include "store/audit_store.h"

namespace proaktiv::audit {

class Checkpointer {
 public:
  Checkpointer(store::AuditStore& store, const SigningKey& key, std::string origin,
               const Clock& clock)
      : store_(store), log_(store), key_(key), origin_(std::move(origin)), clock_(clock) {}

  // A new checkpoint of the current tree when the log grew since the latest one (or has
  // entries and no checkpoint yet); nullopt when there was nothing new to sign.
  Result<std::optional<store::AuditCheckpointRow>> CheckpointIfGrown();
  // A new checkpoint of the current tree, grown or not.
  Result<store::AuditCheckpointRow> CheckpointNow();

 private:
  store::AuditStore& store_;
  AuditLog log_;
  const SigningKey& key_;
  std::string origin_;
  const Clock& clock_;
};

}  // namespace proaktiv::audit
