#pragma once

// The citizen's API (docs/openapi.yaml, /api/v1/me/*): my offers (list, show — which delivers
// and opens the offer — accept with corrected application data, decline), my data with the
// purpose of each field, my preferences (language, opt-out per service).
//
// Every route needs a logged-in citizen (Access::kCitizen) and runs on the blocking pool. The
// citizen is found by the principal's pid (404 "unknown-person" when the register has no such
// person); an offer the citizen does not receive is answered exactly like one that does not
// exist (404 "not-found"). Answers carry Cache-Control: no-store (personal data). The language
// is chosen as http/api/language.h says.
//
// `context` must outlive `router`. Handlers are thread-safe: each uses its thread's store
// (ApiContext::Store) and per-request state only.

#include "http/api/api_context.h"
#include "http/router.h"

namespace proaktiv::http::api {

void RegisterCitizenRoutes(Router& router, const ApiContext& context);

}  // namespace proaktiv::http::api
