#include "http/auth/dev_issuer.h"

#include <algorithm>

#include <fmt/format.h>
#include <boost/json.hpp>

#include "common/base64.h"
#include "common/national_id.h"
#include "http/auth/crypto.h"
#include "http/auth/dev_issuer_page.h"
#include "http/auth/form.h"
#include "http/auth/jwks.h"
#include "http/auth/jwt.h"
#include "http/auth/oidc_client.h"

namespace proaktiv::http::auth {
namespace {

constexpr char kDevHeader[] = "X-Development-Only";
constexpr char kDevHeaderValue[] = "FOR DEVELOPMENT ONLY - not ID-porten";

// The authorization request's parameters carried through the login page.
constexpr std::string_view kCarried[] = {"client_id",     "redirect_uri",         "state",
                                         "nonce",         "code_challenge",       "scope",
                                         "response_type", "code_challenge_method"};

Response Marked(Response r) {
  r.headers.emplace_back(kDevHeader, kDevHeaderValue);
  r.headers.emplace_back("Cache-Control", "no-store");
  return r;
}

Response Json(int status, boost::json::object doc) {
  doc["notice"] = kDevNotice;
  return Marked(Response::Json(status, doc));
}

Response Html(int status, std::string body) {
  Response r;
  r.status = status;
  r.content_type = "text/html; charset=utf-8";
  r.body = std::move(body);
  return Marked(std::move(r));
}

// An OAuth error at the token endpoint (RFC 6749 §5.2).
Response TokenError(std::string_view error, std::string_view description) {
  return Json(400, {{"error", error}, {"error_description", description}});
}

int64_t Seconds(std::chrono::system_clock::time_point t) {
  return std::chrono::duration_cast<std::chrono::seconds>(t.time_since_epoch()).count();
}

}  // namespace

DevIssuer::DevIssuer(DevIssuerOptions options, RsaKey key, const Clock& clock)
    : options_(std::move(options)),
      key_(std::move(key)),
      clock_(clock),
      sub_secret_(Sha256("proaktiv dev issuer pseudonyms " + key_.ToPrivatePem().value_or(""))),
      issuer_(options_.issuer) {}

void DevIssuer::SetIssuer(std::string issuer) {
  std::lock_guard lock(mutex_);
  issuer_ = std::move(issuer);
}

std::string DevIssuer::issuer() const {
  std::lock_guard lock(mutex_);
  return issuer_;
}

std::string DevIssuer::Pseudonym(std::string_view pid) const {
  return Base64UrlEncode(HmacSha256(sub_secret_, pid));
}

bool DevIssuer::RedirectAllowed(std::string_view uri) const {
  return std::find(options_.redirect_uris.begin(), options_.redirect_uris.end(), uri) !=
         options_.redirect_uris.end();
}

Result<std::string> DevIssuer::IssueIdToken(std::string_view pid, std::string_view nonce) const {
  PROAKTIV_ASSIGN_OR_RETURN(NationalId id, NationalId::Parse(pid));
  const auto now = clock_.Now();
  boost::json::object claims = {{"iss", issuer()},
                                {"aud", options_.client_id},
                                {"sub", Pseudonym(id.digits())},
                                {"pid", id.digits()},
                                {"acr", "idporten-loa-high"},
                                {"amr", boost::json::array{"TestID"}},
                                {"iat", Seconds(now)},
                                {"exp", Seconds(now + options_.token_lifetime)},
                                {"jti", RandomToken(16)},
                                {"dev_only", true}};
  if (!nonce.empty()) claims["nonce"] = nonce;
  return SignJws(claims, key_);
}

Response DevIssuer::Discovery() const {
  const std::string base = issuer();
  return Json(200, {{"issuer", base},
                    {"authorization_endpoint", base + "/authorize"},
                    {"token_endpoint", base + "/token"},
                    {"jwks_uri", base + "/jwks.json"},
                    {"response_types_supported", boost::json::array{"code"}},
                    {"grant_types_supported", boost::json::array{"authorization_code"}},
                    {"subject_types_supported", boost::json::array{"pairwise"}},
                    {"id_token_signing_alg_values_supported", boost::json::array{"RS256"}},
                    {"code_challenge_methods_supported", boost::json::array{"S256"}},
                    {"token_endpoint_auth_methods_supported",
                     boost::json::array{"client_secret_post", "none"}},
                    {"acr_values_supported", boost::json::array{"idporten-loa-high"}},
                    {"scopes_supported", boost::json::array{"openid"}}});
}

Response DevIssuer::JwksDocument() const {
  boost::json::value keys = boost::json::parse(Jwks::Of({key_}).ToJson());
  boost::json::object doc = std::move(keys.as_object());
  return Json(200, std::move(doc));
}

Response DevIssuer::AuthorizePage(const Request& request) const {
  FormFields hidden;
  for (std::string_view name : kCarried) {
    if (auto v = request.QueryParam(name)) hidden.emplace_back(std::string(name), *v);
  }
  if (FormValue(hidden, "client_id") != options_.client_id) {
    return Html(400, RenderDevErrorPage("Ukjent klient (client_id)."));
  }
  if (!RedirectAllowed(FormValue(hidden, "redirect_uri").value_or(""))) {
    return Html(400, RenderDevErrorPage("redirect_uri er ikke registrert for klienten."));
  }
  if (FormValue(hidden, "response_type") != "code" ||
      FormValue(hidden, "code_challenge_method") != "S256" ||
      FormValue(hidden, "code_challenge").value_or("").empty() ||
      FormValue(hidden, "state").value_or("").empty()) {
    return Html(400, RenderDevErrorPage(
                         "Forespørselen må bruke response_type=code, state og PKCE med S256."));
  }
  return Html(200, RenderDevLoginPage(options_.persons, hidden, "", ""));
}

Response DevIssuer::AuthorizeSubmit(const Request& request) {
  const FormFields form = FormDecode(request.body);
  FormFields hidden;
  for (std::string_view name : kCarried) {
    if (auto v = FormValue(form, name)) hidden.emplace_back(std::string(name), *v);
  }
  const std::string redirect_uri = FormValue(form, "redirect_uri").value_or("");
  if (FormValue(form, "client_id") != options_.client_id || !RedirectAllowed(redirect_uri) ||
      FormValue(form, "state").value_or("").empty() ||
      FormValue(form, "code_challenge").value_or("").empty()) {
    return Html(400,
                RenderDevErrorPage("Skjemaet mangler klient, redirect_uri, state eller PKCE."));
  }
  const std::string typed = FormValue(form, "pid").value_or("");
  auto id = NationalId::Parse(typed);
  if (!id) {
    return Html(400, RenderDevLoginPage(options_.persons, hidden,
                                        "Ikke et gyldig fødselsnummer: " + id.error().message,
                                        typed.substr(0, 11)));
  }
  const std::string code = RandomToken(32);
  {
    std::lock_guard lock(mutex_);
    const auto now = clock_.Now();
    std::erase_if(codes_, [&](const auto& e) { return now >= e.second.expires; });
    codes_[code] =
        Code{id->digits(), redirect_uri, FormValue(form, "nonce").value_or(""),
             FormValue(form, "code_challenge").value_or(""), now + options_.code_lifetime};
  }
  const char separator = redirect_uri.find('?') == std::string::npos ? '?' : '&';
  return Marked(Response::Redirect(
      redirect_uri + separator +
      FormEncode({{"code", code}, {"state", *FormValue(form, "state")}, {"iss", issuer()}})));
}

Response DevIssuer::Token(const Request& request) {
  const FormFields form = FormDecode(request.body);
  if (FormValue(form, "grant_type") != "authorization_code") {
    return TokenError("unsupported_grant_type", "only authorization_code is supported");
  }
  if (FormValue(form, "client_id") != options_.client_id) {
    return Json(401, {{"error", "invalid_client"}, {"error_description", "unknown client"}});
  }
  std::optional<Code> code;
  {
    std::lock_guard lock(mutex_);
    auto it = codes_.find(FormValue(form, "code").value_or(""));
    if (it != codes_.end()) {
      code = std::move(it->second);
      codes_.erase(it);  // one use only, whatever happens next
    }
  }
  if (!code || clock_.Now() >= code->expires) {
    return TokenError("invalid_grant", "the code is unknown, used or expired");
  }
  if (FormValue(form, "redirect_uri") != code->redirect_uri) {
    return TokenError("invalid_grant", "redirect_uri differs from the authorization request");
  }
  const std::string verifier = FormValue(form, "code_verifier").value_or("");
  if (verifier.size() < 43 || verifier.size() > 128 ||
      !ConstantTimeEqual(PkceChallenge(verifier), code->code_challenge)) {
    return TokenError("invalid_grant", "the PKCE code_verifier does not match the challenge");
  }
  auto token = IssueIdToken(code->pid, code->nonce);
  if (!token) return TokenError("server_error", "cannot sign the token");
  return Json(200, {{"access_token", RandomToken(32)},
                    {"token_type", "Bearer"},
                    {"expires_in", options_.token_lifetime.count()},
                    {"scope", "openid"},
                    {"id_token", *token}});
}

Response DevIssuer::DirectToken(const Request& request) const {
  std::string pid;
  if (request.Header("content-type").starts_with("application/json")) {
    boost::system::error_code ec;
    boost::json::value body = boost::json::parse(request.body, ec);
    const boost::json::value* v =
        !ec && body.is_object() ? body.as_object().if_contains("pid") : nullptr;
    if (v != nullptr && v->is_string()) pid = std::string(v->as_string());
  } else {
    pid = FormValue(FormDecode(request.body), "pid").value_or("");
  }
  if (pid.empty()) {
    return Marked(Response::Problem(400, "invalid-body",
                                    "Send {\"pid\": \"<11 digits>\"} as application/json."));
  }
  auto token = IssueIdToken(pid, "");
  if (!token) {
    return Marked(Response::Problem(
        400, "invalid-pid",
        fmt::format("pid is not a valid identity number: {}", token.error().message)));
  }
  return Json(200, {{"id_token", *token},
                    {"token_type", "Bearer"},
                    {"expires_in", options_.token_lifetime.count()}});
}

void DevIssuer::Register(Router& router) {
  router.Add(Method::kGet, "/.well-known/openid-configuration",
             [this](const Request&, const RouteContext&) { return Discovery(); },
             {.name = "devDiscovery"});
  router.Add(Method::kGet, "/jwks.json",
             [this](const Request&, const RouteContext&) { return JwksDocument(); },
             {.name = "devJwks"});
  router.Add(Method::kGet, "/authorize",
             [this](const Request& r, const RouteContext&) { return AuthorizePage(r); },
             {.name = "devAuthorize"});
  router.Add(Method::kPost, "/authorize",
             [this](const Request& r, const RouteContext&) { return AuthorizeSubmit(r); },
             {.name = "devAuthorizeSubmit"});
  router.Add(Method::kGet, "/dev-issuer.css",
             [](const Request&, const RouteContext&) {
               Response r;
               r.content_type = "text/css; charset=utf-8";
               r.body = std::string(DevIssuerStylesheet());
               return Marked(std::move(r));
             },
             {.name = "devStylesheet"});
  router.Add(Method::kPost, "/token",
             [this](const Request& r, const RouteContext&) { return Token(r); },
             {.blocking = true, .name = "devToken"});  // RSA signing: CPU work
  router.Add(Method::kPost, "/dev/token",
             [this](const Request& r, const RouteContext&) { return DirectToken(r); },
             {.blocking = true, .name = "devDirectToken"});
}

}  // namespace proaktiv::http::auth
