#pragma once

// Who is calling: resolved once per request by an Authenticator before a route's handler runs.
//
//   citizen: logged in through OpenID Connect (a session cookie from /auth/callback, or a
//            bearer ID token); `pid` is their identity number (the ID token's "pid" claim).
//   staff:   a municipality's staff or a system (API key, or a session made from one);
//            `scopes` say what it may do: "admin:<kommunenummer>", "admin:*", "intake", "metrics".
//
// `pid` is personal data: never log it, never put it in an error message (use
// common::NationalId's masked form when a log needs to refer to it).

#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "http/message.h"

namespace proaktiv::http {

struct Principal {
  enum class Kind { kAnonymous, kCitizen, kStaff };

  Kind kind = Kind::kAnonymous;
  std::string pid;                  // citizen: identity number
  std::string subject;              // the token's "sub" (citizen) or the key's id (staff)
  std::string name;                 // display name when known (staff key name, citizen's name)
  std::vector<std::string> scopes;  // staff
  std::string session_id;           // when authenticated by a session cookie, else ""
  // Cookie-authenticated requests that change state must carry this value in the
  // X-CSRF-Token header (the server checks it); "" for bearer/API-key requests.
  std::string csrf_token;

  bool is_citizen() const { return kind == Kind::kCitizen; }
  bool is_staff() const { return kind == Kind::kStaff; }
  bool HasScope(std::string_view scope) const;
  // "admin:<kommunenummer>" or "admin:*".
  bool MayAdminister(std::string_view kommunenummer) const;
};

// Resolves the caller of a request. Implementations must be thread-safe (called from every
// server thread). An anonymous Principal means no credentials were presented; an Error means
// credentials were presented and are not valid (expired token, unknown key, bad signature): the
// server answers 401 with the error's message.
class Authenticator {
 public:
  virtual ~Authenticator() = default;
  virtual Result<Principal> Authenticate(const Request& request) const = 0;
};

}  // namespace proaktiv::http
