#include "http/auth/oidc_client.h"

#include <fmt/format.h>
#include <boost/json.hpp>

#include "common/base64.h"
#include "http/auth/crypto.h"

namespace proaktiv::http::auth {
namespace {

std::string Member(const boost::json::object& o, std::string_view name) {
  const boost::json::value* v = o.if_contains(name);
  return v != nullptr && v->is_string() ? std::string(v->as_string()) : std::string();
}

std::string Joined(const std::vector<std::string>& values) {
  std::string out;
  for (const std::string& v : values) out += (out.empty() ? "" : " ") + v;
  return out;
}

// A short, printable excerpt of a provider's error word (never a description or a token).
std::string SafeWord(std::string_view s) {
  std::string out;
  for (char c : s.substr(0, 40)) {
    out += (std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-') ? c : '?';
  }
  return out;
}

}  // namespace

std::string PkceChallenge(std::string_view code_verifier) {
  return Base64UrlEncode(Sha256(code_verifier));
}

Result<ProviderMetadata> ParseProviderMetadata(std::string_view json,
                                               std::string_view expected_issuer) {
  boost::system::error_code ec;
  boost::json::value doc = boost::json::parse(json, ec);
  if (ec || !doc.is_object()) return InvalidArgument("the discovery document is not a JSON object");
  const boost::json::object& o = doc.as_object();
  ProviderMetadata m{Member(o, "issuer"), Member(o, "authorization_endpoint"),
                     Member(o, "token_endpoint"), Member(o, "jwks_uri")};
  if (m.issuer != expected_issuer) {
    return InvalidArgument(
        fmt::format("the discovery document's issuer \"{}\" is not the configured issuer \"{}\"",
                    m.issuer.substr(0, 200), expected_issuer));
  }
  for (auto [name, value] :
       {std::pair{"authorization_endpoint", &m.authorization_endpoint},
        std::pair{"token_endpoint", &m.token_endpoint}, std::pair{"jwks_uri", &m.jwks_uri}}) {
    if (value->empty())
      return InvalidArgument(fmt::format("the discovery document has no {}", name));
  }
  if (const auto* methods = o.if_contains("code_challenge_methods_supported");
      methods != nullptr && methods->is_array()) {
    bool s256 = false;
    for (const auto& v : methods->as_array()) s256 |= v.is_string() && v.as_string() == "S256";
    if (!s256) return InvalidArgument("the provider does not support PKCE with S256");
  }
  return m;
}

OidcClient::OidcClient(OidcClientConfig config, const HttpFetcher& fetcher, const Clock& clock)
    : config_(std::move(config)),
      fetcher_(fetcher),
      verifier_(
          IdTokenPolicy{config_.issuer, config_.client_id, config_.acr_values},
          [this] { return FetchJwks(); }, clock) {}

Result<ProviderMetadata> OidcClient::Metadata() const {
  std::lock_guard lock(metadata_mutex_);
  if (metadata_) return *metadata_;
  std::string url = config_.issuer;
  if (url.ends_with('/')) url.pop_back();
  url += "/.well-known/openid-configuration";
  auto response = fetcher_.Get(url);
  if (!response) return tl::unexpected(response.error().WithContext("discovery"));
  if (response->status != 200) {
    return Unavailable(fmt::format("discovery: the issuer answered {}", response->status));
  }
  auto parsed = ParseProviderMetadata(response->body, config_.issuer);
  if (!parsed) return tl::unexpected(parsed.error().WithContext("discovery"));
  metadata_ = *parsed;
  return *parsed;
}

Result<Jwks> OidcClient::FetchJwks() const {
  PROAKTIV_ASSIGN_OR_RETURN(ProviderMetadata metadata, Metadata());
  auto response = fetcher_.Get(metadata.jwks_uri);
  if (!response) return tl::unexpected(response.error());
  if (response->status != 200) {
    return Unavailable(fmt::format("the jwks_uri answered {}", response->status));
  }
  return Jwks::Parse(response->body);
}

Result<LoginRequest> OidcClient::BeginLogin() const {
  PROAKTIV_ASSIGN_OR_RETURN(ProviderMetadata metadata, Metadata());
  LoginRequest login{"", RandomToken(), RandomToken(), RandomToken()};
  FormFields query = {{"response_type", "code"},
                      {"client_id", config_.client_id},
                      {"redirect_uri", config_.redirect_uri},
                      {"scope", config_.scope},
                      {"state", login.state},
                      {"nonce", login.nonce},
                      {"code_challenge", PkceChallenge(login.code_verifier)},
                      {"code_challenge_method", "S256"}};
  if (!config_.acr_values.empty()) query.emplace_back("acr_values", Joined(config_.acr_values));
  const char separator = metadata.authorization_endpoint.find('?') == std::string::npos ? '?' : '&';
  login.url = metadata.authorization_endpoint + separator + FormEncode(query);
  return login;
}

Result<IdTokenClaims> OidcClient::CompleteLogin(std::string_view code,
                                                std::string_view code_verifier,
                                                std::string_view nonce) const {
  PROAKTIV_ASSIGN_OR_RETURN(ProviderMetadata metadata, Metadata());
  FormFields form = {{"grant_type", "authorization_code"},
                     {"code", std::string(code)},
                     {"redirect_uri", config_.redirect_uri},
                     {"client_id", config_.client_id},
                     {"code_verifier", std::string(code_verifier)}};
  if (config_.client_secret) form.emplace_back("client_secret", *config_.client_secret);
  auto response = fetcher_.PostForm(metadata.token_endpoint, form);
  if (!response) return tl::unexpected(response.error().WithContext("token exchange"));
  boost::system::error_code ec;
  boost::json::value doc = boost::json::parse(response->body, ec);
  if (ec || !doc.is_object()) {
    return Unavailable(fmt::format("token exchange: the token endpoint answered {} without JSON",
                                   response->status));
  }
  if (response->status != 200) {
    return InvalidArgument(fmt::format("token exchange: the token endpoint answered {} {}",
                                       response->status,
                                       SafeWord(Member(doc.as_object(), "error"))));
  }
  const std::string id_token = Member(doc.as_object(), "id_token");
  if (id_token.empty()) return InvalidArgument("token exchange: the answer has no id_token");
  auto claims = verifier_.Verify(id_token, nonce);
  if (!claims) return tl::unexpected(claims.error().WithContext("id_token"));
  return claims;
}

}  // namespace proaktiv::http::auth
