#pragma once

// What the admin's handlers (/api/v1/admin/kommuner/{kommune}/…) share: the kommune check, the
// service lookup, and the handlers themselves (registered by admin_routes.cc).
//
// Every admin handler first calls CheckKommune: an unknown kommune number (not one of the 357
// kommuner built into the binary, registry/kommune.h) is 404 "unknown-kommune"; a kommune the
// caller's scopes do not cover (Principal::MayAdminister) is 403 "forbidden-kommune". A service
// the library does not have is 404 "unknown-service". Stateless; thread-safe.

#include <string>
#include <string_view>

#include "engine/service_bundle.h"
#include "http/api/api_context.h"
#include "http/api/api_error.h"
#include "http/message.h"
#include "http/router.h"

namespace proaktiv::http::api {

// The path's kommune when the caller may administer it (see above).
ApiResult<std::string> CheckKommune(const RouteContext& route);

// The service `id` of `library`; 404 "unknown-service" otherwise.
ApiResult<const engine::ServiceBundle*> FindService(const engine::ServiceLibrary& library,
                                                    std::string_view id);

// Who made a change, for the settings log: the staff key's name, else its id.
std::string ChangedBy(const Principal& principal);

// The handlers (docs/openapi.yaml operationIds); each answers a problem on any error.
Response ListKommuneServices(const ApiContext& context, const Request& request,
                             const RouteContext& route);
Response PutKommuneService(const ApiContext& context, const Request& request,
                           const RouteContext& route);
Response DryRunService(const ApiContext& context, const Request& request,
                       const RouteContext& route);
Response GetUptake(const ApiContext& context, const Request& request, const RouteContext& route);
Response GetSatisfaction(const ApiContext& context, const Request& request,
                         const RouteContext& route);
Response GetDeliveryCounts(const ApiContext& context, const Request& request,
                           const RouteContext& route);

}  // namespace proaktiv::http::api
