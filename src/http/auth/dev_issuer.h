#pragma once

// FOR DEVELOPMENT ONLY — not ID-porten. A tiny OpenID provider for the demo, the tests and the
// benchmarks, served by the same http::server as the API (`proaktiv dev-issuer`). It signs
// whatever identity number it is told to; it must never be reachable from production.
//
// Routes (registered on an http::Router):
//   GET  /.well-known/openid-configuration   discovery (code flow, PKCE S256, RS256)
//   GET  /jwks.json                          its public key
//   GET  /authorize                          an HTML page listing test persons to log in as,
//                                            and a field to type any identity number
//   POST /authorize                          the choice → 302 to redirect_uri with a one-time
//                                            code (valid 60 s) and the state
//   POST /token                              code + PKCE verifier → an ID token (RS256, iss,
//                                            aud, sub = HMAC pseudonym of pid, pid, acr
//                                            "idporten-loa-high", amr ["TestID"], iat, exp
//                                            (10 min), nonce)
//   POST /dev/token {"pid": "…"}             an ID token straight away, for API clients, tests
//                                            and load generators (no browser). Dev-only.
// Every response carries "X-Development-Only: FOR DEVELOPMENT ONLY - not ID-porten", every
// JSON document a "notice" member and every page a banner saying so.
//
// Only the configured client id and redirect URIs are accepted. The signing key is the
// caller's (RsaKey::LoadOrCreate keeps it in a PEM file, so a restart keeps the kid).
//
// Thread-safe: handlers may run on several threads (codes are kept under a mutex).

#include <chrono>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/clock.h"
#include "common/result.h"
#include "http/auth/rsa_key.h"
#include "http/router.h"

namespace proaktiv::http::auth {

inline constexpr std::string_view kDevNotice = "FOR DEVELOPMENT ONLY — not ID-porten";

struct TestPerson {
  std::string pid;
  std::string name;
  std::string birth_date;  // "YYYY-MM-DD"
  std::string note;        // e.g. "2 offers"; may be empty
};

struct DevIssuerOptions {
  std::string issuer = "http://127.0.0.1:8081";  // its own base URL, as tokens will name it
  std::string client_id = "proaktiv-portal";
  std::vector<std::string> redirect_uris = {"http://127.0.0.1:8080/auth/callback"};
  std::vector<TestPerson> persons;
  std::chrono::seconds token_lifetime{600};
  std::chrono::seconds code_lifetime{60};
};

class DevIssuer {
 public:
  DevIssuer(DevIssuerOptions options, RsaKey key, const Clock& clock);

  // When the port is known only after the server started (port 0 in tests).
  void SetIssuer(std::string issuer);
  std::string issuer() const;
  const RsaKey& key() const { return key_; }

  // An ID token for `pid` (validated); `nonce` is left out when empty.
  Result<std::string> IssueIdToken(std::string_view pid, std::string_view nonce) const;

  void Register(Router& router);

 private:
  struct Code {
    std::string pid;
    std::string redirect_uri;
    std::string nonce;
    std::string code_challenge;
    std::chrono::system_clock::time_point expires;
  };

  Response Discovery() const;
  Response JwksDocument() const;
  Response AuthorizePage(const Request& request) const;
  Response AuthorizeSubmit(const Request& request);
  Response Token(const Request& request);
  Response DirectToken(const Request& request) const;

  std::string Pseudonym(std::string_view pid) const;
  bool RedirectAllowed(std::string_view uri) const;

  const DevIssuerOptions options_;
  const RsaKey key_;
  const Clock& clock_;
  const std::string sub_secret_;
  mutable std::mutex mutex_;  // guards issuer_ and codes_
  std::string issuer_;
  std::unordered_map<std::string, Code> codes_;
};

}  // namespace proaktiv::http::auth
