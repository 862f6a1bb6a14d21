// GET /api/v1/admin/kommuner/{kommune}/satisfaction  (getSatisfaction)
//
// The satisfaction answers (1–5, given with an accept or decline) per service in the kommune:
// {"services": [{"service", "name", "answers", "mean", "ci95_low", "ci95_high",
// "distribution": [n1, n2, n3, n4, n5]}]}, every service of the library (answers 0 when none)
// and any other service that has answers. The interval is the mean's 95 % confidence interval
// with Student's t (http/api/satisfaction.h); mean is null with no answers, the interval null
// with fewer than two.

#include <algorithm>

#include <boost/json.hpp>

#include "http/api/admin_common.h"
#include "http/api/language.h"
#include "http/api/satisfaction.h"

namespace proaktiv::http::api {

namespace {

boost::json::value OrNull(const std::optional<double>& v) {
  return v ? boost::json::value(*v) : boost::json::value(nullptr);
}

ApiResult<boost::json::object> Satisfaction(const ApiContext& context, const Request& request,
                                            const RouteContext& route) {
  PROAKTIV_API_ASSIGN_OR_RETURN(std::string kommune, CheckKommune(route));
  PROAKTIV_API_ASSIGN_OR_RETURN(std::string lang, ChooseLanguage(request, std::nullopt));
  PROAKTIV_API_ASSIGN_OR_RETURN(store::RegistryStore * store, context.Store());
  PROAKTIV_API_ASSIGN_OR_RETURN(auto answered, store->settings().Satisfaction(kommune));
  std::vector<store::SatisfactionCounts> all;
  for (const auto& bundle : context.library().bundles()) {
    all.push_back(store::SatisfactionCounts{bundle->id(), {}});
  }
  for (const store::SatisfactionCounts& c : answered) {
    auto it =
        std::find_if(all.begin(), all.end(), [&](const auto& a) { return a.service == c.service; });
    if (it == all.end()) {
      all.push_back(c);
    } else {
      it->counts = c.counts;
    }
  }
  boost::json::array services;
  for (const store::SatisfactionCounts& c : all) {
    const SatisfactionSummary s = Summarize(c.counts);
    const engine::ServiceBundle* bundle = context.library().Find(c.service);
    boost::json::array distribution;
    for (int64_t n : c.counts) distribution.push_back(n);
    services.push_back(
        boost::json::object{{"service", c.service},
                            {"name", bundle ? bundle->definition().name.In(lang) : c.service},
                            {"answers", s.answers},
                            {"mean", OrNull(s.mean)},
                            {"ci95_low", OrNull(s.ci95_low)},
                            {"ci95_high", OrNull(s.ci95_high)},
                            {"distribution", std::move(distribution)}});
  }
  return boost::json::object{{"services", std::move(services)}};
}

}  // namespace

Response GetSatisfaction(const ApiContext& context, const Request& request,
                         const RouteContext& route) {
  auto out = Satisfaction(context, request, route);
  return out ? Response::Json(200, *out) : ToResponse(out.error());
}

}  // namespace proaktiv::http::api
