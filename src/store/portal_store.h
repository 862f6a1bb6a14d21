#pragma once

// Storage for the portal's tables: citizens' preferences and feedback on offers (0004_portal.sql).
// Lives in the registry's database and shares its transaction (RegistryStore::Begin/Commit); used
// by one thread at a time, like the RegistryStore that owns it.
//
// Values are checked by the caller (the API validates languages and scores before storing);
// the table's CHECK constraints refuse anything else as an error, never silently.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/result.h"

namespace proaktiv::store {

// A citizen's satisfaction with an offer, given with the answer: one per (offer, person).
struct OfferFeedback {
  int64_t offer_id = 0;
  int64_t person_key = 0;
  std::string service;
  std::string kommunenummer;
  int satisfaction = 0;  // 1 (poor) … 5 (good)
  std::string comment;   // free text from the citizen, may be empty
  int32_t day = 0;       // days since 1970-01-01
};

class PortalStore {
 public:
  virtual ~PortalStore() = default;

  // The citizen's chosen language ("nb", "nn", "en"); nullopt when they never chose one.
  virtual Result<std::optional<std::string>> Language(int64_t person_key) = 0;
  // Stores (or replaces) the citizen's language; `day` is when they chose it.
  virtual Status SetLanguage(int64_t person_key, std::string_view language, int32_t day) = 0;

  // Stores the feedback, replacing an earlier one for the same (offer, person).
  virtual Status PutFeedback(const OfferFeedback& feedback) = 0;
  virtual Result<std::optional<OfferFeedback>> Feedback(int64_t offer_id, int64_t person_key) = 0;
};

}  // namespace proaktiv::store
