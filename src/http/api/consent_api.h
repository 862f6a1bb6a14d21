#pragma once

// Consent and the data API over HTTP (docs/openapi.yaml, tags consent and data):
//
//   citizen (logged in, Access::kCitizen)     RegisterCitizenConsentRoutes
//     GET  /api/v1/me/consents                         pending requests and active/past consents
//     GET  /api/v1/me/consents/{id}                    one, with its transitions
//     POST /api/v1/me/consents/{id}/open|accept|reject|revoke
//     GET  /api/v1/me/consents/{id}/receipt            ISO/IEC TS 27560 receipt, as a download
//   consumer (client assertion → access token)  RegisterConsumerRoutes
//     POST /oauth/token                                RFC 6749 client credentials, RFC 7523
//                                                      assertion, RFC 9396 details
//     POST /api/v1/consumer/consent-requests           Bearer token with scope consent-requests
//     GET  /api/v1/consumer/consent-requests/{id}      the request's state (its own only)
//     GET  /api/v1/consent/jwks.json                   proaktiv's token-signing key (public)
//   data API                                    RegisterDataApiRoutes
//     GET  /api/v1/data?items=a,b                      Bearer token naming a consent, and the
//                                                      person in the Person-Id header
//
// Consumer and data routes are Access::kPublic for the server (its Authenticator knows only
// ID tokens, API keys and sessions) and check proaktiv's own access token themselves. Every
// refusal is a problem document whose `code` says why ("revoked", "expired", "used",
// "item-not-covered", "wrong-person", "wrong-consumer", …). A consent of another citizen or
// another consumer is answered exactly like one that does not exist.
//
// `context` and everything it points to must outlive the router. Handlers are thread-safe:
// each uses its thread's store (ApiContext::Store) and the recorder the factory gives for it.

#include <functional>
#include <string>

#include "audit/access_record.h"
#include "common/clock.h"
#include "common/result.h"
#include "consent/access_token.h"
#include "http/api/api_context.h"
#include "http/router.h"
#include "store/store.h"

namespace proaktiv::http::api {

// The recorder for data API reads on the calling thread's store (the store-backed recorder
// joins that store's transaction). Must be callable from every server thread.
using AccessRecorderFactory =
    std::function<Result<audit::AccessRecorder*>(store::RegistryStore& store)>;

struct ConsentApiContext {
  const ApiContext& api;
  const consent::TokenIssuer& tokens;
  AccessRecorderFactory recorder;
  // Consents, tokens and client assertions run on this clock (real time in `serve`, also when
  // --today shifts the engine's calendar: consumers sign assertions with the real time).
  const Clock& clock;
  std::string controller_name = "proaktiv";  // the receipts' PII controller
};

void RegisterCitizenConsentRoutes(Router& router, const ConsentApiContext& context);
void RegisterConsumerRoutes(Router& router, const ConsentApiContext& context);
void RegisterDataApiRoutes(Router& router, const ConsentApiContext& context);

}  // namespace proaktiv::http::api
