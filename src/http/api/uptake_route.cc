// GET /api/v1/admin/kommuner/{kommune}/uptake[?service=<id>][&format=svg]  (getUptake)
//
// The uptake funnel per service and month of decision of the offers decided under the
// kommune's rules: {"rows": [UptakeRow…]} ordered by service and month. The stages are defined
// in store/settings_store.h (SettingsStore::Uptake): eligible = every offer made (a positive
// decision), including those later withdrawn or expired, not notices nor caseworker tasks;
// offered = not withdrawn before being sent; delivered = reached sent; opened = reached opened
// or was answered; accepted = accepted. `format=svg` answers the same numbers as a chart
// (image/svg+xml): one group of five bars (the stages) per month, summed over the services
// selected.

#include <array>
#include <map>

#include <fmt/format.h>
#include <boost/json.hpp>

#include "common/svg_chart.h"
#include "http/api/admin_common.h"

namespace proaktiv::http::api {

namespace {

ApiResult<std::vector<store::UptakeCount>> Rows(const ApiContext& context, const Request& request,
                                                const RouteContext& route, std::string& kommune,
                                                std::string& service) {
  PROAKTIV_API_ASSIGN_OR_RETURN(kommune, CheckKommune(route));
  service = request.QueryParam("service").value_or("");
  if (!service.empty()) PROAKTIV_API_RETURN_IF_ERROR(FindService(context.library(), service));
  PROAKTIV_API_ASSIGN_OR_RETURN(store::RegistryStore * store, context.Store());
  PROAKTIV_API_ASSIGN_OR_RETURN(auto rows, store->settings().Uptake(kommune, service));
  return rows;
}

Response Chart(const std::vector<store::UptakeCount>& rows, const std::string& kommune,
               const std::string& service) {
  std::map<std::string, std::array<double, 5>> by_month;
  for (const store::UptakeCount& r : rows) {
    auto& m = by_month[r.month];
    m[0] += static_cast<double>(r.eligible);
    m[1] += static_cast<double>(r.offered);
    m[2] += static_cast<double>(r.delivered);
    m[3] += static_cast<double>(r.opened);
    m[4] += static_cast<double>(r.accepted);
  }
  ChartSpec spec;
  spec.title = fmt::format("Uptake in {}{}", kommune, service.empty() ? "" : " — " + service);
  spec.y_label = "offers";
  const char* stages[] = {"eligible", "offered", "delivered", "opened", "accepted"};
  for (size_t s = 0; s < 5; ++s) spec.series.push_back(ChartSeries{stages[s], {}});
  for (const auto& [month, values] : by_month) {
    spec.categories.push_back(month);
    for (size_t s = 0; s < 5; ++s) spec.series[s].values.push_back(values[s]);
  }
  if (spec.categories.empty()) {
    spec.categories.push_back("");
    spec.series.clear();
  }
  auto svg = RenderSvgChart(spec);
  if (!svg) return ToResponse(FromError(svg.error()));
  Response out;
  out.content_type = "image/svg+xml";
  out.body = std::move(*svg);
  return out;
}

}  // namespace

Response GetUptake(const ApiContext& context, const Request& request, const RouteContext& route) {
  std::string kommune, service;
  auto rows = Rows(context, request, route, kommune, service);
  if (!rows) return ToResponse(rows.error());
  const std::string format = request.QueryParam("format").value_or("json");
  if (format == "svg") return Chart(*rows, kommune, service);
  if (format != "json") {
    return ToResponse(ApiError{400, "invalid-parameter", "format must be json or svg"});
  }
  boost::json::array out;
  for (const store::UptakeCount& r : *rows) {
    out.push_back(boost::json::object{{"service", r.service},
                                      {"month", r.month},
                                      {"eligible", r.eligible},
                                      {"offered", r.offered},
                                      {"delivered", r.delivered},
                                      {"opened", r.opened},
                                      {"accepted", r.accepted}});
  }
  return Response::Json(200, boost::json::object{{"rows", std::move(out)}});
}

}  // namespace proaktiv::http::api
