#pragma once

// Verifies OpenID Connect ID tokens (OpenID Connect Core §3.1.3.7) from one configured issuer:
//   - JWS RS256 signature by a key from the issuer's JWKS (alg "none" and others are refused);
//   - iss equals the issuer; aud contains the client id (and azp, when present, is the client);
//   - exp, nbf and iat checked against the Clock with `skew` tolerance (60 s);
//   - nonce equal to the expected one when one is expected (the code flow);
//   - "sub" present; "pid" present and a valid identity number (common/national_id.h);
//   - acr one of `accepted_acr` when that list is not empty.
// Keys come from `jwks_source` (the issuer's jwks_uri), fetched on first use; a token whose kid
// is unknown triggers a refetch at most once per `refetch_interval` (a key rotation), other
// tokens with unknown kids are refused meanwhile.
//
// VerifyBearer adds a cache (TokenCache): a token verified once is recognised by its hash until
// it expires.
//
// Errors say which check failed ("the token expired", "the token's aud does not include this
// client") and never contain the token or a claim's value. Thread-safe: all methods may be
// called from several threads; a key fetch happens on one thread while others wait for it.

#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.h"
#include "common/result.h"
#include "http/auth/id_token_claims.h"
#include "http/auth/jwks.h"
#include "http/auth/token_cache.h"

namespace proaktiv::http::auth {

struct IdTokenPolicy {
  std::string issuer;
  std::string client_id;
  std::vector<std::string> accepted_acr;  // empty: any acr
  std::chrono::seconds skew{60};
  std::chrono::seconds refetch_interval{60};
};

using JwksSource = std::function<Result<Jwks>()>;

class IdTokenVerifier {
 public:
  IdTokenVerifier(IdTokenPolicy policy, JwksSource jwks_source, const Clock& clock);

  // Verifies `token`; when `expected_nonce` is not empty the token's nonce must equal it.
  Result<IdTokenClaims> Verify(std::string_view token, std::string_view expected_nonce = {}) const;
  // Verify without a nonce, through the cache of verified tokens.
  Result<IdTokenClaims> VerifyBearer(std::string_view token) const;

  const IdTokenPolicy& policy() const { return policy_; }
  size_t cached_tokens() const { return cache_.size(); }

 private:
  Result<RsaKey> KeyFor(std::string_view kid) const;
  Result<IdTokenClaims> CheckClaims(const boost::json::object& payload,
                                    std::string_view expected_nonce) const;

  const IdTokenPolicy policy_;
  const JwksSource jwks_source_;
  const Clock& clock_;

  mutable std::mutex fetch_mutex_;  // held during a fetch: one fetch at a time
  mutable std::mutex keys_mutex_;   // guards keys_ and last_fetch_ (held briefly)
  mutable std::shared_ptr<const Jwks> keys_;
  mutable std::optional<std::chrono::system_clock::time_point> last_fetch_;
  mutable TokenCache cache_;
};

}  // namespace proaktiv::http::auth
