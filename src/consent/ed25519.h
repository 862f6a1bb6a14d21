#pragma once

// Ed25519 signatures (RFC 8032) from libsodium, and the JWK thumbprint as key id (RFC 7638).
// The base64url around them (JOSE) is common/base64.h, included here for the callers.
//
// A KeyPair holds the 64-byte libsodium secret key (seed and public key); it wipes it when
// destroyed. Keys are never logged and never appear in error messages. Pure functions and
// const methods; thread-safe (sodium_init() runs once, on first use).

#include <string>
#include <string_view>

#include "common/base64.h"
#include "common/result.h"

namespace proaktiv::consent {

inline constexpr size_t kPublicKeyBytes = 32;
inline constexpr size_t kSeedBytes = 32;
inline constexpr size_t kSignatureBytes = 64;

class KeyPair {
 public:
  // A new key from the operating system's CSPRNG.
  static KeyPair Generate();
  // The key for a 32-byte seed (the "d" of a JWK, the key of a PKCS#8 file).
  static Result<KeyPair> FromSeed(std::string_view seed);

  KeyPair(const KeyPair& other) = default;
  KeyPair& operator=(const KeyPair& other) = default;
  ~KeyPair();

  // 64 raw bytes.
  std::string Sign(std::string_view message) const;
  const std::string& public_key() const { return public_; }  // 32 raw bytes
  std::string seed() const { return secret_.substr(0, kSeedBytes); }

 private:
  KeyPair() = default;
  std::string secret_;  // 64 bytes: seed, then public key
  std::string public_;  // 32 bytes
};

// True when `signature` is `public_key`'s Ed25519 signature of `message`; false for keys or
// signatures of the wrong length.
bool VerifyEd25519(std::string_view public_key, std::string_view message,
                   std::string_view signature);

// RFC 7638 thumbprint of the key's JWK, base64url: a stable "kid".
std::string KeyId(std::string_view public_key);

// `n` random bytes as lower-case hex (2n digits): consent ids, jti values.
std::string RandomHex(size_t n);

}  // namespace proaktiv::consent
