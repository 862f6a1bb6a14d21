#pragma once

// What the portal does to a citizen's offer: find it (only among the offers the citizen
// receives), deliver and open it when shown, and accept or decline it.
//
// Every function refuses another citizen's offer exactly as a nonexistent one: a 404 problem
// "not-found" with the same text, so that ids do not reveal which offers exist.
//
// State changes are written through the EngineStore in one transaction of the caller's
// RegistryStore (BEGIN IMMEDIATE: concurrent requests for the same offer serialise, and the
// state is read again inside the transaction), each step an offer_transitions row:
//   shown:    proposed → sent → opened, sent → opened (cause "portal"); other states unchanged,
//             so showing is idempotent;
//   answered: proposed → sent (cause "portal") → accepted | declined (cause "citizen"); sent
//             and opened → accepted | declined. An accepted or declined offer is a 409
//             "already-answered"; an expired or withdrawn one a 409 "offer-expired" /
//             "offer-withdrawn"; a notice a 409 "not-answerable".
// The answer is kept in the offer's decision_json under "answer" (as engine::OfferEngine::Record
// keeps it): {"decision": "accepted"|"declined", "on": date, "application": the corrected
// application (accept), "corrected": [fields changed], "comment": text (when given)}; a
// satisfaction score goes to offer_feedback with the comment.
//
// Not thread-safe (uses the caller's store); thread-compatible across stores.

#include <optional>
#include <string>
#include <string_view>

#include <boost/json.hpp>

#include "common/civil_date.h"
#include "engine/service_bundle.h"
#include "http/api/api_error.h"
#include "http/api/citizen.h"
#include "store/store.h"

namespace proaktiv::http::api {

// The offer with id `id_text` if the citizen is one of its recipients; 404 otherwise.
ApiResult<store::OfferRecord> FindMyOffer(store::EngineStore& engine, const Citizen& citizen,
                                          std::string_view id_text);

// Shows the offer through the portal (see above) and returns it as it now is.
ApiResult<store::OfferRecord> OpenThroughPortal(store::RegistryStore& store, const Citizen& citizen,
                                                std::string_view id_text, CivilDate today);

// An Answer body (docs/openapi.yaml).
struct Answer {
  bool accept = true;
  std::optional<boost::json::value> application;  // accept only: corrections
  std::optional<std::string> comment;             // at most 2000 characters
  std::optional<int> satisfaction;                // 1 … 5
};

// Parses and checks an Answer body (an empty body is an empty answer). 422 problems
// "invalid-body" name the member: not JSON, not an object, an unknown member, an application
// with a decline, a comment too long, a satisfaction outside 1–5.
ApiResult<Answer> ParseAnswer(std::string_view body, bool accept);

// Accepts or declines the offer (see above) and returns it as it now is.
ApiResult<store::OfferRecord> AnswerOffer(store::RegistryStore& store,
                                          const engine::ServiceLibrary& library,
                                          const Citizen& citizen, std::string_view id_text,
                                          const Answer& answer, CivilDate today);

}  // namespace proaktiv::http::api
