#include "audit/audit_log.h"

#include <bit>

#include <fmt/format.h>

#include "audit/entry.h"

namespace proaktiv::audit {

Result<Hash> StoreNodeSource::PerfectNode(int level, int64_t index) {
  if (level == 0) {
    PROAKTIV_ASSIGN_OR_RETURN(auto commitment, store_.Commitment(index));
    if (!commitment) return DataLoss(fmt::format("audit entry {} is missing", index));
    PROAKTIV_ASSIGN_OR_RETURN(
        Hash data, HashFromBytes(*commitment, fmt::format("entry {} commitment", index)));
    return LeafHash(AsBytes(data));
  }
  PROAKTIV_ASSIGN_OR_RETURN(auto hash, store_.Node(StoredNodeId(level, index)));
  if (!hash) {
    return DataLoss(fmt::format("audit tree node (level {}, index {}) is missing", level, index));
  }
  return HashFromBytes(*hash, fmt::format("audit tree node (level {}, index {})", level, index));
}

Result<int64_t> AuditLog::Size() {
  PROAKTIV_ASSIGN_OR_RETURN(store::AuditHead head, store_.Head());
  return head.size;
}

Status AuditLog::LoadFrontier(const store::AuditHead& head) {
  frontier_.clear();
  int64_t start = 0;
  for (int level = 62; level >= 0; --level) {
    const int64_t width = int64_t{1} << level;
    if ((head.size & width) == 0) continue;
    PROAKTIV_ASSIGN_OR_RETURN(Hash node, source_.PerfectNode(level, start >> level));
    frontier_.push_back(node);
    start += width;
  }
  head_ = head;
  cached_ = true;
  return {};
}

Result<int64_t> AuditLog::Append(const AccessRecord& record) {
  PROAKTIV_RETURN_IF_ERROR(CheckRecord(record));
  PROAKTIV_ASSIGN_OR_RETURN(store::AuditHead head, store_.Head());
  if (!cached_ || head.size != head_.size || head.last_commitment != head_.last_commitment) {
    PROAKTIV_RETURN_IF_ERROR(LoadFrontier(head));
  }
  cached_ = false;  // until this append is complete
  const int64_t seq = head.size;
  store::AuditEntryRow row;
  row.seq = seq;
  row.subject_key = record.subject_key;
  row.time_unix_ms = record.time_unix_ms;
  row.salt = RandomBytes(32);
  row.entry = EntryJson(seq, record);
  row.commitment = std::string(AsBytes(Commitment(*row.salt, *row.entry)));
  PROAKTIV_RETURN_IF_ERROR(store_.AppendEntry(row));

  Hash node = LeafHash(row.commitment);
  int level = 0;
  for (int64_t n = seq; (n & 1) != 0; n >>= 1) {
    node = NodeHash(frontier_.back(), node);
    frontier_.pop_back();
    ++level;
    PROAKTIV_RETURN_IF_ERROR(store_.PutNode(StoredNodeId(level, seq >> level), AsBytes(node)));
  }
  frontier_.push_back(node);
  head_ = store::AuditHead{seq + 1, std::move(row.commitment)};
  cached_ = true;
  return seq;
}

}  // namespace proaktiv::audit
