// GET /api/v1/admin/kommuner/{kommune}/delivery[?from=YYYY-MM-DD][&to=YYYY-MM-DD]
// (getDeliveryCounts)
//
// The kommune's messages per day they were queued (Norwegian calendar), channel and current
// status: {"kommune", "from", "to", "rows": [{"day", "channel", "status", "count"}…],
// "totals": {channel: {status: count}}}. The period defaults to the 30 days through today
// (the service clock); at most 366 days.

#include <fmt/format.h>
#include <boost/json.hpp>

#include "http/api/admin_common.h"

namespace proaktiv::http::api {

namespace {

ApiResult<CivilDate> DateParam(const Request& request, const char* name, CivilDate fallback) {
  auto text = request.QueryParam(name);
  if (!text) return fallback;
  auto day = CivilDate::Parse(*text);
  if (!day || text->size() != 10) {
    return Fail(400, "invalid-parameter",
                fmt::format("{} '{}' is not a date YYYY-MM-DD", name, *text));
  }
  return *day;
}

ApiResult<boost::json::object> Counts(const ApiContext& context, const Request& request,
                                      const RouteContext& route) {
  PROAKTIV_API_ASSIGN_OR_RETURN(std::string kommune, CheckKommune(route));
  const CivilDate today = context.clock().TodayInNorway();
  PROAKTIV_API_ASSIGN_OR_RETURN(CivilDate to, DateParam(request, "to", today));
  PROAKTIV_API_ASSIGN_OR_RETURN(CivilDate from, DateParam(request, "from", to.AddDays(-29)));
  if (from > to || to.days() - from.days() > 365) {
    return Fail(400, "invalid-parameter", "from must be on or before to, at most 366 days apart");
  }
  PROAKTIV_API_ASSIGN_OR_RETURN(store::RegistryStore * store, context.Store());
  PROAKTIV_API_ASSIGN_OR_RETURN(auto counts,
                                store->outbox().CountByDay(kommune, from.days(), to.days()));
  boost::json::array rows;
  boost::json::object totals;
  for (const store::DeliveryCount& c : counts) {
    const std::string_view status = store::Name(c.status);
    rows.push_back(boost::json::object{{"day", CivilDate::FromDays(c.day).ToString()},
                                       {"channel", c.channel},
                                       {"status", status},
                                       {"count", c.count}});
    boost::json::value& per_channel = totals[c.channel];
    if (!per_channel.is_object()) per_channel = boost::json::object{};
    boost::json::value& n = per_channel.as_object()[status];
    n = (n.is_int64() ? n.as_int64() : 0) + c.count;
  }
  return boost::json::object{{"kommune", kommune},
                             {"from", from.ToString()},
                             {"to", to.ToString()},
                             {"rows", std::move(rows)},
                             {"totals", std::move(totals)}};
}

}  // namespace

Response GetDeliveryCounts(const ApiContext& context, const Request& request,
                           const RouteContext& route) {
  auto out = Counts(context, request, route);
  if (!out) return ToResponse(out.error());
  return Response::Json(200, *out);
}

}  // namespace proaktiv::http::api
