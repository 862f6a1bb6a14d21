#pragma once

// One read of personal data, as the transparency log records it (DESIGN.md capability 8): who
// read whose data, which items, when, for which purpose and on which legal basis. Every reader
// of personal data — the engine deciding an offer, a caseworker, a consumer through the data
// API — hands an AccessRecord to an AccessRecorder.
//
// The subject is the store's person key, never an identity number: the log and everything
// derived from it stay free of identity numbers.

#include <cstdint>
#include <string>
#include <vector>

#include "common/result.h"

namespace proaktiv::audit {

// Who read: the engine, a caseworker (an employee of a kommune) or a data consumer.
enum class ActorKind { kEngine, kCaseworker, kConsumer };

struct AccessRecord {
  ActorKind actor_kind = ActorKind::kEngine;
  std::string actor_id;            // "proaktiv-engine", a caseworker's id, an organisation number
  std::string actor_name;          // shown to the citizen ("Sparebanken Vest")
  int64_t subject_key = 0;         // whose data (store person key)
  std::vector<std::string> items;  // catalog data items read ("income", "wealth", "birth_date")
  std::string purpose;             // catalog purpose id
  std::string legal_basis;         // catalog legal basis id or text
  std::string reference;           // what the read was for: "offer:42", "consent:9f3…"
  int64_t time_unix_ms = 0;        // when (UTC)
};

// Appends access records to the transparency log. Implementations say whether Record() joins
// the caller's database transaction (the store-backed recorder does) and their thread-safety.
class AccessRecorder {
 public:
  virtual ~AccessRecorder() = default;
  virtual Status Record(const AccessRecord& record) = 0;
};

}  // namespace proaktiv::audit
