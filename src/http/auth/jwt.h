#pragma once

// JSON Web Tokens in JWS compact serialisation (RFC 7515, RFC 7519), RS256 only.
//
//   ParseJws   splits header.payload.signature, decodes each part, parses header and payload
//              as JSON objects (common/jws_compact.h). Refuses: not three parts, bad
//              base64url, non-object JSON, alg "none" or any alg other than RS256, a "crit"
//              header, a "kid" that is not a string, an empty signature.
//   VerifyJws  checks the signature with a key; the key's kid must match the header's kid
//              when the header has one.
//   SignJws    makes a token with header {"alg":"RS256","typ":"JWT","kid":<key's kid>}.
//
// Errors describe the defect ("the token has 2 parts; a JWS has 3") and never contain the
// token or its claims. Pure functions; thread-safe.

#include <string>
#include <string_view>

#include <boost/json/object.hpp>

#include "common/jws_compact.h"
#include "common/result.h"
#include "http/auth/rsa_key.h"

namespace proaktiv::http::auth {

// header, payload, alg ("RS256"), kid ("" when the header has none), signing_input
// (base64url(header) "." base64url(payload)) and signature (raw bytes, not empty).
using Jws = CompactJws;

Result<Jws> ParseJws(std::string_view compact);
Status VerifyJws(const Jws& jws, const RsaKey& key);
Result<std::string> SignJws(const boost::json::object& payload, const RsaKey& key);

}  // namespace proaktiv::http::auth
