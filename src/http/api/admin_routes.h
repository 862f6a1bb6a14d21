#pragma once

// The municipality admin's API (docs/openapi.yaml, /api/v1/admin/kommuner/{kommune}/…):
//   GET  …/services                     listKommuneServices  services, enabled, parameters
//   PUT  …/services/{service}           putKommuneService    save {enabled?, parameters?}
//   POST …/services/{service}/dry-run   dryRunService        a candidate DMN vs the current one
//   GET  …/uptake[?service=]            getUptake            the funnel per service and month
//   GET  …/satisfaction                 getSatisfaction      answers, mean, 95 % interval
//
// Every route needs staff with an admin scope (Access::kStaff, scope "admin") and runs on the
// blocking pool; each handler then checks the path's kommune (http/api/admin_common.h): 404
// "unknown-kommune", 403 "forbidden-kommune" when the key's scopes do not cover it.
//
// `context` must outlive `router`. Handlers are thread-safe: each uses its thread's store
// (ApiContext::Store) and per-request state only.

#include "http/api/api_context.h"
#include "http/router.h"

namespace proaktiv::http::api {

void RegisterAdminRoutes(Router& router, const ApiContext& context);

}  // namespace proaktiv::http::api
