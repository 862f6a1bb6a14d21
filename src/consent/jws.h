#pragma once

// JSON Web Tokens in JWS compact serialisation (RFC 7515, RFC 7519) signed with EdDSA over
// Ed25519 (RFC 8037) — the only algorithm consent tokens and client assertions use.
//
//   ParseJws   splits header.payload.signature, decodes each part and parses header and
//              payload as JSON objects (common/jws_compact.h). Refuses: not three parts, bad
//              base64url, non-object JSON, any "alg" but "EdDSA" (so "none" too), a "crit"
//              header, a "kid" that is not a string, a signature that is not 64 bytes.
//   VerifyJws  checks the signature with a 32-byte public key.
//   SignJws    makes a token with header {"alg":"EdDSA","typ":typ,"kid":kid}.
//
// Errors describe the defect ("the token has 2 parts; a JWS has 3") and never contain the
// token or its claims. Pure functions; thread-safe.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <boost/json/object.hpp>

#include "common/result.h"
#include "consent/ed25519.h"

namespace proaktiv::consent {

struct Jws {
  boost::json::object header;
  boost::json::object payload;
  std::string typ;            // "" when the header has none
  std::string kid;            // "" when the header has none
  std::string signing_input;  // base64url(header) "." base64url(payload)
  std::string signature;      // 64 raw bytes
};

Result<Jws> ParseJws(std::string_view compact);
bool VerifyJws(const Jws& jws, std::string_view public_key);
std::string SignJws(const boost::json::object& payload, const KeyPair& key, std::string_view typ,
                    std::string_view kid);

// Claim helpers: the value of a string claim, or nullopt when absent or not a string; a
// NumericDate claim (seconds since the epoch, RFC 7519 §2) as an integer, or an error naming it.
std::optional<std::string> StringClaim(const boost::json::object& payload, std::string_view name);
Result<int64_t> TimeClaim(const boost::json::object& payload, std::string_view name);

}  // namespace proaktiv::consent
