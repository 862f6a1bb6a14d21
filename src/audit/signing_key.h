#pragma once

// The transparency log's Ed25519 signing key (libsodium), kept in a file of its own: the
// 32-byte seed in standard base64 on one line. The file is created with mode 0600 on first use
// and refused when group or others may read it. The default place is beside the database:
// "<db>.audit-key". The public key is published (API and CLI) so that anyone can check
// checkpoints. Immutable after loading; thread-safe.

#include <string>
#include <string_view>

#include "common/result.h"

namespace proaktiv::audit {

std::string DefaultKeyPath(const std::string& database_path);

class SigningKey {
 public:
  // Loads the key at `path`, creating a new random one there when there is no file.
  static Result<SigningKey> LoadOrCreate(const std::string& path);
  // Loads the key at `path`; NotFound when there is no file.
  static Result<SigningKey> Load(const std::string& path);
  // A key from a 32-byte seed (tests, benchmarks); InvalidArgument for another length.
  static Result<SigningKey> FromSeed(std::string_view seed);

  const std::string& public_key() const { return public_key_; }  // 32 bytes
  std::string Sign(std::string_view message) const;              // 64 bytes

 private:
  std::string secret_key_;  // 64 bytes (seed ‖ public key), libsodium's form
  std::string public_key_;
};

// True when `signature` is `public_key`'s Ed25519 signature of `message`.
bool VerifySignature(std::string_view public_key, std::string_view message,
                     std::string_view signature);

}  // namespace proaktiv::audit
