#pragma once

// The token endpoint's rule (POST /oauth/token, RFC 6749 §4.4 client credentials with an RFC
// 7523 client assertion and RFC 9396 authorization_details):
//
//   grant_type=client_credentials
//   client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer
//   client_assertion=<JWT signed by the consumer's registered key> (client_assertion.h)
//   and one of
//     authorization_details=[{"type":"proaktiv_consent","consent_id":"…"[,"items":[…]]}]
//                          → a token to fetch the consent's items (or the subset named), for
//                            5 minutes or until the consent's valid-to, whichever is sooner;
//                            only for an accepted consent given to this consumer
//     scope=consent-requests → a token to create and follow consent requests
//
// Errors are RFC 6749 §5.2 values: invalid_request, invalid_client (401),
// unsupported_grant_type, invalid_scope, invalid_authorization_details (RFC 9396 §5), each
// with a description that names the check, never a secret. A client assertion's jti is
// remembered (committed) before anything else is decided: an assertion serves one request, a
// replay is invalid_client.
//
// Not thread-safe: one call per thread over that thread's store.

#include <string>

#include <tl/expected.hpp>

#include "common/clock.h"
#include "consent/access_token.h"
#include "store/store.h"

namespace proaktiv::consent {

struct TokenRequest {
  std::string grant_type;
  std::string client_assertion_type;
  std::string client_assertion;
  std::string client_id;  // optional
  std::string scope;
  std::string authorization_details;  // JSON text
};

struct OAuthError {
  int status = 400;
  std::string error;
  std::string description;
};

struct TokenGrant {
  std::string access_token;
  int64_t expires_in = 0;
  AccessClaims claims;
};

tl::expected<TokenGrant, OAuthError> GrantToken(const TokenRequest& request,
                                                store::RegistryStore& store,
                                                const TokenIssuer& tokens, const Clock& clock);

}  // namespace proaktiv::consent
