#include "http/api/admin_routes.h"

#include "http/api/admin_common.h"

namespace proaktiv::http::api {

void RegisterAdminRoutes(Router& router, const ApiContext& context) {
  using Fn = Response (*)(const ApiContext&, const Request&, const RouteContext&);
  auto bind = [&context](Fn fn) {
    return [&context, fn](const Request& request, const RouteContext& route) {
      return fn(context, request, route);
    };
  };
  auto admin = [](const char* name) {
    return RouteOptions{.access = Access::kStaff, .scope = "admin", .blocking = true, .name = name};
  };
  const std::string base = "/api/v1/admin/kommuner/{kommune}";
  router.Add(Method::kGet, base + "/services", bind(ListKommuneServices),
             admin("listKommuneServices"));
  router.Add(Method::kPut, base + "/services/{service}", bind(PutKommuneService),
             admin("putKommuneService"));
  router.Add(Method::kPost, base + "/services/{service}/dry-run", bind(DryRunService),
             admin("dryRunService"));
  router.Add(Method::kGet, base + "/uptake", bind(GetUptake), admin("getUptake"));
  router.Add(Method::kGet, base + "/satisfaction", bind(GetSatisfaction), admin("getSatisfaction"));
  router.Add(Method::kGet, base + "/delivery", bind(GetDeliveryCounts), admin("getDeliveryCounts"));
}

}  // namespace proaktiv::http::api
