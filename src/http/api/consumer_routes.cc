// The consumer's side (consent_api.h): the token endpoint, consent requests and their state,
// and the JWKS with proaktiv's token-signing key.

#include <boost/json.hpp>

#include "common/logging.h"
#include "consent/consent_request.h"
#include "consent/consent_service.h"
#include "consent/time_text.h"
#include "consent/token_grant.h"
#include "http/api/consent_api.h"
#include "http/api/consent_views.h"
#include "http/api/consumer_auth.h"

namespace proaktiv::http::api {
namespace {

Response NoStore(Response r) {
  r.headers.emplace_back("Cache-Control", "no-store");
  r.headers.emplace_back("Pragma", "no-cache");
  return r;
}

Response OAuthProblem(const consent::OAuthError& e) {
  Response r = Response::Json(
      e.status, boost::json::object{{"error", e.error}, {"error_description", e.description}});
  if (e.status == 401) r.headers.emplace_back("WWW-Authenticate", "Bearer");
  return NoStore(std::move(r));
}

consent::TokenRequest ParseTokenForm(std::string_view body) {
  consent::TokenRequest r;
  while (!body.empty()) {
    const size_t amp = body.find('&');
    const std::string_view pair = body.substr(0, amp);
    body = amp == std::string_view::npos ? std::string_view() : body.substr(amp + 1);
    const size_t eq = pair.find('=');
    const std::string name = DecodeFormComponent(pair.substr(0, eq));
    std::string value =
        eq == std::string_view::npos ? "" : DecodeFormComponent(pair.substr(eq + 1));
    if (name == "grant_type") r.grant_type = std::move(value);
    if (name == "client_assertion_type") r.client_assertion_type = std::move(value);
    if (name == "client_assertion") r.client_assertion = std::move(value);
    if (name == "client_id") r.client_id = std::move(value);
    if (name == "scope") r.scope = std::move(value);
    if (name == "authorization_details") r.authorization_details = std::move(value);
  }
  return r;
}

Response Token(const ConsentApiContext& context, const Request& request) {
  if (!request.Header("content-type").starts_with("application/x-www-form-urlencoded")) {
    return OAuthProblem({400, "invalid_request",
                         "the body must be application/x-www-form-urlencoded (RFC 6749 §4.4)"});
  }
  auto store = context.api.Store();
  if (!store) return OAuthProblem({503, "temporarily_unavailable", "the database is unavailable"});
  auto grant =
      consent::GrantToken(ParseTokenForm(request.body), **store, context.tokens, context.clock);
  if (!grant) return OAuthProblem(grant.error());
  boost::json::object out{{"access_token", grant->access_token},
                          {"token_type", "Bearer"},
                          {"expires_in", grant->expires_in}};
  if (!grant->claims.scope.empty()) out["scope"] = grant->claims.scope;
  if (!grant->claims.consent_id.empty()) {
    boost::json::array items;
    for (const std::string& item : grant->claims.items) items.emplace_back(item);
    out["authorization_details"] =
        boost::json::array{boost::json::object{{"type", consent::kConsentDetailType},
                                               {"consent_id", grant->claims.consent_id},
                                               {"items", std::move(items)},
                                               {"actions", boost::json::array{"read"}}}};
  }
  return NoStore(Response::Json(200, out));
}

// A consumer call: the token must carry the consent-requests scope.
template <typename Body>
Handler ConsumerHandler(const ConsentApiContext& context, Body body) {
  return [&context, body](const Request& request, const RouteContext& route) -> Response {
    auto token = ConsumerToken(request, context);
    if (!token) return ConsumerProblem(token.error());
    if (token->scope != consent::kConsentRequestScope) {
      return ConsumerProblem(
          {403, "insufficient-scope", "This call needs a token with scope consent-requests."});
    }
    auto store = context.api.Store();
    if (!store) return ConsumerProblem(FromError(store.error()));
    ApiResult<Response> out = body(context, **store, *token, request, route);
    if (!out) return ConsumerProblem(out.error());
    return NoStore(std::move(*out));
  };
}

ApiResult<Response> CreateConsentRequest(const ConsentApiContext& context,
                                         store::RegistryStore& store,
                                         const consent::AccessClaims& token, const Request& request,
                                         const RouteContext&) {
  auto parsed = consent::ParseConsentRequest(request.body);
  if (!parsed) return Fail(422, "invalid-body", parsed.error().message + ".");
  PROAKTIV_API_ASSIGN_OR_RETURN(auto consumer, store.consent().FindConsumer(token.consumer));
  if (!consumer) return Fail(401, "invalid-token", "The token's consumer is not registered.");
  consent::ConsentService consents(store, context.clock);
  if (auto ok =
          consent::CheckConsentRequest(*parsed, *consumer, context.api.catalog(), consents.NowMs());
      !ok) {
    return Fail(ok.error().code == ErrorCode::kFailedPrecondition ? 403 : 422,
                ok.error().code == ErrorCode::kFailedPrecondition ? "not-allowed" : "invalid-body",
                ok.error().message + ".");
  }
  PROAKTIV_API_ASSIGN_OR_RETURN(auto person, store.FindPerson(parsed->person_id));
  if (!person) {
    return Fail(422, "unknown-person", "The register has no person with this identity number.");
  }
  PROAKTIV_API_ASSIGN_OR_RETURN(auto created, consents.Create(*parsed, *consumer, person->key));
  PROAKTIV_API_ASSIGN_OR_RETURN(auto events, store.consent().Events(created.id));
  Response r =
      Response::Json(201, ConsentJson(created, consumer, context.api.catalog(), "en", &events));
  r.headers.emplace_back("Location", "/api/v1/consumer/consent-requests/" + created.id);
  return r;
}

ApiResult<Response> GetConsentRequest(const ConsentApiContext& context, store::RegistryStore& store,
                                      const consent::AccessClaims& token, const Request&,
                                      const RouteContext& route) {
  consent::ConsentService consents(store, context.clock);
  PROAKTIV_API_ASSIGN_OR_RETURN(auto found, consents.Find(route.Param("id")));
  if (!found || found->consumer != token.consumer) {
    return Fail(404, "not-found", "You have no consent request with this id.");
  }
  PROAKTIV_API_ASSIGN_OR_RETURN(auto consumer, store.consent().FindConsumer(found->consumer));
  PROAKTIV_API_ASSIGN_OR_RETURN(auto events, store.consent().Events(found->id));
  return Response::Json(200, ConsentJson(*found, consumer, context.api.catalog(), "en", &events));
}

}  // namespace

void RegisterConsumerRoutes(Router& router, const ConsentApiContext& context) {
  auto options = [](const char* name) {
    return RouteOptions{.access = Access::kPublic, .scope = "", .blocking = true, .name = name};
  };
  router.Add(
      Method::kPost, "/oauth/token",
      [&context](const Request& request, const RouteContext&) { return Token(context, request); },
      options("issueConsumerToken"));
  router.Add(Method::kPost, "/api/v1/consumer/consent-requests",
             ConsumerHandler(context, CreateConsentRequest), options("createConsentRequest"));
  router.Add(Method::kGet, "/api/v1/consumer/consent-requests/{id}",
             ConsumerHandler(context, GetConsentRequest), options("getConsentRequest"));
  router.Add(Method::kGet, "/api/v1/consent/jwks.json",
             [&context](const Request&, const RouteContext&) {
               Response r = Response::Json(200, context.tokens.Jwks());
               r.content_type = "application/jwk-set+json";
               r.headers.emplace_back("Cache-Control", "public, max-age=300");
               return r;
             },
             {.access = Access::kPublic, .scope = "", .blocking = false, .name = "getConsentJwks"});
}

}  // namespace proaktiv::http::api
