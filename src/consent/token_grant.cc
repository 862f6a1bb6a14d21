#include "consent/token_grant.h"

#include <algorithm>

#include <fmt/format.h>
#include <boost/json.hpp>

#include "consent/client_assertion.h"
#include "consent/consent_service.h"
#include "consent/data_policy.h"
#include "consent/jws.h"

namespace proaktiv::consent {
namespace {

tl::unexpected<OAuthError> Refuse(std::string error, std::string description, int status = 400) {
  return tl::unexpected(OAuthError{status, std::move(error), std::move(description)});
}

tl::unexpected<OAuthError> ServerError(const Error& e) {
  return Refuse("server_error", e.ToString(), 500);
}

struct ConsentDetail {
  std::string consent_id;
  std::optional<std::vector<std::string>> items;
};

tl::expected<ConsentDetail, OAuthError> ParseDetails(std::string_view text) {
  auto bad = [](std::string why) {
    return Refuse("invalid_authorization_details", std::move(why));
  };
  boost::system::error_code ec;
  boost::json::value v = boost::json::parse(text, ec);
  if (ec || !v.is_array() || v.as_array().size() != 1 || !v.as_array()[0].is_object()) {
    return bad("authorization_details must be a JSON array with one object");
  }
  const boost::json::object& d = v.as_array()[0].as_object();
  if (StringClaim(d, "type") != kConsentDetailType) {
    return bad(fmt::format("authorization_details: type must be \"{}\"", kConsentDetailType));
  }
  ConsentDetail out;
  out.consent_id = StringClaim(d, "consent_id").value_or("");
  if (out.consent_id.empty()) return bad("authorization_details: consent_id is required");
  if (const boost::json::value* items = d.if_contains("items")) {
    if (!items->is_array() || items->as_array().empty()) {
      return bad("authorization_details: items must be a non-empty list");
    }
    out.items.emplace();
    for (const boost::json::value& item : items->as_array()) {
      if (!item.is_string()) return bad("authorization_details: items must be strings");
      out.items->emplace_back(item.as_string());
    }
  }
  return out;
}

}  // namespace

tl::expected<TokenGrant, OAuthError> GrantToken(const TokenRequest& r, store::RegistryStore& store,
                                                const TokenIssuer& tokens, const Clock& clock) {
  if (r.grant_type != "client_credentials") {
    return Refuse("unsupported_grant_type", "grant_type must be client_credentials");
  }
  if (r.client_assertion_type != kJwtBearerAssertionType || r.client_assertion.empty()) {
    return Refuse("invalid_client",
                  fmt::format("authenticate with client_assertion_type={} and a client_assertion",
                              kJwtBearerAssertionType),
                  401);
  }
  const bool wants_consent = !r.authorization_details.empty();
  if (wants_consent == (r.scope == kConsentRequestScope)) {
    return Refuse("invalid_request", fmt::format("give either authorization_details or scope={}",
                                                 kConsentRequestScope));
  }
  if (!wants_consent && !r.scope.empty() && r.scope != kConsentRequestScope) {
    return Refuse("invalid_scope", fmt::format("the only scope is {}", kConsentRequestScope));
  }
  ConsentDetail detail;
  if (wants_consent) {
    auto parsed = ParseDetails(r.authorization_details);
    if (!parsed) return tl::unexpected(parsed.error());
    detail = std::move(*parsed);
  }

  ConsentService consents(store, clock);
  const int64_t now_ms = consents.NowMs();
  const int64_t now_s = now_ms / 1000;
  auto assertion = VerifyClientAssertion(
      r.client_assertion, r.client_id, tokens.issuer().token_endpoint(), now_s,
      [&store](std::string_view org) { return store.consent().FindConsumer(org); });
  if (!assertion) return Refuse("invalid_client", assertion.error().message, 401);

  // The jti is kept whatever happens next: an assertion is good for one request only.
  {
    auto tx = Transaction::Begin(store);
    if (!tx) return ServerError(tx.error());
    auto fresh = store.consent().RememberAssertion(
        assertion->consumer.org_number, assertion->jti,
        (assertion->expires_at + kClockSkewSeconds) * 1000, now_ms);
    if (!fresh) return ServerError(fresh.error());
    if (auto committed = tx->Commit(); !committed) return ServerError(committed.error());
    if (!*fresh) {
      return Refuse("invalid_client", "the client assertion (its jti) was used before", 401);
    }
  }

  AccessClaims claims;
  claims.consumer = assertion->consumer.org_number;
  claims.issued_at = now_s;
  claims.expires_at = now_s + kAccessTokenSeconds;
  claims.jti = RandomHex(16);
  if (!wants_consent) {
    claims.scope = std::string(kConsentRequestScope);
    return TokenGrant{tokens.Issue(claims), claims.expires_at - now_s, std::move(claims)};
  }
  auto consent = consents.Find(detail.consent_id);  // expired first when due
  if (!consent) return ServerError(consent.error());
  if (!*consent || (*consent)->consumer != claims.consumer) {
    return Refuse("invalid_authorization_details",
                  fmt::format("consent {} is not one of yours",
                              std::string_view(detail.consent_id).substr(0, 40)));
  }
  if (auto refused = NotLive(**consent)) {
    return Refuse("invalid_authorization_details",
                  fmt::format("{} ({})", refused->detail, Code(refused->reason)));
  }
  claims.consent_id = (*consent)->id;
  claims.items = detail.items.value_or((*consent)->items);
  for (const std::string& item : claims.items) {
    const auto& granted = (*consent)->items;
    if (std::find(granted.begin(), granted.end(), item) == granted.end()) {
      return Refuse("invalid_authorization_details",
                    fmt::format("item '{}' is not covered by consent {}",
                                std::string_view(item).substr(0, 60), claims.consent_id));
    }
  }
  claims.expires_at = std::min(claims.expires_at, (*consent)->valid_to_ms / 1000);
  return TokenGrant{tokens.Issue(claims), claims.expires_at - now_s, std::move(claims)};
}

}  // namespace proaktiv::consent
