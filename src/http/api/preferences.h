#pragma once

// A citizen's preferences (docs/openapi.yaml: Preferences): the language of pages and messages,
// and, per service of the library, whether they opted out of its offers.
//
//   GET  {"language": "nn", "services": [{"id": "kindergarten-place", "name": "…",
//          "opted_out": false}, …]}      (services in library order, names in the language
//                                         of the request)
//   PUT  the same shape; every member optional. "language" must be nb, nn or en; each
//        service item needs an "id" the library has and a boolean "opted_out" ("name" is
//        ignored, so a GET's answer can be sent back as it is). Anything else is a 422 problem
//        "invalid-body" naming the member or service, and nothing is stored.
//
// Applying: the language is stored in citizen_preferences; for each service whose choice
// changed, engine::OfferEngine::SetOptOut records it (opting out withdraws the open offers of
// that service sent to the citizen). Each step commits on its own; a storage failure part-way
// leaves the earlier steps stored (sending the same PUT again completes it). Not thread-safe
// (uses the caller's store).

#include <map>
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

struct PreferencesUpdate {
  std::optional<std::string> language;
  std::map<std::string, bool> opted_out;  // service id → choice
};

ApiResult<PreferencesUpdate> ParsePreferences(std::string_view body,
                                              const engine::ServiceLibrary& library);

// Stores `update` for the citizen (see above).
ApiStatus ApplyPreferences(store::RegistryStore& store, const engine::ServiceLibrary& library,
                           const Citizen& citizen, const PreferencesUpdate& update,
                           CivilDate today);

// The Preferences document: "language" is `preferred` (the stored choice, or the language the
// request would be answered in when the citizen never chose one); service names are in
// `display` (the request's language).
Result<boost::json::object> PreferencesJson(store::RegistryStore& store,
                                            const engine::ServiceLibrary& library,
                                            const Citizen& citizen, const std::string& preferred,
                                            const std::string& display);

}  // namespace proaktiv::http::api
