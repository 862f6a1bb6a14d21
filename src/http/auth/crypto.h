#pragma once

// The small cryptographic primitives authentication needs, from libsodium: random bytes and
// tokens, SHA-256, HMAC-SHA-256 and a constant-time comparison. sodium_init() runs once, on
// first use. Thread-safe.

#include <string>
#include <string_view>

namespace proaktiv::http::auth {

// `n` bytes from the operating system's CSPRNG.
std::string RandomBytes(size_t n);
// `n` random bytes as base64url text (32 bytes → 43 characters): session ids, state, nonce.
std::string RandomToken(size_t n = 32);

std::string Sha256(std::string_view data);                            // 32 raw bytes
std::string Sha256Hex(std::string_view data);                         // 64 lower-case hex digits
std::string HmacSha256(std::string_view key, std::string_view data);  // 32 raw bytes

// True when a and b are equal, in time that depends only on their length.
bool ConstantTimeEqual(std::string_view a, std::string_view b);

std::string HexEncode(std::string_view bytes);  // lower case

}  // namespace proaktiv::http::auth
