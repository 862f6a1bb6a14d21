#pragma once

// How a data consumer proves who it is at the token endpoint: a client assertion (RFC 7523
// §2.2, OpenID Connect "private_key_jwt"), a JWT signed with the consumer's registered Ed25519
// key:
//
//   header  {"alg": "EdDSA", "typ": "JWT"[, "kid": …]}
//   payload {"iss": <org number>, "sub": <org number>, "aud": <token endpoint URL>,
//            "iat": now, "exp": now + at most 300 s, "jti": <unique>}
//
// VerifyClientAssertion checks the signature with the key registered for `iss`, iss = sub (=
// the client_id parameter when one is given), aud names the token endpoint, exp lies in the
// future and at most 5 minutes (plus 30 s of clock skew) ahead, and there is a jti. Whether
// the jti was used before is the caller's check (store::ConsentStore::RememberAssertion), so
// that it commits with the rest of the grant. Errors say which check failed, never the
// assertion. Pure; thread-safe when `find_consumer` is.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "common/result.h"
#include "consent/ed25519.h"
#include "store/consent_store.h"

namespace proaktiv::consent {

inline constexpr std::string_view kJwtBearerAssertionType =
    "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
inline constexpr int64_t kMaxAssertionSeconds = 300;
inline constexpr int64_t kClockSkewSeconds = 30;

struct VerifiedAssertion {
  store::ConsumerRecord consumer;
  std::string jti;
  int64_t expires_at = 0;  // seconds
};

using ConsumerLookup =
    std::function<Result<std::optional<store::ConsumerRecord>>(std::string_view org_number)>;

Result<VerifiedAssertion> VerifyClientAssertion(std::string_view assertion,
                                                std::string_view client_id,
                                                std::string_view token_endpoint, int64_t now_s,
                                                const ConsumerLookup& find_consumer);

// The assertion a consumer sends (the demo client, tests and benchmarks): iat now, exp now +
// `lifetime_s`, a random jti.
std::string MakeClientAssertion(const KeyPair& key, std::string_view client_id,
                                std::string_view token_endpoint, int64_t now_s,
                                int64_t lifetime_s = 60);

}  // namespace proaktiv::consent
