#include "http/auth/auth_routes.h"

#include <fmt/format.h>
#include <boost/json.hpp>

namespace proaktiv::http::auth {
namespace {

Response NoStore(Response response) {
  response.headers.emplace_back("Cache-Control", "no-store");
  return response;
}

// The issuer's error word, reduced to safe characters.
std::string SafeWord(std::string_view s) {
  std::string out;
  for (char c : s.substr(0, 40)) {
    out += (std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-') ? c : '?';
  }
  return out;
}

Response Login(AuthService& auth, const Request& request) {
  if (!auth.citizen_login_enabled()) {
    return Response::Problem(404, "not-found", "Citizen login is not configured on this server.");
  }
  auto url = auth.BeginLogin(SafeReturnTo(request.QueryParam("return_to").value_or("/")));
  if (!url) {
    return Response::Problem(
        503, "login-unavailable",
        fmt::format("The login service cannot be reached: {}", url.error().message));
  }
  return NoStore(Response::Redirect(*url));
}

Response Callback(AuthService& auth, const Request& request) {
  auto failed = [](std::string_view detail) {
    return Response::Problem(400, "login-failed", fmt::format("Login failed: {}", detail));
  };
  if (auto error = request.QueryParam("error")) {
    return failed(fmt::format("the issuer ended the login ({}).", SafeWord(*error)));
  }
  const auto code = request.QueryParam("code");
  const auto state = request.QueryParam("state");
  if (!code || code->empty() || !state || state->empty()) {
    return failed("the callback has no code or no state.");
  }
  auto login = auth.CompleteLogin(*state, *code);
  if (!login) return failed(login.error().message + ".");
  if (auto old = request.Cookie(kSessionCookie)) auth.EndSession(*old);  // no session fixation
  Response response = NoStore(Response::Redirect(login->return_to));
  response.headers.emplace_back("Set-Cookie", auth.SessionCookie(login->principal));
  return response;
}

Response Logout(AuthService& auth, const Request& request, const RouteContext& context) {
  auth.EndSession(context.principal.session_id);
  if (auto id = request.Cookie(kSessionCookie)) auth.EndSession(*id);
  Response response;
  response.status = 204;
  response.content_type.clear();
  response.headers.emplace_back("Set-Cookie", auth.ClearedSessionCookie());
  return NoStore(std::move(response));
}

Response StaffSession(AuthService& auth, const Request& request) {
  std::string_view type = request.Header("content-type");
  if (!type.starts_with("application/json")) {
    return Response::Problem(415, "unsupported-media-type",
                             "Send the API key as application/json: {\"api_key\": \"…\"}.");
  }
  boost::system::error_code ec;
  boost::json::value body = boost::json::parse(request.body, ec);
  const boost::json::value* key =
      !ec && body.is_object() ? body.as_object().if_contains("api_key") : nullptr;
  if (key == nullptr || !key->is_string() || key->as_string().empty()) {
    return Response::Problem(400, "invalid-body",
                             "The body must be a JSON object with a string field api_key.");
  }
  auto session = auth.StartStaffSession(key->as_string());
  if (!session) return Response::Problem(401, "unauthenticated", session.error().message);
  if (auto old = request.Cookie(kSessionCookie)) auth.EndSession(*old);
  Response response;
  response.status = 204;
  response.content_type.clear();
  response.headers.emplace_back("Set-Cookie", auth.SessionCookie(*session));
  return NoStore(std::move(response));
}

Response Session(const AuthService& auth, const Request& request, const RouteContext& context) {
  const Principal& p = context.principal;
  boost::json::object doc;
  doc["kind"] = p.is_citizen() ? "citizen" : p.is_staff() ? "staff" : "anonymous";
  doc["name"] = p.name;
  doc["language"] = auth.LanguageFor(request, p);
  boost::json::array kommuner;
  for (const std::string& scope : p.scopes) {
    if (scope.starts_with("admin:")) kommuner.emplace_back(scope.substr(6));
  }
  doc["kommuner"] = std::move(kommuner);
  doc["csrf_token"] = p.csrf_token;
  return NoStore(Response::Json(200, doc));
}

}  // namespace

void RegisterAuthRoutes(Router& router, AuthService& auth) {
  AuthService* a = &auth;
  // Login and callback talk to the issuer (discovery, the token endpoint): blocking.
  router.Add(Method::kGet, "/auth/login",
             [a](const Request& r, const RouteContext&) { return Login(*a, r); },
             {.access = Access::kPublic, .blocking = true, .name = "login"});
  router.Add(Method::kGet, "/auth/callback",
             [a](const Request& r, const RouteContext&) { return Callback(*a, r); },
             {.access = Access::kPublic, .blocking = true, .name = "loginCallback"});
  router.Add(Method::kPost, "/auth/logout",
             [a](const Request& r, const RouteContext& c) { return Logout(*a, r, c); },
             {.access = Access::kPublic, .name = "logout"});
  router.Add(Method::kPost, "/auth/staff-session",
             [a](const Request& r, const RouteContext&) { return StaffSession(*a, r); },
             {.access = Access::kPublic, .name = "staffSession"});
  router.Add(
      Method::kGet, "/api/v1/session",
      [a](const Request& r, const RouteContext& c) { return Session(*a, r, c); },
      {.access = Access::kPublic, .blocking = auth.has_language_resolver(), .name = "getSession"});
}

}  // namespace proaktiv::http::auth
