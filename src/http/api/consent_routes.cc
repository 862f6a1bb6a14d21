// The citizen's consents (consent_api.h): list, show, open/accept/reject/revoke, receipt.

#include <memory>

#include <boost/json.hpp>

#include "consent/consent_service.h"
#include "consent/receipt.h"
#include "engine/person_cache.h"
#include "http/api/api_error.h"
#include "http/api/citizen.h"
#include "http/api/consent_api.h"
#include "http/api/consent_views.h"
#include "http/api/language.h"

namespace proaktiv::http::api {
namespace {

struct CitizenCall {
  store::RegistryStore* store = nullptr;
  std::unique_ptr<engine::PersonCache> persons;
  Citizen citizen;
  std::string language;
};

ApiResult<CitizenCall> Open(const ConsentApiContext& context, const Request& request,
                            const RouteContext& route) {
  CitizenCall call;
  PROAKTIV_API_ASSIGN_OR_RETURN(call.store, context.api.Store());
  call.persons = std::make_unique<engine::PersonCache>(*call.store);
  PROAKTIV_API_ASSIGN_OR_RETURN(call.citizen, IdentifyCitizen(route.principal, *call.persons));
  PROAKTIV_API_ASSIGN_OR_RETURN(auto stored, call.store->portal().Language(call.citizen.key));
  PROAKTIV_API_ASSIGN_OR_RETURN(call.language, ChooseLanguage(request, stored));
  return call;
}

Response Private(Response response) {
  response.headers.emplace_back("Cache-Control", "no-store");
  return response;
}

// The citizen's own consent `id` (expired first when due); 404 for an unknown consent and for
// another person's alike.
ApiResult<store::ConsentRecord> MyConsent(const ConsentApiContext& context, CitizenCall& call,
                                          std::string_view id) {
  consent::ConsentService consents(*call.store, context.clock);
  PROAKTIV_API_ASSIGN_OR_RETURN(auto found, consents.Find(id));
  if (!found || found->person_key != call.citizen.key) {
    return Fail(404, "not-found", "You have no consent with this id.");
  }
  return std::move(*found);
}

ApiResult<boost::json::object> Detail(const ConsentApiContext& context, CitizenCall& call,
                                      const store::ConsentRecord& consent) {
  PROAKTIV_API_ASSIGN_OR_RETURN(auto consumer,
                                call.store->consent().FindConsumer(consent.consumer));
  PROAKTIV_API_ASSIGN_OR_RETURN(auto events, call.store->consent().Events(consent.id));
  return ConsentJson(consent, consumer, context.api.catalog(), call.language, &events);
}

template <typename Body>
Handler CitizenHandler(const ConsentApiContext& context, Body body) {
  return [&context, body](const Request& request, const RouteContext& route) -> Response {
    ApiResult<CitizenCall> call = Open(context, request, route);
    if (!call) return Private(ToResponse(call.error()));
    ApiResult<Response> out = body(context, *call, request, route);
    if (!out) return Private(ToResponse(out.error()));
    return Private(std::move(*out));
  };
}

ApiResult<Response> ListMyConsents(const ConsentApiContext& context, CitizenCall& call,
                                   const Request&, const RouteContext&) {
  consent::ConsentService consents(*call.store, context.clock);
  PROAKTIV_API_ASSIGN_OR_RETURN(auto all, consents.ForPerson(call.citizen.key));
  boost::json::array list;
  for (const store::ConsentRecord& c : all) {
    PROAKTIV_API_ASSIGN_OR_RETURN(auto consumer, call.store->consent().FindConsumer(c.consumer));
    list.push_back(ConsentJson(c, consumer, context.api.catalog(), call.language, nullptr));
  }
  return Response::Json(
      200, boost::json::object{{"language", call.language}, {"consents", std::move(list)}});
}

ApiResult<Response> GetMyConsent(const ConsentApiContext& context, CitizenCall& call,
                                 const Request&, const RouteContext& route) {
  PROAKTIV_API_ASSIGN_OR_RETURN(auto consent, MyConsent(context, call, route.Param("id")));
  PROAKTIV_API_ASSIGN_OR_RETURN(auto detail, Detail(context, call, consent));
  return Response::Json(200, detail);
}

ApiResult<Response> ActOnMyConsent(const ConsentApiContext& context, consent::CitizenAction action,
                                   CitizenCall& call, const RouteContext& route) {
  consent::ConsentService consents(*call.store, context.clock);
  auto changed = consents.Act(call.citizen.key, route.Param("id"), action);
  if (!changed && changed.error().code == ErrorCode::kNotFound) {
    return Fail(404, "not-found", "You have no consent with this id.");
  }
  if (!changed && changed.error().code == ErrorCode::kFailedPrecondition) {
    return Fail(409, "conflict", changed.error().message + ".");
  }
  PROAKTIV_API_RETURN_IF_ERROR(changed);
  PROAKTIV_API_ASSIGN_OR_RETURN(auto detail, Detail(context, call, *changed));
  return Response::Json(200, detail);
}

ApiResult<Response> GetMyConsentReceipt(const ConsentApiContext& context, CitizenCall& call,
                                        const Request&, const RouteContext& route) {
  PROAKTIV_API_ASSIGN_OR_RETURN(auto consent, MyConsent(context, call, route.Param("id")));
  PROAKTIV_API_ASSIGN_OR_RETURN(auto consumer,
                                call.store->consent().FindConsumer(consent.consumer));
  PROAKTIV_API_ASSIGN_OR_RETURN(auto events, call.store->consent().Events(consent.id));
  const consent::ReceiptParties parties{context.controller_name, consumer ? &*consumer : nullptr};
  Response r =
      Response::Json(200, consent::ConsentReceipt(consent, events, *call.citizen.person, parties,
                                                  context.api.catalog(), call.language));
  r.headers.emplace_back("Content-Disposition",
                         "attachment; filename=\"consent-receipt-" + consent.id + ".json\"");
  return r;
}

}  // namespace

void RegisterCitizenConsentRoutes(Router& router, const ConsentApiContext& context) {
  auto options = [](const char* name) {
    return RouteOptions{.access = Access::kCitizen, .scope = "", .blocking = true, .name = name};
  };
  auto act = [](consent::CitizenAction action) {
    return [action](const ConsentApiContext& c, CitizenCall& call, const Request&,
                    const RouteContext& route) { return ActOnMyConsent(c, action, call, route); };
  };
  router.Add(Method::kGet, "/api/v1/me/consents", CitizenHandler(context, ListMyConsents),
             options("listMyConsents"));
  router.Add(Method::kGet, "/api/v1/me/consents/{id}", CitizenHandler(context, GetMyConsent),
             options("getMyConsent"));
  router.Add(Method::kPost, "/api/v1/me/consents/{id}/open",
             CitizenHandler(context, act(consent::CitizenAction::kOpen)), options("openMyConsent"));
  router.Add(Method::kPost, "/api/v1/me/consents/{id}/accept",
             CitizenHandler(context, act(consent::CitizenAction::kAccept)),
             options("acceptMyConsent"));
  router.Add(Method::kPost, "/api/v1/me/consents/{id}/reject",
             CitizenHandler(context, act(consent::CitizenAction::kReject)),
             options("rejectMyConsent"));
  router.Add(Method::kPost, "/api/v1/me/consents/{id}/revoke",
             CitizenHandler(context, act(consent::CitizenAction::kRevoke)),
             options("revokeMyConsent"));
  router.Add(Method::kGet, "/api/v1/me/consents/{id}/receipt",
             CitizenHandler(context, GetMyConsentReceipt), options("getMyConsentReceipt"));
}

}  // namespace proaktiv::http::api
