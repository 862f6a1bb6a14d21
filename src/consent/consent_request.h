#pragma once

// A consumer's consent request as POST /api/v1/consumer/consent-requests carries it:
//
//   {"person": "<identity number>",
//    "items": ["person.name", "person.residence.address"],   // catalog field ids
//    "purpose": "credit-assessment",                          // catalog purpose id
//    "valid_to": "2026-03-01T12:00:00Z",
//    "single_use": true,                                      // optional, default false
//    "message": {"nb": "…", "nn": "…", "en": "…"}}            // at least one language
//
// ParseConsentRequest checks the shape; CheckConsentRequest checks it against the consumer and
// the catalog: the purpose is one the consumer is registered for, every item is a catalog
// field that allows the purpose and that the data API serves (engine/field_extractor.h),
// valid_to lies in the future and at most a year ahead. Errors name the field and the value
// (never the identity number). Pure functions; thread-safe.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "catalog/catalog.h"
#include "common/result.h"
#include "store/consent_store.h"

namespace proaktiv::consent {

inline constexpr int64_t kMaxValidityMs = int64_t{366} * 86'400'000;
inline constexpr size_t kMaxMessageLength = 2000;
inline constexpr size_t kMaxItems = 20;

struct ConsentRequest {
  std::string person_id;  // identity number (checked: a valid number)
  std::vector<std::string> items;
  std::string purpose;
  int64_t valid_to_ms = 0;
  bool single_use = false;
  std::string message_nb, message_nn, message_en;
};

Result<ConsentRequest> ParseConsentRequest(std::string_view json);
Status CheckConsentRequest(const ConsentRequest& request, const store::ConsumerRecord& consumer,
                           const catalog::Catalog& catalog, int64_t now_ms);

// Whether the data API can serve the catalog field `item`.
bool IsServedItem(std::string_view item);

}  // namespace proaktiv::consent
