#include "http/server/pipeline.h"

#include <exception>
#include <typeinfo>

#include <spdlog/spdlog.h>

namespace proaktiv::http::server {
namespace {

bool IsApiPath(std::string_view path) {
  for (std::string_view prefix : {std::string_view("/api"), std::string_view("/auth")}) {
    if (path.starts_with(prefix) && (path.size() == prefix.size() || path[prefix.size()] == '/')) {
      return true;
    }
  }
  return false;
}

bool ChangesState(Method method) {
  return method == Method::kPost || method == Method::kPut || method == Method::kPatch ||
         method == Method::kDelete;
}

// Compares in time that does not depend on where the strings differ.
bool ConstantTimeEquals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  unsigned char diff = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    diff |= static_cast<unsigned char>(a[i] ^ b[i]);
  }
  return diff == 0;
}

bool HasAnyAdminScope(const Principal& principal) {
  for (const std::string& scope : principal.scopes) {
    if (scope.starts_with("admin:")) return true;
  }
  return false;
}

Response Allowed() {
  Response r;
  r.status = 0;
  return r;
}

// The refusal for `principal` on a route with `options`, or status 0 when allowed.
Response CheckAccess(const Principal& principal, const RouteOptions& options) {
  const bool anonymous = principal.kind == Principal::Kind::kAnonymous;
  switch (options.access) {
    case Access::kPublic:
      return Allowed();
    case Access::kAnyone:
      if (anonymous) return Response::Problem(401, "unauthenticated", "Log in first.");
      return Allowed();
    case Access::kCitizen:
      if (anonymous) return Response::Problem(401, "unauthenticated", "Log in first.");
      if (!principal.is_citizen()) {
        return Response::Problem(403, "forbidden", "Only citizens may use this resource.");
      }
      return Allowed();
    case Access::kStaff: {
      if (anonymous) return Response::Problem(401, "unauthenticated", "Log in first.");
      if (!principal.is_staff()) {
        return Response::Problem(403, "forbidden", "Only staff may use this resource.");
      }
      const std::string& scope = options.scope;
      const bool allowed = scope.empty() || (scope == "admin" ? HasAnyAdminScope(principal)
                                                              : principal.HasScope(scope));
      if (!allowed) {
        return Response::Problem(403, "forbidden",
                                 "This resource needs the '" + scope + "' scope.");
      }
      return Allowed();
    }
  }
  return Allowed();
}

}  // namespace

std::string AllowHeader(const std::vector<Method>& methods) {
  std::string out;
  for (Method m : methods) {
    if (!out.empty()) out += ", ";
    out += MethodName(m);
  }
  return out;
}

Pipeline::Pipeline(const Router& router, const Authenticator& authenticator,
                   const StaticFiles* static_files, const Metrics& metrics)
    : router_(router),
      authenticator_(authenticator),
      static_files_(static_files),
      metrics_(metrics) {}

bool Pipeline::Plan(const Request& request, Router::Match& match, Reply& reply) const {
  match = router_.Find(request.method, request.path);
  if (match.route != nullptr) {
    reply.slot = metrics_.RouteSlot(match.route);
    return true;
  }
  if (!match.allowed.empty()) {
    reply.slot = metrics_.method_not_allowed_slot();
    reply.response = Response::Problem(405, "method-not-allowed",
                                       "This resource does not support the request's method.");
    reply.response.headers.emplace_back("Allow", AllowHeader(match.allowed));
    return false;
  }
  const bool get = request.method == Method::kGet || request.method == Method::kHead;
  if (get && static_files_ != nullptr && !IsApiPath(request.path)) {
    if (!StaticFiles::IsSafePath(request.path)) {
      reply.slot = metrics_.rejected_slot();
      reply.response = Response::Problem(400, "invalid-path", "The path is not allowed.");
      return false;
    }
    if (const StaticFile* file = static_files_->Find(request.path)) {
      reply.slot = metrics_.static_slot();
      reply.file = file;
      reply.response.status = 200;
      reply.cache_control = file->cache_control;
      return false;
    }
  }
  reply.slot = metrics_.not_found_slot();
  reply.response = Response::Problem(404, "not-found", "There is nothing at this path.");
  return false;
}

void Pipeline::Run(const Request& request, Router::Match& match, Reply& reply) const {
  const Route& route = *match.route;
  Principal principal;
  if (auto authenticated = authenticator_.Authenticate(request)) {
    principal = std::move(*authenticated);
  } else if (route.options.access != Access::kPublic) {
    reply.response = Response::Problem(401, "unauthenticated", authenticated.error().message);
    return;
  }
  reply.principal = principal.kind;
  if (Response refusal = CheckAccess(principal, route.options); refusal.status != 0) {
    reply.response = std::move(refusal);
    return;
  }
  if (!principal.session_id.empty() && ChangesState(request.method) &&
      (principal.csrf_token.empty() ||
       !ConstantTimeEquals(request.Header("x-csrf-token"), principal.csrf_token))) {
    reply.response = Response::Problem(
        403, "csrf", "The X-CSRF-Token header is missing or does not match the session.");
    return;
  }
  RouteContext context{principal, std::move(match.params)};
  try {
    reply.response = route.handler(request, context);
  } catch (const std::exception& e) {
    spdlog::error("http: handler of route '{}' threw {}", metrics_.SlotName(reply.slot),
                  typeid(e).name());
    reply.response = Response::Problem(500, "internal", "The server failed; try again later.");
  } catch (...) {
    spdlog::error("http: handler of route '{}' threw a non-exception",
                  metrics_.SlotName(reply.slot));
    reply.response = Response::Problem(500, "internal", "The server failed; try again later.");
  }
}

}  // namespace proaktiv::http::server
