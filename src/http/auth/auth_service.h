#pragma once

// The server's Authenticator: who is calling, from (in this order)
//   Authorization: Bearer <ID token>  → a citizen (the token verified as an ID token from the
//                                        configured issuer; verified tokens are cached);
//   Authorization: ApiKey <key>       → staff with the key's scopes;
//   Cookie: proaktiv_session=<id>     → the session's principal (citizen or staff);
//   nothing                           → anonymous.
// A credential that is presented and not valid (bad or expired token, unknown key, unknown or
// expired session, another Authorization scheme) is an Error; its message says which, never
// the credential. The server turns it into 401 on protected routes and treats the caller as
// anonymous on public ones.
//
// It also carries out the login steps for http/auth/auth_routes.h: BeginLogin (state, nonce
// and PKCE verifier kept as a pending login), CompleteLogin (code exchange, ID token
// verification, a new session), staff sessions from an API key, and logout.
//
// Network: none at construction. The issuer's discovery document and keys are fetched at the
// first login or bearer token (so the server can start before the issuer).
//
// Thread-safety: all methods may be called from several threads; set_language_resolver only
// before the server starts.

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.h"
#include "common/result.h"
#include "http/auth/api_keys.h"
#include "http/auth/http_fetch.h"
#include "http/auth/oidc_client.h"
#include "http/auth/session_store.h"
#include "http/principal.h"

namespace proaktiv::http::auth {

inline constexpr std::string_view kSessionCookie = "proaktiv_session";

struct AuthConfig {
  // OpenID Connect; an empty issuer disables citizen login and bearer tokens.
  std::string issuer{};
  std::string client_id{};
  std::optional<std::string> client_secret{};  // nullopt: a public client (PKCE only)
  std::string redirect_uri{};                  // ".../auth/callback"; https → Secure cookies
  std::vector<std::string> acr_values{};       // requested and required; empty: any
  // API keys (api_keys.h); "" = none.
  std::string api_keys_file{};
  SessionLimits sessions{};  // idle and absolute session lifetime
  FetchOptions fetch{};      // timeouts and an extra CA file for the issuer
};

class AuthService final : public Authenticator {
 public:
  // Loads the API keys file (an error names the file and line). `fetcher` defaults to the Beast
  // client (http_fetch.h). `clock` must outlive the service.
  static Result<std::unique_ptr<AuthService>> Create(AuthConfig config, const Clock& clock,
                                                     std::unique_ptr<HttpFetcher> fetcher = {});

  Result<Principal> Authenticate(const Request& request) const override;

  bool citizen_login_enabled() const { return oidc_ != nullptr; }
  // True when the redirect URI is https: cookies get the Secure attribute.
  bool secure_cookies() const;

  // Starts a login; returns the issuer URL to redirect to. `return_to` must already be a safe
  // local path (SafeReturnTo).
  Result<std::string> BeginLogin(std::string return_to);
  struct CompletedLogin {
    Principal principal;  // with session_id and csrf_token
    std::string return_to;
  };
  // The errors' messages name the step: "the login request is unknown or expired", "token
  // exchange: …", "id_token: …".
  Result<CompletedLogin> CompleteLogin(std::string_view state, std::string_view code);
  // A staff session from an API key; error when the key is not valid.
  Result<Principal> StartStaffSession(std::string_view api_key);
  void EndSession(std::string_view session_id);

  // "proaktiv_session=<id>; Path=/; HttpOnly; SameSite=Lax[; Secure]", and one that clears it.
  std::string SessionCookie(const Principal& session) const;
  std::string ClearedSessionCookie() const;

  // The language for GET /api/v1/session: the resolver's answer when one is set (the API part
  // can look up the citizen's preference), else DefaultLanguage.
  using LanguageResolver = std::function<std::string(const Request&, const Principal&)>;
  void set_language_resolver(LanguageResolver resolver) { language_ = std::move(resolver); }
  bool has_language_resolver() const { return static_cast<bool>(language_); }
  std::string LanguageFor(const Request& request, const Principal& principal) const;

  SessionStore& sessions() { return *sessions_; }
  const OidcClient* oidc() const { return oidc_.get(); }

 private:
  AuthService(AuthConfig config, const Clock& clock, std::unique_ptr<HttpFetcher> fetcher,
              ApiKeyRing keys);
  Principal StaffPrincipal(const ApiKeyEntry& entry) const;

  const AuthConfig config_;
  const Clock& clock_;
  std::unique_ptr<HttpFetcher> fetcher_;
  std::unique_ptr<OidcClient> oidc_;  // null when no issuer is configured
  const ApiKeyRing keys_;
  std::unique_ptr<SessionStore> sessions_;
  LanguageResolver language_;
};

// `lang` query parameter (nb, nn, en), else the first of nb/nn/en/no in Accept-Language
// ("no" → nb), else "nb".
std::string DefaultLanguage(const Request& request);

// `return_to` when it is a local path: starts with a single "/" (not "//" or "/\"), and has no
// control characters or backslashes; else "/".
std::string SafeReturnTo(std::string_view return_to);

}  // namespace proaktiv::http::auth
