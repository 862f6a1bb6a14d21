#include "audit/checkpointer.h"

#include <chrono>

namespace proaktiv::audit {

Result<std::optional<store::AuditCheckpointRow>> Checkpointer::CheckpointIfGrown() {
  PROAKTIV_ASSIGN_OR_RETURN(int64_t size, log_.Size());
  PROAKTIV_ASSIGN_OR_RETURN(auto latest, store_.LatestCheckpoint());
  if (latest ? latest->tree_size >= size : size == 0) {
    return std::optional<store::AuditCheckpointRow>();
  }
  PROAKTIV_ASSIGN_OR_RETURN(store::AuditCheckpointRow row, CheckpointNow());
  return std::optional<store::AuditCheckpointRow>(std::move(row));
}

Result<store::AuditCheckpointRow> Checkpointer::CheckpointNow() {
  PROAKTIV_RETURN_IF_ERROR(CheckOrigin(origin_));
  Checkpoint c;
  c.origin = origin_;
  PROAKTIV_ASSIGN_OR_RETURN(c.tree_size, log_.Size());
  PROAKTIV_ASSIGN_OR_RETURN(c.root, log_.Root(c.tree_size));
  c.time_unix_ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(clock_.Now().time_since_epoch())
          .count();
  store::AuditCheckpointRow row;
  row.tree_size = c.tree_size;
  row.root_hash = std::string(AsBytes(c.root));
  row.time_unix_ms = c.time_unix_ms;
  row.origin = c.origin;
  row.public_key = key_.public_key();
  row.note = SignCheckpoint(c, key_);
  PROAKTIV_ASSIGN_OR_RETURN(row.id, store_.AddCheckpoint(row));
  return row;
}

}  // namespace proaktiv::audit
