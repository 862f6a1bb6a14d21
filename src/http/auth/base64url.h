#pragma once

// Base64url without padding (RFC 4648 §5), as JOSE uses it (RFC 7515 §2). Decoding is strict:
// characters outside the url-safe alphabet, '=' padding and a length of 1 modulo 4 are errors,
// and so are non-zero bits left over in the last character. Thread-safe (pure functions).

#include <string>
#include <string_view>

#include "common/result.h"

namespace proaktiv::http::auth {

std::string Base64UrlEncode(std::string_view bytes);
// The error names what is wrong (an invalid character and its position, a bad length), never
// the input itself, which may be a token.
Result<std::string> Base64UrlDecode(std::string_view text);

}  // namespace proaktiv::http::auth
