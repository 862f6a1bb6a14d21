#pragma once

// Ed25519 keys in files, in the two forms other tools write:
//   PEM: "PUBLIC KEY" (SubjectPublicKeyInfo) and "PRIVATE KEY" (PKCS#8), as
//        `openssl genpkey -algorithm ed25519` writes them;
//   JWK: {"kty":"OKP","crv":"Ed25519","x":…[,"d":…]} (RFC 8037), as the npm package jose reads
//        and writes them.
// Parsing refuses any other key type with a message naming what was found; it never echoes
// key material. Private key files are written 0600 and never overwritten.
//
// LoadOrCreateKeyFile is how proaktiv keeps its own token-signing key: the PEM file at `path`,
// created (0600, O_EXCL) with a new key on first use. A key file that group or others may read
// is refused. Thread-safe (no shared state; two processes creating the same file at once both
// end up with the key that was linked into place first).

#include <string>
#include <string_view>

#include <boost/json/object.hpp>

#include "common/result.h"
#include "consent/ed25519.h"

namespace proaktiv::consent {

// 32 raw bytes from a PEM public key, a PEM private key (its public half) or a JWK.
Result<std::string> ParsePublicKey(std::string_view text);
// From a PEM private key or a JWK with "d".
Result<KeyPair> ParsePrivateKey(std::string_view text);

std::string PublicKeyPem(std::string_view public_key);
std::string PrivateKeyPem(const KeyPair& key);
// {"kty":"OKP","crv":"Ed25519","x":…,"kid":…,"alg":"EdDSA","use":"sig"}
boost::json::object PublicJwk(std::string_view public_key);
// The same with "d" (the seed): a private JWK.
boost::json::object PrivateJwk(const KeyPair& key);

Result<std::string> ReadKeyFile(const std::string& path);
// Creates `path` with `mode` and writes `contents`; an error when it exists already.
Status WriteNewFile(const std::string& path, std::string_view contents, unsigned mode);

Result<KeyPair> LoadOrCreateKeyFile(const std::string& path);

}  // namespace proaktiv::consent
