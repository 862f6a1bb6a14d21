#include "http/api/consumer_auth.h"

#include <chrono>

namespace proaktiv::http::api {

int64_t NowSeconds(const ConsentApiContext& context) {
  return std::chrono::duration_cast<std::chrono::seconds>(context.clock.Now().time_since_epoch())
      .count();
}

ApiResult<consent::AccessClaims> ConsumerToken(const Request& request,
                                               const ConsentApiContext& context) {
  std::string_view header = request.Header("authorization");
  constexpr std::string_view kScheme = "Bearer ";
  if (header.size() <= kScheme.size() || header.substr(0, kScheme.size()) != kScheme) {
    return Fail(401, "invalid-token",
                "Send the access token from /oauth/token as Authorization: Bearer <token>.");
  }
  auto claims = context.tokens.Verify(header.substr(kScheme.size()), NowSeconds(context));
  if (!claims)
    return Fail(401, "invalid-token",
                "The access token is not valid: " + claims.error().message + ".");
  return std::move(*claims);
}

Response ConsumerProblem(const ApiError& error) {
  Response r = ToResponse(error);
  if (error.status == 401) {
    r.headers.emplace_back("WWW-Authenticate", "Bearer error=\"invalid_token\"");
  }
  r.headers.emplace_back("Cache-Control", "no-store");
  return r;
}

}  // namespace proaktiv::http::api
