#pragma once

// Routes: (method, path pattern) → handler, with who may call it. Patterns are literal
// segments and `{name}` parameters ("/api/v1/me/offers/{id}"); a parameter matches one
// non-empty segment. Literal segments win over parameters; the first added of equal routes
// wins.
//
//   router.Add(Method::kGet, "/api/v1/me/offers/{id}", ShowOffer,
//              {.access = Access::kCitizen, .blocking = true});
//
// The server (http/server.h) authenticates, matches, enforces `access`, checks the CSRF token
// for cookie sessions on state-changing methods, then calls the handler — on the blocking pool
// when `blocking` (database work), otherwise on the I/O thread. Handlers must be thread-safe.
// For a path that exists with another method the server answers 405 with Allow; for no match
// 404 (or the SPA's index.html for non-API GETs, see server.h).

#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "http/message.h"
#include "http/principal.h"

namespace proaktiv::http {

enum class Access {
  kPublic,   // anyone, principal may be anonymous
  kCitizen,  // a logged-in citizen
  kStaff,    // staff with `scope` (when scope is "admin", the handler checks the kommune)
  kAnyone,   // any authenticated principal
};

struct RouteOptions {
  Access access = Access::kPublic;
  std::string scope{};    // kStaff: required scope, e.g. "intake"; "admin" = any admin:* scope
  bool blocking = false;  // run on the blocking pool (database, file or CPU-heavy work)
  // The OpenAPI operationId, used in metrics and access logs instead of the raw path.
  std::string name{};  // ({} so that designated initializers may leave it out under -Wextra)
};

struct RouteContext {
  const Principal& principal;
  std::vector<std::pair<std::string_view, std::string_view>> params;  // {name} → segment

  // A path parameter by name ("" when the pattern has none of that name).
  std::string_view Param(std::string_view name) const;
};

using Handler = std::function<Response(const Request&, const RouteContext&)>;

struct Route {
  Method method;
  std::string pattern;
  Handler handler;
  RouteOptions options;
};

class Router {
 public:
  void Add(Method method, std::string pattern, Handler handler, RouteOptions options = {});

  struct Match {
    const Route* route = nullptr;  // nullptr: no route for this method and path
    std::vector<std::pair<std::string_view, std::string_view>> params;
    std::vector<Method> allowed;  // when route is nullptr: methods the path has (for 405)
  };
  // `path` must outlive the returned params (they point into it and into the patterns).
  Match Find(Method method, std::string_view path) const;

  const std::vector<Route>& routes() const { return routes_; }

 private:
  std::vector<Route> routes_;
};

}  // namespace proaktiv::http
