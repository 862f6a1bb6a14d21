#pragma once

// Base64 (RFC 4648): the standard alphabet with padding (§4; PEM bodies, published hashes and
// keys) and the URL-safe alphabet without padding (§5; JOSE, RFC 7515 §2). Decoding is strict:
// only the variant's alphabet, padding exactly where that variant has it, no whitespace, and the
// unused bits of the last character zero, so that every byte string has one text. Errors name
// the variant and the position, never the text. Pure functions; thread-safe.

#include <string>
#include <string_view>

#include "common/result.h"

namespace proaktiv {

std::string Base64Encode(std::string_view bytes);
Result<std::string> Base64Decode(std::string_view text);

std::string Base64UrlEncode(std::string_view bytes);
Result<std::string> Base64UrlDecode(std::string_view text);

}  // namespace proaktiv
