#pragma once

// JWS compact serialisation (RFC 7515 §7.1): the part that does not depend on the signature
// algorithm, shared by consent tokens (consent/jws.h, EdDSA) and ID tokens (http/auth/jwt.h,
// RS256).
//
// ParseCompactJws splits header.payload.signature, decodes each part as strict base64url
// (common/base64.h), parses header and payload as JSON objects and checks the header. It
// refuses, checking in this order:
//   - not exactly three parts: fewer or more than two dots, so also a trailing dot
//   - a header that is not base64url, not JSON, or not a JSON object
//   - a header without a string "alg"
//   - alg "none" in any letter case (an unsigned token), even when the caller lists it
//   - any other alg not in `accepted_algs` (compared exactly: alg is case-sensitive, §4.1.1)
//   - a "crit" header parameter (no extension is understood, §4.1.11)
//   - a "kid" that is not a string
//   - a payload that is not base64url, not JSON, or not a JSON object
//   - a signature that is not base64url, or is empty
// It neither verifies the signature nor checks its length for the algorithm: callers do.
//
// Errors name the part and the defect ("the token has 2 parts; a JWS has 3"); they quote at
// most 16 characters of a refused alg and never the token, other header fields or claims.
// Pure function; thread-safe.

#include <span>
#include <string>
#include <string_view>

#include <boost/json/object.hpp>

#include "common/result.h"

namespace proaktiv {

struct CompactJws {
  boost::json::object header;
  boost::json::object payload;
  std::string alg;            // one of the accepted algorithms
  std::string kid;            // "" when the header has none
  std::string signing_input;  // base64url(header) "." base64url(payload), as received
  std::string signature;      // raw bytes, never empty
};

// `accepted_algs` are the JWA names (RFC 7518, RFC 8037) the caller can verify, e.g. "RS256".
Result<CompactJws> ParseCompactJws(std::string_view compact,
                                   std::span<const std::string_view> accepted_algs);

}  // namespace proaktiv
