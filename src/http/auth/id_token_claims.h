#pragma once

// The claims proaktiv takes from a verified OpenID Connect ID token. `pid` is the citizen's
// identity number (ID-porten's "pid" claim): personal data, never logged or put in an error.

#include <chrono>
#include <string>

namespace proaktiv::http::auth {

struct IdTokenClaims {
  std::string subject;  // "sub": a pairwise pseudonym at ID-porten
  std::string pid;      // validated identity number (11 digits)
  std::string acr;      // e.g. "idporten-loa-high"; "" when absent
  std::string nonce;    // "" when absent
  std::string name;     // "name" when the issuer sends one (ID-porten does not); else ""
  std::chrono::system_clock::time_point issued_at;
  std::chrono::system_clock::time_point expires_at;
};

}  // namespace proaktiv::http::auth
