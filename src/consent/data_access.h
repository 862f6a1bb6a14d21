#pragma once

// One call of the data API, after the access token's signature and lifetime were verified
// (TokenIssuer::Verify): in one transaction it reads the consent (expiring it when due),
// resolves the person the call names, applies the policy (data_policy.h), uses up a single-use
// consent, reads the items, and appends an audit::AccessRecord (actor: the consumer; legal
// basis "consent"; reference "consent:<id>"). When anything fails nothing is kept: no data
// leaves without its audit record, and a refused call changes nothing but a due expiry.
//
// The answer (docs/openapi.yaml, ConsentData):
//   {"consent_id": "…", "purpose": "credit-assessment", "retrieved_at": "2026-…Z",
//    "items": {"person.name": {"given": …, "middle": …, "family": …, "full": …}, …}}
// Item values are the catalog fields as engine/field_extractor.h reads them (a protected
// address is null, never revealed). No identity number is in the answer.
//
// Not thread-safe: one per thread, over that thread's store. `store`, `clock` and `recorder`
// must outlive it.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/object.hpp>
#include <tl/expected.hpp>

#include "audit/access_record.h"
#include "common/clock.h"
#include "consent/access_token.h"
#include "consent/data_policy.h"
#include "store/store.h"

namespace proaktiv::consent {

inline constexpr std::string_view kConsentLegalBasis = "consent";

struct Fetched {
  std::string consent_id;
  boost::json::object data;
};
using FetchOutcome = tl::expected<Fetched, Refused>;

class DataAccess {
 public:
  DataAccess(store::RegistryStore& store, const Clock& clock, audit::AccessRecorder& recorder)
      : store_(store), clock_(clock), recorder_(recorder) {}

  // `items` empty: every item the token grants.
  Result<FetchOutcome> Fetch(const AccessClaims& token, std::string_view person_id,
                             std::vector<std::string> items);

  // The policy alone (no data, no audit, no use): what the bench calls a consent check.
  Result<std::optional<Refused>> Check(const AccessClaims& token, std::string_view person_id,
                                       const std::vector<std::string>& items);

 private:
  Result<std::optional<Refused>> Decide(const AccessClaims& token, std::string_view person_id,
                                        const std::vector<std::string>& items,
                                        std::optional<store::ConsentRecord>& consent);

  store::RegistryStore& store_;
  const Clock& clock_;
  audit::AccessRecorder& recorder_;
};

}  // namespace proaktiv::consent
