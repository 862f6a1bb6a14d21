#pragma once

// An RSA key for RS256 (RSASSA-PKCS1-v1_5 with SHA-256): a public key from a JWK (n, e), or a
// key pair generated here or read from a PEM file (the development issuer's signing key).
// Keys shorter than 2048 bits are refused. The key id (kid) is the JWK's "kid", or, for keys
// made here, the RFC 7638 thumbprint, so a key read back from its PEM file keeps its kid.
//
// RsaKey is a cheap-to-copy handle (shared, immutable OpenSSL key); all methods are const and
// safe to call from several threads.

#include <memory>
#include <string>
#include <string_view>

#include <boost/json/fwd.hpp>

#include "common/result.h"

namespace proaktiv::http::auth {

class RsaKey {
 public:
  // A public key from a JWK object: kty "RSA", n and e in base64url, optional kid and alg
  // (when alg is present it must be "RS256").
  static Result<RsaKey> FromJwk(const boost::json::object& jwk);
  static Result<RsaKey> Generate(int bits = 2048);
  // A private key in PEM (PKCS#8 or traditional RSA).
  static Result<RsaKey> FromPrivatePem(std::string_view pem);
  // Reads the private key at `path`; when the file does not exist, generates a 2048-bit key and
  // writes it there (mode 0600). Errors name the path, never key material.
  static Result<RsaKey> LoadOrCreate(const std::string& path);

  const std::string& kid() const { return kid_; }
  bool has_private() const { return has_private_; }
  int bits() const;

  // The public JWK: {"kty":"RSA","use":"sig","alg":"RS256","kid":…,"n":…,"e":…}.
  boost::json::object ToPublicJwk() const;
  Result<std::string> ToPrivatePem() const;

  // RS256 over `data`; needs the private key.
  Result<std::string> SignSha256(std::string_view data) const;
  // True when `signature` is a valid RS256 signature of `data`.
  bool VerifySha256(std::string_view data, std::string_view signature) const;

 private:
  struct Handle;
  RsaKey(std::shared_ptr<Handle> handle, std::string kid, bool has_private);
  static Result<RsaKey> Wrap(void* evp_pkey, bool has_private, std::string kid);

  std::shared_ptr<Handle> handle_;
  std::string kid_;
  bool has_private_ = false;
};

}  // namespace proaktiv::http::auth
