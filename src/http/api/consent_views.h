#pragma once

// Consents as the API shows them (docs/openapi.yaml, Consent): to the citizen in their
// language, to the consumer that asked. No identity numbers: the person is not named at all
// (the citizen knows who they are, the consumer named them).
//
//   {"id": …, "state": "accepted", "group": "pending" | "active" | "past",
//    "consumer": {"organisation_number": …, "name": …},
//    "purpose": {"id": …, "name": <in the language>},
//    "items": [{"id": "person.name", "name": <in the language>}],
//    "message": <the consumer's message in the language>,
//    "single_use": false, "created_at": …, "valid_to": …, "updated_at": …,
//    "events": [{"from": null | …, "to": …, "by": "citizen" | "consumer" | "system", "at": …}]}
//
// Pure; thread-safe.

#include <optional>
#include <string_view>
#include <vector>

#include <boost/json/object.hpp>

#include "catalog/catalog.h"
#include "store/consent_store.h"

namespace proaktiv::http::api {

boost::json::object ConsentJson(const store::ConsentRecord& consent,
                                const std::optional<store::ConsumerRecord>& consumer,
                                const catalog::Catalog& catalog, std::string_view language,
                                const std::vector<store::ConsentEventRecord>* events);

}  // namespace proaktiv::http::api
