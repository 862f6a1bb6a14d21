#include "consent/data_policy.h"

#include <algorithm>

#include <fmt/format.h>

namespace proaktiv::consent {
namespace {

bool Contains(const std::vector<std::string>& list, std::string_view item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

}  // namespace

std::string_view Code(Refusal refusal) {
  switch (refusal) {
    case Refusal::kInvalidToken:
      return "invalid-token";
    case Refusal::kUnknownConsent:
      return "unknown-consent";
    case Refusal::kWrongConsumer:
      return "wrong-consumer";
    case Refusal::kNotAccepted:
      return "not-accepted";
    case Refusal::kRejected:
      return "rejected";
    case Refusal::kRevoked:
      return "revoked";
    case Refusal::kExpired:
      return "expired";
    case Refusal::kUsed:
      return "used";
    case Refusal::kItemNotCovered:
      return "item-not-covered";
    case Refusal::kWrongPerson:
      return "wrong-person";
  }
  return "refused";
}

std::optional<Refused> NotLive(const store::ConsentRecord& c) {
  const std::string& s = c.state;
  if (s == "accepted") return std::nullopt;
  if (s == "revoked") {
    return Refused{Refusal::kRevoked, fmt::format("Consent {} was revoked by the citizen.", c.id)};
  }
  if (s == "expired") {
    return Refused{Refusal::kExpired, fmt::format("Consent {} has expired.", c.id)};
  }
  if (s == "used") {
    return Refused{Refusal::kUsed,
                   fmt::format("Consent {} was for a single use and has been used.", c.id)};
  }
  if (s == "rejected") {
    return Refused{Refusal::kRejected,
                   fmt::format("Consent {} was rejected by the citizen.", c.id)};
  }
  return Refused{Refusal::kNotAccepted,
                 fmt::format("Consent {} has not been accepted by the citizen.", c.id)};
}

std::optional<Refused> Decide(const AccessClaims& token, const store::ConsentRecord* consent,
                              int64_t named_person_key, std::span<const std::string> items) {
  if (token.consent_id.empty()) {
    return Refused{Refusal::kInvalidToken,
                   "The token grants no consent; ask /oauth/token with authorization_details."};
  }
  if (consent == nullptr || consent->id != token.consent_id) {
    return Refused{Refusal::kUnknownConsent,
                   fmt::format("Consent {} does not exist.", token.consent_id)};
  }
  if (consent->consumer != token.consumer) {
    return Refused{Refusal::kWrongConsumer, fmt::format("Consent {} was not given to consumer {}.",
                                                        consent->id, token.consumer)};
  }
  if (auto refused = NotLive(*consent)) return refused;
  for (const std::string& item : items) {
    if (!Contains(consent->items, item) || !Contains(token.items, item)) {
      return Refused{Refusal::kItemNotCovered,
                     fmt::format("Item '{}' is not covered by consent {}.",
                                 std::string_view(item).substr(0, 60), consent->id)};
    }
  }
  if (named_person_key == 0 || named_person_key != consent->person_key) {
    return Refused{Refusal::kWrongPerson,
                   fmt::format("Consent {} was not given by the person named.", consent->id)};
  }
  return std::nullopt;
}

}  // namespace proaktiv::consent
