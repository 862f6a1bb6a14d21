#pragma once

// What happens to a request between reading and writing, without sockets or Beast (so the
// server's Beast code stays small): route matching, static files, authentication, access
// control, the CSRF check and the handler call.
//
//   Reply reply;
//   Router::Match match;
//   if (pipeline.Plan(request, match, reply)) {
//     pipeline.Run(request, match, reply);   // inline, or on the blocking pool when
//   }                                        // match.route->options.blocking
//
// Plan answers requests that need no handler: 405 with Allow, a static file (GET/HEAD outside
// /api/ and /auth/), 400 for an unsafe static path, 404. Run authenticates — so a blocking
// route's Authenticator call happens on the blocking pool too, and static files and unmatched
// paths are never authenticated — then enforces RouteOptions::access:
//   kCitizen: anonymous → 401 "unauthenticated", staff → 403 "forbidden";
//   kStaff:   anonymous → 401, citizen → 403, missing scope → 403 ("admin" = any admin:*);
//   kAnyone:  anonymous → 401.
// An Authenticator error (bad credentials) answers 401 with its message, except on kPublic
// routes, where the request goes on as anonymous (so that a stale session cookie cannot lock
// a citizen out of /auth/login or /api/v1/session). A cookie session (principal.session_id set)
// must send X-CSRF-Token equal to principal.csrf_token on POST/PUT/PATCH/DELETE, else 403
// "csrf". A handler's exception becomes a 500 problem, logged with the route's name and the
// exception's type only (never request data).
//
// Thread-safety: const after construction; Plan and Run may run on any thread at once.

#include <cstddef>
#include <string_view>

#include "http/message.h"
#include "http/principal.h"
#include "http/router.h"
#include "http/server/metrics.h"
#include "http/server/static_files.h"

namespace proaktiv::http::server {

// The answer to one request.
struct Reply {
  Response response;
  const StaticFile* file = nullptr;  // when set, the body is file->content (response.body "")
  size_t slot = 0;                   // the metrics slot
  Principal::Kind principal = Principal::Kind::kAnonymous;
  // The default Cache-Control: no-store for everything but static files.
  std::string_view cache_control = "no-store";

  std::string_view body() const { return file != nullptr ? file->content : response.body; }
  std::string_view content_type() const {
    return file != nullptr ? file->content_type : std::string_view(response.content_type);
  }
};

class Pipeline {
 public:
  // `static_files` may be null (no web app). All must outlive the Pipeline.
  Pipeline(const Router& router, const Authenticator& authenticator,
           const StaticFiles* static_files, const Metrics& metrics);

  // True when a route's handler must run (then `match` holds it); otherwise fills `reply`.
  bool Plan(const Request& request, Router::Match& match, Reply& reply) const;
  // Authenticates, checks access and CSRF, calls the handler; fills `reply`. `match` is from
  // Plan (its params are moved into the handler's RouteContext).
  void Run(const Request& request, Router::Match& match, Reply& reply) const;

 private:
  const Router& router_;
  const Authenticator& authenticator_;
  const StaticFiles* static_files_;
  const Metrics& metrics_;
};

// "GET, HEAD, POST" for an Allow header.
std::string AllowHeader(const std::vector<Method>& methods);

}  // namespace proaktiv::http::server
