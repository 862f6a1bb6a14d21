#pragma once

// A data consumer's access token on the consumer and data routes: "Authorization: Bearer
// <token>" verified by proaktiv's TokenIssuer (signature, issuer, audience, lifetime). A
// missing or invalid token is 401 "invalid-token" with an RFC 6750 WWW-Authenticate header;
// the detail says which check failed, never the token. Thread-safe.

#include "consent/access_token.h"
#include "http/api/api_error.h"
#include "http/api/consent_api.h"
#include "http/message.h"

namespace proaktiv::http::api {

ApiResult<consent::AccessClaims> ConsumerToken(const Request& request,
                                               const ConsentApiContext& context);

// ToResponse, plus WWW-Authenticate on 401 and Cache-Control: no-store.
Response ConsumerProblem(const ApiError& error);

int64_t NowSeconds(const ConsentApiContext& context);

}  // namespace proaktiv::http::api
