#include "http/api/citizen_routes.h"

#include <algorithm>
#include <memory>
#include <tuple>

#include "engine/person_cache.h"
#include "http/api/api_error.h"
#include "http/api/citizen.h"
#include "http/api/language.h"
#include "http/api/my_data.h"
#include "http/api/offer_answers.h"
#include "http/api/offer_messages.h"
#include "http/api/offer_views.h"
#include "http/api/preferences.h"

namespace proaktiv::http::api {
namespace {

// What every citizen route starts with: the thread's store, the persons read for this request,
// the citizen and the language of the answer.
struct Session {
  store::RegistryStore* store = nullptr;
  std::unique_ptr<engine::PersonCache> persons;  // not movable: its lookup points at it
  Citizen citizen;
  std::optional<std::string> stored_language;
  std::string language;
};

ApiResult<Session> OpenSession(const ApiContext& context, const Request& request,
                               const RouteContext& route) {
  Session s;
  PROAKTIV_API_ASSIGN_OR_RETURN(s.store, context.Store());
  s.persons = std::make_unique<engine::PersonCache>(*s.store);
  PROAKTIV_API_ASSIGN_OR_RETURN(s.citizen, IdentifyCitizen(route.principal, *s.persons));
  PROAKTIV_API_ASSIGN_OR_RETURN(s.stored_language, s.store->portal().Language(s.citizen.key));
  PROAKTIV_API_ASSIGN_OR_RETURN(s.language, ChooseLanguage(request, s.stored_language));
  return s;
}

Response Private(Response response) {
  response.headers.emplace_back("Cache-Control", "no-store");
  return response;
}

// A citizen route: opens the session, then `body(context, session, request, route)` gives the
// JSON answer or the problem.
template <typename Body>
Handler CitizenHandler(const ApiContext& context, Body body) {
  return [&context, body](const Request& request, const RouteContext& route) -> Response {
    ApiResult<Session> session = OpenSession(context, request, route);
    if (!session) return Private(ToResponse(session.error()));
    ApiResult<boost::json::value> out = body(context, *session, request, route);
    if (!out) return Private(ToResponse(out.error()));
    return Private(Response::Json(200, *out));
  };
}

// A citizen route that only reads: its answer comes from the context's ReadCache while the
// database is unchanged, and is computed by CitizenHandler otherwise. Problems are not kept.
template <typename Body>
Handler CachedCitizenHandler(const ApiContext& context, std::string_view route_name, Body body) {
  Handler compute = CitizenHandler(context, body);
  ReadCache* cache = context.read_cache();
  if (cache == nullptr) return compute;
  return [&context, cache, compute = std::move(compute), route_name](const Request& request,
                                                                     const RouteContext& route) {
    Result<int64_t> version = cache->Version();
    if (!version || !route.principal.is_citizen()) return compute(request, route);
    std::string key =
        CitizenReadKey(route_name, context.clock().TodayInNorway().days(), route.principal.pid,
                       request.QueryParam("lang").value_or(""), request.Header("accept-language"));
    if (std::optional<std::string> body = cache->Find(key, *version)) {
      Response response;
      response.body = std::move(*body);
      return Private(std::move(response));
    }
    Response response = compute(request, route);
    if (response.status == 200) cache->Put(std::move(key), *version, response.body);
    return response;
  };
}

ApiResult<boost::json::value> Detail(const ApiContext& context, Session& s,
                                     const store::OfferRecord& offer) {
  OfferViews views(context.library(), *s.persons, s.store->engine(), s.citizen, s.language);
  PROAKTIV_API_ASSIGN_OR_RETURN(boost::json::object detail, views.Detail(offer));
  PROAKTIV_API_ASSIGN_OR_RETURN(detail["messages"],
                                OfferMessagesJson(s.store->outbox(), offer.id, s.citizen.key));
  return boost::json::value(std::move(detail));
}

ApiResult<boost::json::value> ListMyOffers(const ApiContext& context, Session& s, const Request&,
                                           const RouteContext&) {
  PROAKTIV_API_ASSIGN_OR_RETURN(auto offers, s.store->engine().OffersFor(s.citizen.key));
  // Newest first.
  std::stable_sort(offers.begin(), offers.end(), [](const auto& a, const auto& b) {
    return std::tie(a.decided_day, a.id) > std::tie(b.decided_day, b.id);
  });
  OfferViews views(context.library(), *s.persons, s.store->engine(), s.citizen, s.language);
  boost::json::array list;
  for (const store::OfferRecord& offer : offers) {
    PROAKTIV_API_ASSIGN_OR_RETURN(auto summary, views.Summary(offer));
    list.push_back(std::move(summary));
  }
  return boost::json::object{{"offers", std::move(list)}};
}

ApiResult<boost::json::value> GetMyOffer(const ApiContext& context, Session& s, const Request&,
                                         const RouteContext& route) {
  PROAKTIV_API_ASSIGN_OR_RETURN(
      store::OfferRecord offer,
      OpenThroughPortal(*s.store, s.citizen, route.Param("id"), context.clock().TodayInNorway()));
  return Detail(context, s, offer);
}

ApiResult<boost::json::value> AnswerMyOffer(const ApiContext& context, bool accept, Session& s,
                                            const Request& request, const RouteContext& route) {
  PROAKTIV_API_ASSIGN_OR_RETURN(Answer answer, ParseAnswer(request.body, accept));
  PROAKTIV_API_ASSIGN_OR_RETURN(
      store::OfferRecord offer,
      AnswerOffer(*s.store, context.library(), s.citizen, route.Param("id"), answer,
                  context.clock().TodayInNorway()));
  return Detail(context, s, offer);
}

ApiResult<boost::json::value> GetMyData(const ApiContext& context, Session& s, const Request&,
                                        const RouteContext&) {
  PROAKTIV_API_ASSIGN_OR_RETURN(boost::json::object data,
                                MyDataJson(context.catalog(), context.library(), *s.persons,
                                           s.citizen, s.language, context.clock().TodayInNorway()));
  return boost::json::value(std::move(data));
}

ApiResult<boost::json::value> MyPreferences(const ApiContext& context, Session& s) {
  PROAKTIV_API_ASSIGN_OR_RETURN(
      boost::json::object prefs,
      PreferencesJson(*s.store, context.library(), s.citizen,
                      s.stored_language.value_or(s.language), s.language));
  return boost::json::value(std::move(prefs));
}

ApiResult<boost::json::value> GetMyPreferences(const ApiContext& context, Session& s,
                                               const Request&, const RouteContext&) {
  return MyPreferences(context, s);
}

ApiResult<boost::json::value> PutMyPreferences(const ApiContext& context, Session& s,
                                               const Request& request, const RouteContext&) {
  PROAKTIV_API_ASSIGN_OR_RETURN(PreferencesUpdate update,
                                ParsePreferences(request.body, context.library()));
  PROAKTIV_API_RETURN_IF_ERROR(ApplyPreferences(*s.store, context.library(), s.citizen, update,
                                                context.clock().TodayInNorway()));
  if (update.language) {
    s.stored_language = update.language;
    // The answer speaks the language just chosen, unless the request names one with ?lang=.
    if (!request.QueryParam("lang")) s.language = *update.language;
  }
  return MyPreferences(context, s);
}

}  // namespace

void RegisterCitizenRoutes(Router& router, const ApiContext& context) {
  auto options = [](const char* name) {
    return RouteOptions{.access = Access::kCitizen, .scope = "", .blocking = true, .name = name};
  };

  auto answer = [](bool accept) {
    return
        [accept](const ApiContext& c, Session& s, const Request& request,
                 const RouteContext& route) { return AnswerMyOffer(c, accept, s, request, route); };
  };
  router.Add(Method::kGet, "/api/v1/me/offers",
             CachedCitizenHandler(context, "listMyOffers", ListMyOffers), options("listMyOffers"));
  router.Add(Method::kGet, "/api/v1/me/offers/{id}", CitizenHandler(context, GetMyOffer),
             options("getMyOffer"));
  router.Add(Method::kPost, "/api/v1/me/offers/{id}/accept", CitizenHandler(context, answer(true)),
             options("acceptMyOffer"));
  router.Add(Method::kPost, "/api/v1/me/offers/{id}/decline",
             CitizenHandler(context, answer(false)), options("declineMyOffer"));
  router.Add(Method::kGet, "/api/v1/me/data", CachedCitizenHandler(context, "getMyData", GetMyData),
             options("getMyData"));
  router.Add(Method::kGet, "/api/v1/me/preferences",
             CachedCitizenHandler(context, "getMyPreferences", GetMyPreferences),
             options("getMyPreferences"));
  router.Add(Method::kPut, "/api/v1/me/preferences", CitizenHandler(context, PutMyPreferences),
             options("putMyPreferences"));
}

}  // namespace proaktiv::http::api
