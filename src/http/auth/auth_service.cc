#include "http/auth/auth_service.h"

#include <fmt/format.h>

namespace proaktiv::http::auth {
namespace {

// The value after "<scheme> " when the header starts with the scheme (case-insensitive).
std::optional<std::string_view> Credential(std::string_view header, std::string_view scheme) {
  if (header.size() <= scheme.size() || header[scheme.size()] != ' ') return std::nullopt;
  for (size_t i = 0; i < scheme.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(header[i])) !=
        std::tolower(static_cast<unsigned char>(scheme[i]))) {
      return std::nullopt;
    }
  }
  std::string_view value = header.substr(scheme.size() + 1);
  while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
  while (!value.empty() && value.back() == ' ') value.remove_suffix(1);
  return value;
}

Principal CitizenPrincipal(const IdTokenClaims& claims) {
  Principal p;
  p.kind = Principal::Kind::kCitizen;
  p.pid = claims.pid;
  p.subject = claims.subject;
  p.name = claims.name;
  return p;
}

}  // namespace

std::string DefaultLanguage(const Request& request) {
  if (auto lang = request.QueryParam("lang");
      lang && (*lang == "nb" || *lang == "nn" || *lang == "en")) {
    return *lang;
  }
  std::string_view accept = request.Header("accept-language");
  while (!accept.empty()) {
    const size_t comma = accept.find(',');
    std::string_view item = accept.substr(0, comma);
    accept = comma == std::string_view::npos ? std::string_view{} : accept.substr(comma + 1);
    while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
    std::string tag(item.substr(0, std::min(item.find_first_of(";-_ "), item.size())));
    for (char& c : tag) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (tag == "nb" || tag == "nn" || tag == "en") return tag;
    if (tag == "no") return "nb";
  }
  return "nb";
}

std::string SafeReturnTo(std::string_view return_to) {
  if (return_to.empty() || return_to.front() != '/' || return_to.size() > 2000) return "/";
  if (return_to.size() > 1 && (return_to[1] == '/' || return_to[1] == '\\')) return "/";
  for (char c : return_to) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f || c == '\\') return "/";
  }
  return std::string(return_to);
}

AuthService::AuthService(AuthConfig config, const Clock& clock,
                         std::unique_ptr<HttpFetcher> fetcher, ApiKeyRing keys)
    : config_(std::move(config)),
      clock_(clock),
      fetcher_(std::move(fetcher)),
      keys_(std::move(keys)),
      sessions_(std::make_unique<SessionStore>(clock, config_.sessions)) {
  if (!config_.issuer.empty()) {
    oidc_ = std::make_unique<OidcClient>(
        OidcClientConfig{config_.issuer, config_.client_id, config_.client_secret,
                         config_.redirect_uri, "openid", config_.acr_values},
        *fetcher_, clock_);
  }
}

Result<std::unique_ptr<AuthService>> AuthService::Create(AuthConfig config, const Clock& clock,
                                                         std::unique_ptr<HttpFetcher> fetcher) {
  if (!config.issuer.empty() && (config.client_id.empty() || config.redirect_uri.empty())) {
    return InvalidArgument("an OpenID issuer needs a client id and a redirect URI");
  }
  ApiKeyRing keys;
  if (!config.api_keys_file.empty()) {
    PROAKTIV_ASSIGN_OR_RETURN(keys, ApiKeyRing::Load(config.api_keys_file));
  }
  if (fetcher == nullptr) {
    PROAKTIV_ASSIGN_OR_RETURN(fetcher, MakeHttpFetcher(config.fetch));
  }
  return std::unique_ptr<AuthService>(
      new AuthService(std::move(config), clock, std::move(fetcher), std::move(keys)));
}

Principal AuthService::StaffPrincipal(const ApiKeyEntry& entry) const {
  Principal p;
  p.kind = Principal::Kind::kStaff;
  p.subject = "apikey:" + entry.name;
  p.name = entry.name;
  p.scopes = entry.scopes;
  return p;
}

Result<Principal> AuthService::Authenticate(const Request& request) const {
  if (std::string_view header = request.Header("authorization"); !header.empty()) {
    if (auto token = Credential(header, "Bearer")) {
      if (oidc_ == nullptr) {
        return InvalidArgument("bearer tokens are not accepted: no OpenID issuer is configured");
      }
      auto claims = oidc_->VerifyBearer(*token);
      if (!claims) return tl::unexpected(claims.error().WithContext("bearer token"));
      return CitizenPrincipal(*claims);
    }
    if (auto key = Credential(header, "ApiKey")) {
      auto entry = keys_.Find(*key);
      if (!entry) return InvalidArgument("the API key is not valid");
      return StaffPrincipal(*entry);
    }
    return InvalidArgument("the Authorization header's scheme is not Bearer or ApiKey");
  }
  if (auto id = request.Cookie(kSessionCookie); id && !id->empty()) {
    auto principal = sessions_->Find(*id);
    if (!principal) return InvalidArgument("the session has ended; log in again");
    return *principal;
  }
  return Principal{};
}

bool AuthService::secure_cookies() const { return config_.redirect_uri.starts_with("https://"); }

Result<std::string> AuthService::BeginLogin(std::string return_to) {
  if (oidc_ == nullptr) return FailedPrecondition("citizen login is not configured");
  PROAKTIV_ASSIGN_OR_RETURN(LoginRequest login, oidc_->BeginLogin());
  PROAKTIV_RETURN_IF_ERROR(sessions_->PutPending(
      login.state, PendingLogin{login.code_verifier, login.nonce, std::move(return_to)}));
  return login.url;
}

Result<AuthService::CompletedLogin> AuthService::CompleteLogin(std::string_view state,
                                                               std::string_view code) {
  if (oidc_ == nullptr) return FailedPrecondition("citizen login is not configured");
  auto pending = sessions_->TakePending(state);
  if (!pending) {
    return InvalidArgument("the login request is unknown or expired (state); start again");
  }
  PROAKTIV_ASSIGN_OR_RETURN(IdTokenClaims claims,
                            oidc_->CompleteLogin(code, pending->code_verifier, pending->nonce));
  PROAKTIV_ASSIGN_OR_RETURN(Principal session, sessions_->Create(CitizenPrincipal(claims)));
  return CompletedLogin{std::move(session), std::move(pending->return_to)};
}

Result<Principal> AuthService::StartStaffSession(std::string_view api_key) {
  auto entry = keys_.Find(api_key);
  if (!entry) return InvalidArgument("the API key is not valid");
  return sessions_->Create(StaffPrincipal(*entry));
}

void AuthService::EndSession(std::string_view session_id) {
  if (!session_id.empty()) sessions_->Remove(session_id);
}

std::string AuthService::SessionCookie(const Principal& session) const {
  return fmt::format("{}={}; Path=/; HttpOnly; SameSite=Lax{}", kSessionCookie, session.session_id,
                     secure_cookies() ? "; Secure" : "");
}

std::string AuthService::ClearedSessionCookie() const {
  return fmt::format("{}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax{}", kSessionCookie,
                     secure_cookies() ? "; Secure" : "");
}

std::string AuthService::LanguageFor(const Request& request, const Principal& principal) const {
  if (language_) {
    std::string lang = language_(request, principal);
    if (lang == "nb" || lang == "nn" || lang == "en") return lang;
  }
  return DefaultLanguage(request);
}

}  // namespace proaktiv::http::auth
