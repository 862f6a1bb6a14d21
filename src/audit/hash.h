#pragma once

// RFC 9162 §2.1.1 hashing for the transparency log, on libsodium's SHA-256:
//   leaf hash  = SHA-256(0x00 ‖ leaf data)
//   node hash  = SHA-256(0x01 ‖ left ‖ right)
// and the encodings the log publishes hashes and keys in (standard base64 with padding, hex).
// Pure functions; thread-safe (libsodium is initialised once, on first use).

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "common/result.h"

namespace proaktiv::audit {

using Hash = std::array<uint8_t, 32>;

// sodium_init() once; aborts when the system has no usable random source.
void EnsureSodium();

Hash Sha256(std::string_view bytes);
// SHA-256(a ‖ b) without copying.
Hash Sha256(std::string_view a, std::string_view b);
Hash LeafHash(std::string_view leaf_data);
Hash NodeHash(const Hash& left, const Hash& right);

std::string_view AsBytes(const Hash& hash);
// The 32 bytes of `bytes` as a Hash; DataLoss naming `what` when it is not 32 bytes long.
Result<Hash> HashFromBytes(std::string_view bytes, std::string_view what);

std::string Base64(std::string_view bytes);
inline std::string Base64(const Hash& hash) { return Base64(AsBytes(hash)); }
// Strict standard base64 with padding; InvalidArgument naming `what` otherwise.
Result<std::string> FromBase64(std::string_view text, std::string_view what);
std::string Hex(std::string_view bytes);

// `count` random bytes from libsodium.
std::string RandomBytes(size_t count);

}  // namespace proaktiv::audit
