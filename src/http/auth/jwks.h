#pragma once

// A JSON Web Key Set (RFC 7517 §5) as an issuer's jwks_uri serves it: the RSA signing keys by
// kid. Keys that are not RSA signature keys (EC keys, "use":"enc") are skipped, as are keys of
// another alg; the set is refused when it is not JSON, has no "keys" array, or has no usable
// RSA signing key. Immutable after parsing; thread-safe.

#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "http/auth/rsa_key.h"

namespace proaktiv::http::auth {

class Jwks {
 public:
  static Result<Jwks> Parse(std::string_view json);
  static Jwks Of(std::vector<RsaKey> keys) { return Jwks(std::move(keys)); }

  // The key with this kid; nullptr when none. An empty kid matches the only key of a set with
  // exactly one key (tokens without kid from single-key issuers).
  const RsaKey* Find(std::string_view kid) const;
  size_t size() const { return keys_.size(); }
  const std::vector<RsaKey>& keys() const { return keys_; }

  // {"keys":[…public JWKs…]}
  std::string ToJson() const;

 private:
  explicit Jwks(std::vector<RsaKey> keys) : keys_(std::move(keys)) {}
  std::vector<RsaKey> keys_;
};

}  // namespace proaktiv::http::auth
