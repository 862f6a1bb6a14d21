#pragma once

// "My data" (docs/openapi.yaml: MyData): every catalog field that some service of the library
// reads, with the citizen's value as the engine sees it (engine/field_extractor.h, so a
// protected address is null exactly as the engine never sees it), where it comes from (dataset,
// source), the legal basis, how long it is kept, and the purposes it may be used for with the
// services that use it for each. Labels (field description, dataset and purpose names) are in
// the chosen language.
//
//   {"language": "nb", "fields": [{"field": "person.birth_date", "label": "Fødselsdato",
//     "value": "2025-05-04", "type": "date", "dataset": "population-register",
//     "dataset_name": "Folkeregisteret", "source": "…", "legal_basis": "…",
//     "retention": "P3Y", "purposes": [{"id": "kindergarten-offer", "name": "…",
//     "services": ["kindergarten-place"]}]}, …]}
//
// Fields are in catalog order; purposes in the field's order. Fields read from the contact
// register are null here (proaktiv does not hold KRR data in its database). Not thread-safe
// (uses the request's PersonCache).

#include <string>

#include <boost/json.hpp>

#include "catalog/catalog.h"
#include "common/civil_date.h"
#include "engine/person_cache.h"
#include "engine/service_bundle.h"
#include "http/api/citizen.h"

namespace proaktiv::http::api {

Result<boost::json::object> MyDataJson(const catalog::Catalog& catalog,
                                       const engine::ServiceLibrary& library,
                                       engine::PersonCache& persons, const Citizen& citizen,
                                       const std::string& language, CivilDate today);

}  // namespace proaktiv::http::api
