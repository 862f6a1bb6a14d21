// POST /api/v1/admin/kommuner/{kommune}/services/{service}/dry-run  (dryRunService)
//
// The body is a DMN model (XML) meant to replace the service's eligibility.dmn. It is loaded
// with the service's service.yaml and checked as a bundle is (422 "invalid-model" with the
// line or the DMN element), then `Eligible` is decided for every resident of the kommune today
// with the current and with the candidate model, both under the kommune's effective settings
// (engine/dry_run.h). Nothing is stored. The answer:
//   {"persons", "current_eligible", "candidate_eligible", "gained_count", "lost_count",
//    "gained": [{"id": "130972*****", "birth_year": 1972, "reason": "<candidate's code>"}, …],
//    "lost": […], "seconds", "read_seconds", "scan_seconds"}
// with at most 100 persons in each list; identity numbers only masked.
//
// A dry run holds the kommune's residents in memory (Oslo, 715 000 persons: about 1.1 GB and
// some seconds), so one runs at a time in the process: another request meanwhile gets 429
// "dry-run-busy".

#include <chrono>
#include <mutex>

#include <boost/json.hpp>

#include "engine/dry_run.h"
#include "engine/kommune_settings.h"
#include "http/api/admin_common.h"

namespace proaktiv::http::api {

namespace {

constexpr size_t kMaxListed = 100;
constexpr size_t kMaxModelBytes = 4 << 20;

boost::json::array PersonsJson(const std::vector<engine::DryRunPerson>& persons) {
  boost::json::array out;
  for (const engine::DryRunPerson& p : persons) {
    boost::json::object o;
    o["id"] = p.masked_id;
    o["birth_year"] = p.birth_year == 0 ? boost::json::value(nullptr) : p.birth_year;
    o["reason"] = p.reason;
    out.push_back(std::move(o));
  }
  return out;
}

ApiResult<boost::json::object> DryRun(const ApiContext& context, const Request& request,
                                      const RouteContext& route) {
  const auto start = std::chrono::steady_clock::now();
  PROAKTIV_API_ASSIGN_OR_RETURN(std::string kommune, CheckKommune(route));
  PROAKTIV_API_ASSIGN_OR_RETURN(const engine::ServiceBundle* base,
                                FindService(context.library(), route.Param("service")));
  if (request.body.empty()) {
    return Fail(422, "invalid-model", "the body must be a DMN model (XML)");
  }
  if (request.body.size() > kMaxModelBytes) {
    return Fail(413, "too-large", "a DMN model of more than 4 MB is not accepted");
  }
  static std::mutex running;
  std::unique_lock<std::mutex> one_at_a_time(running, std::try_to_lock);
  if (!one_at_a_time.owns_lock()) {
    return Fail(429, "dry-run-busy", "another dry run is in progress; try again shortly");
  }
  PROAKTIV_API_ASSIGN_OR_RETURN(store::RegistryStore * store, context.Store());
  PROAKTIV_API_ASSIGN_OR_RETURN(auto effective,
                                engine::EffectiveLibrary(context.library(), store->settings()));
  const engine::ServiceBundle* current = effective.Find(base->id());
  auto candidate = current->WithDmn(request.body, "uploaded eligibility.dmn");
  if (!candidate) return Fail(422, "invalid-model", FromError(candidate.error()).detail);
  PROAKTIV_API_ASSIGN_OR_RETURN(auto residents, engine::LoadResidents(*store, kommune));
  PROAKTIV_API_ASSIGN_OR_RETURN(
      engine::DryRunResult result,
      engine::CompareModels(*current, **candidate, *residents, context.clock().TodayInNorway(),
                            {.max_listed = kMaxListed, .threads = 2}));
  boost::json::object out;
  out["persons"] = result.persons;
  out["current_eligible"] = result.current_eligible;
  out["candidate_eligible"] = result.candidate_eligible;
  out["gained_count"] = result.gained_count;
  out["lost_count"] = result.lost_count;
  out["gained"] = PersonsJson(result.gained);
  out["lost"] = PersonsJson(result.lost);
  out["seconds"] = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  out["read_seconds"] = residents->read_seconds;
  out["scan_seconds"] = result.scan_seconds;
  return out;
}

}  // namespace

Response DryRunService(const ApiContext& context, const Request& request,
                       const RouteContext& route) {
  auto out = DryRun(context, request, route);
  return out ? Response::Json(200, *out) : ToResponse(out.error());
}

}  // namespace proaktiv::http::api
