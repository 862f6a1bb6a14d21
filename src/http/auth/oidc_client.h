#pragma once

// The relying-party side of OpenID Connect (the authorization code flow with PKCE), for
// ID-porten in production and the development issuer in tests:
//   - discovery: GET <issuer>/.well-known/openid-configuration, fetched on first need and kept;
//     its "issuer" must equal the configured issuer exactly;
//   - BeginLogin: a fresh state, nonce and PKCE code verifier (random, libsodium) and the
//     authorization URL with response_type=code, code_challenge (S256), scope, acr_values;
//   - CompleteLogin: the code exchanged at the token endpoint (client_secret_post when a
//     secret is configured, else a public client), and the returned id_token verified
//     (IdTokenVerifier, with the expected nonce);
//   - VerifyBearer: an ID token presented as a bearer token (cached, see IdTokenVerifier).
// The verifier's keys come from the discovered jwks_uri.
//
// Errors name the step ("discovery", "token exchange", "id_token") and what went wrong, never a
// code, token or secret. Thread-safe; the fetcher and clock must outlive the client.

#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.h"
#include "common/result.h"
#include "http/auth/http_fetch.h"
#include "http/auth/id_token_verifier.h"

namespace proaktiv::http::auth {

struct ProviderMetadata {
  std::string issuer;
  std::string authorization_endpoint;
  std::string token_endpoint;
  std::string jwks_uri;
};

// Parses a discovery document; refuses it when "issuer" differs from `expected_issuer` or an
// endpoint is missing, or when the provider does not list S256 among its PKCE methods (when it
// lists any).
Result<ProviderMetadata> ParseProviderMetadata(std::string_view json,
                                               std::string_view expected_issuer);

struct OidcClientConfig {
  std::string issuer;  // e.g. "https://idporten.no" (no trailing slash unless the issuer has one)
  std::string client_id;
  std::optional<std::string> client_secret;  // client_secret_post; nullopt: public client
  std::string redirect_uri;
  std::string scope = "openid";
  std::vector<std::string> acr_values;  // requested, and the accepted values in the token
};

struct LoginRequest {
  std::string url;  // where to send the browser
  std::string state;
  std::string nonce;
  std::string code_verifier;
};

class OidcClient {
 public:
  OidcClient(OidcClientConfig config, const HttpFetcher& fetcher, const Clock& clock);

  Result<ProviderMetadata> Metadata() const;
  Result<LoginRequest> BeginLogin() const;
  Result<IdTokenClaims> CompleteLogin(std::string_view code, std::string_view code_verifier,
                                      std::string_view nonce) const;
  Result<IdTokenClaims> VerifyBearer(std::string_view token) const {
    return verifier_.VerifyBearer(token);
  }

  const OidcClientConfig& config() const { return config_; }

 private:
  Result<Jwks> FetchJwks() const;

  const OidcClientConfig config_;
  const HttpFetcher& fetcher_;
  mutable std::mutex metadata_mutex_;
  mutable std::optional<ProviderMetadata> metadata_;
  IdTokenVerifier verifier_;
};

// base64url(SHA-256(verifier)) (RFC 7636 §4.2).
std::string PkceChallenge(std::string_view code_verifier);

}  // namespace proaktiv::http::auth
