#pragma once

// An access record as a log entry: its canonical JSON and the commitment that goes into the
// tree in its place (leaf privacy).
//
// The entry is the JSON object, serialised compactly with its keys in this order:
//   {"seq":…,"time_unix_ms":…,"actor_kind":"engine|caseworker|consumer","actor_id":…,
//    "actor_name":…,"subject_key":…,"items":[…],"purpose":…,"legal_basis":…,"reference":…}
// `seq` binds the entry to its place in the log, so that swapping two stored entries is
// detected. The leaf data is commitment = SHA-256(salt ‖ entry bytes) with a fresh 32-byte
// random salt per entry: the tree and its proofs reveal nothing about an entry without its
// salt, and erasing entry and salt after retention leaves the commitment — and the tree —
// intact. Pure functions; thread-safe.

#include <cstdint>
#include <string>
#include <string_view>

#include "audit/access_record.h"
#include "audit/hash.h"
#include "common/result.h"

namespace proaktiv::audit {

std::string_view ActorKindName(ActorKind kind);
Result<ActorKind> ParseActorKind(std::string_view name);

// InvalidArgument naming the field when a record cannot be logged: an empty actor_id,
// purpose or legal_basis, a subject_key that is not positive, a negative time.
Status CheckRecord(const AccessRecord& record);

std::string EntryJson(int64_t seq, const AccessRecord& record);

// The record and seq an entry's JSON holds; DataLoss naming what is wrong otherwise.
struct ParsedEntry {
  int64_t seq = 0;
  AccessRecord record;
};
Result<ParsedEntry> ParseEntryJson(std::string_view json);

inline Hash Commitment(std::string_view salt, std::string_view entry) {
  return Sha256(salt, entry);
}

}  // namespace proaktiv::audit
