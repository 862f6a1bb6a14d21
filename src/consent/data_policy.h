#pragma once

// The data API's rule, in order: the token → the live consent → the item → the person.
//
//   invalid-token     the token grants no consent (a consent-requests token)
//   unknown-consent   the consent the token names does not exist
//   wrong-consumer    the token was issued to another consumer than the consent's
//   not-accepted / rejected / revoked / expired / used
//                     the consent is not live: its state now, whatever it was when the token
//                     was issued (so revoking stops tokens already issued)
//   item-not-covered  an item asked for is not in the consent (or not in the token)
//   wrong-person      the person the call names is not the consent's person
//
// Decide is pure: the caller reads the consent (expired when due, consent_service.h) and
// resolves the named person to a store key (0 when unknown) first. Thread-safe.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "consent/access_token.h"
#include "store/consent_store.h"

namespace proaktiv::consent {

enum class Refusal {
  kInvalidToken,
  kUnknownConsent,
  kWrongConsumer,
  kNotAccepted,
  kRejected,
  kRevoked,
  kExpired,
  kUsed,
  kItemNotCovered,
  kWrongPerson,
};

// "invalid-token", "unknown-consent", "wrong-consumer", "not-accepted", "rejected", "revoked",
// "expired", "used", "item-not-covered", "wrong-person".
std::string_view Code(Refusal refusal);

struct Refused {
  Refusal reason = Refusal::kInvalidToken;
  std::string detail;  // a sentence for people; names the consent or item, never a person
};

std::optional<Refused> Decide(const AccessClaims& token, const store::ConsentRecord* consent,
                              int64_t named_person_key, std::span<const std::string> items);

// The refusal for a consent that is not live (state other than accepted); nullopt when live.
std::optional<Refused> NotLive(const store::ConsentRecord& consent);

}  // namespace proaktiv::consent
