#include "http/server/ops_routes.h"

#include <boost/json.hpp>

namespace proaktiv::http::server {

bool IsLoopback(std::string_view address) {
  return address.starts_with("127.") || address == "::1" || address.starts_with("::ffff:127.");
}

void RegisterOpsRoutes(Router& router, const OpsContext& context) {
  router.Add(Method::kGet, "/health",
             [check = context.database_check](const Request&, const RouteContext&) {
               const bool database_ok = !check || check();
               boost::json::object body;
               body["status"] = database_ok ? "ok" : "unavailable";
               body["database"] = database_ok ? "ok" : "unavailable";
               return Response::Json(database_ok ? 200 : 503, body);
             },
             {.access = Access::kPublic,
              .blocking = static_cast<bool>(context.database_check),
              .name = "health"});

  router.Add(Method::kGet, "/metrics",
             [render = context.metrics_text](const Request& request, const RouteContext& route) {
               const bool local = IsLoopback(request.remote_address) &&
                                  request.Header("x-forwarded-for").empty() &&
                                  request.Header("forwarded").empty();
               if (!local && !(route.principal.is_staff() && route.principal.HasScope("metrics"))) {
                 if (route.principal.kind == Principal::Kind::kAnonymous) {
                   return Response::Problem(401, "unauthenticated",
                                            "Metrics need an API key with the 'metrics' scope.");
                 }
                 return Response::Problem(403, "forbidden", "Metrics need the 'metrics' scope.");
               }
               if (!render) return Response::Problem(404, "not-found", "No metrics are collected.");
               Response response;
               response.content_type = "text/plain; version=0.0.4; charset=utf-8";
               response.body = render();
               return response;
             },
             {.access = Access::kPublic, .name = "metrics"});
}

}  // namespace proaktiv::http::server
