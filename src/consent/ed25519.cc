#include "consent/ed25519.h"

#include <cstdlib>
#include <mutex>

#include <sodium.h>

namespace proaktiv::consent {
namespace {

void EnsureSodium() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (sodium_init() < 0) std::abort();  // no usable random source: nothing is safe to do
  });
}

const unsigned char* Bytes(std::string_view s) {
  return reinterpret_cast<const unsigned char*>(s.data());
}

}  // namespace

KeyPair KeyPair::Generate() {
  EnsureSodium();
  KeyPair k;
  k.secret_.assign(crypto_sign_SECRETKEYBYTES, '\0');
  k.public_.assign(crypto_sign_PUBLICKEYBYTES, '\0');
  crypto_sign_keypair(reinterpret_cast<unsigned char*>(k.public_.data()),
                      reinterpret_cast<unsigned char*>(k.secret_.data()));
  return k;
}

Result<KeyPair> KeyPair::FromSeed(std::string_view seed) {
  if (seed.size() != kSeedBytes) {
    return InvalidArgument("an Ed25519 private key has 32 bytes, this one " +
                           std::to_string(seed.size()));
  }
  EnsureSodium();
  KeyPair k;
  k.secret_.assign(crypto_sign_SECRETKEYBYTES, '\0');
  k.public_.assign(crypto_sign_PUBLICKEYBYTES, '\0');
  crypto_sign_seed_keypair(reinterpret_cast<unsigned char*>(k.public_.data()),
                           reinterpret_cast<unsigned char*>(k.secret_.data()), Bytes(seed));
  return k;
}

KeyPair::~KeyPair() {
  if (!secret_.empty()) sodium_memzero(secret_.data(), secret_.size());
}

std::string KeyPair::Sign(std::string_view message) const {
  std::string signature(crypto_sign_BYTES, '\0');
  crypto_sign_detached(reinterpret_cast<unsigned char*>(signature.data()), nullptr, Bytes(message),
                       message.size(), Bytes(secret_));
  return signature;
}

bool VerifyEd25519(std::string_view public_key, std::string_view message,
                   std::string_view signature) {
  if (public_key.size() != kPublicKeyBytes || signature.size() != kSignatureBytes) return false;
  EnsureSodium();
  return crypto_sign_verify_detached(Bytes(signature), Bytes(message), message.size(),
                                     Bytes(public_key)) == 0;
}

std::string KeyId(std::string_view public_key) {
  EnsureSodium();
  // RFC 7638 §3.2: the required members in lexicographic order, no whitespace.
  const std::string jwk =
      R"({"crv":"Ed25519","kty":"OKP","x":")" + Base64UrlEncode(public_key) + R"("})";
  std::string digest(crypto_hash_sha256_BYTES, '\0');
  crypto_hash_sha256(reinterpret_cast<unsigned char*>(digest.data()), Bytes(jwk), jwk.size());
  return Base64UrlEncode(digest);
}

std::string RandomHex(size_t n) {
  EnsureSodium();
  std::string bytes(n, '\0');
  randombytes_buf(bytes.data(), n);
  std::string hex(2 * n + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), Bytes(bytes), n);
  hex.resize(2 * n);
  return hex;
}

}  // namespace proaktiv::consent
