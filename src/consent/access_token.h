#pragma once

// proaktiv's own access tokens for data consumers (RFC 9068 JWT profile, EdDSA, typ
// "at+jwt"), issued by POST /oauth/token and checked on every consumer and data API call:
//
//   {"iss": <base URL>, "aud": <base URL>, "sub": <org number>, "client_id": <org number>,
//    "iat": …, "exp": …, "jti": …,
//    "authorization_details": [{"type": "proaktiv_consent", "consent_id": "…",
//                               "items": ["person.name", …], "actions": ["read"],
//                               "locations": ["<base URL>/api/v1/data"]}]}     // data access
//   or "scope": "consent-requests"                                          // request consents
//
// `authorization_details` follows RFC 9396 (type plus type-specific fields). A token proves
// only what was granted when it was made: the data API checks the consent's live state on every
// call, so revoking a consent stops tokens already issued.
//
// Issuer holds the base URL (the token issuer and audience, and the prefix of the token
// endpoint that client assertions name); it may be set once the server's port is known.
// Thread-safe: Issuer guards its URL with a mutex; TokenIssuer is immutable.

#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/object.hpp>

#include "common/result.h"
#include "consent/ed25519.h"

namespace proaktiv::consent {

inline constexpr std::string_view kConsentDetailType = "proaktiv_consent";
inline constexpr std::string_view kConsentRequestScope = "consent-requests";
inline constexpr int64_t kAccessTokenSeconds = 300;

class Issuer {
 public:
  explicit Issuer(std::string base_url) : base_url_(std::move(base_url)) {}
  std::string base_url() const;
  void set_base_url(std::string base_url);
  std::string token_endpoint() const { return base_url() + "/oauth/token"; }
  std::string data_endpoint() const { return base_url() + "/api/v1/data"; }

 private:
  mutable std::mutex mutex_;
  std::string base_url_;
};

struct AccessClaims {
  std::string consumer;            // organisation number: sub and client_id
  std::string consent_id;          // "" for a consent-requests token
  std::vector<std::string> items;  // the items the token may fetch
  std::string scope;               // "consent-requests" or ""
  int64_t issued_at = 0;           // seconds since the epoch
  int64_t expires_at = 0;
  std::string jti;
};

class TokenIssuer {
 public:
  // `issuer` must outlive this object.
  TokenIssuer(KeyPair key, const Issuer& issuer);

  std::string Issue(const AccessClaims& claims) const;
  // Signature (our key), typ, iss, aud, iat and exp (at `now_s`), and the claims' shape. The
  // error says which check failed, never the token.
  Result<AccessClaims> Verify(std::string_view token, int64_t now_s) const;

  // {"keys": [the public JWK]}: what GET /api/v1/consent/jwks.json publishes.
  boost::json::object Jwks() const;
  const std::string& kid() const { return kid_; }
  const std::string& public_key() const { return key_.public_key(); }
  const Issuer& issuer() const { return issuer_; }

 private:
  KeyPair key_;
  std::string kid_;
  const Issuer& issuer_;
};

}  // namespace proaktiv::consent
