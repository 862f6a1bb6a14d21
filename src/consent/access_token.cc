#include "consent/access_token.h"

#include <fmt/format.h>
#include <boost/json.hpp>

#include "consent/jws.h"
#include "consent/key_file.h"

namespace proaktiv::consent {

std::string Issuer::base_url() const {
  std::lock_guard lock(mutex_);
  return base_url_;
}

void Issuer::set_base_url(std::string base_url) {
  std::lock_guard lock(mutex_);
  base_url_ = std::move(base_url);
}

TokenIssuer::TokenIssuer(KeyPair key, const Issuer& issuer)
    : key_(std::move(key)), kid_(KeyId(key_.public_key())), issuer_(issuer) {}

std::string TokenIssuer::Issue(const AccessClaims& c) const {
  const std::string base = issuer_.base_url();
  boost::json::object payload{
      {"iss", base},        {"aud", base},         {"sub", c.consumer}, {"client_id", c.consumer},
      {"iat", c.issued_at}, {"exp", c.expires_at}, {"jti", c.jti}};
  if (!c.consent_id.empty()) {
    boost::json::array items;
    for (const std::string& item : c.items) items.emplace_back(item);
    payload["authorization_details"] = boost::json::array{
        boost::json::object{{"type", kConsentDetailType},
                            {"consent_id", c.consent_id},
                            {"items", std::move(items)},
                            {"actions", boost::json::array{"read"}},
                            {"locations", boost::json::array{base + "/api/v1/data"}}}};
  }
  if (!c.scope.empty()) payload["scope"] = c.scope;
  return SignJws(payload, key_, "at+jwt", kid_);
}

Result<AccessClaims> TokenIssuer::Verify(std::string_view token, int64_t now_s) const {
  PROAKTIV_ASSIGN_OR_RETURN(Jws jws, ParseJws(token));
  if (jws.typ != "at+jwt") return InvalidArgument("the token is not an access token (typ at+jwt)");
  if (!jws.kid.empty() && jws.kid != kid_) {
    return InvalidArgument("the token was not signed by this server's key (kid)");
  }
  if (!VerifyJws(jws, key_.public_key())) {
    return InvalidArgument("the token's signature is not valid");
  }
  const boost::json::object& p = jws.payload;
  const std::string base = issuer_.base_url();
  if (StringClaim(p, "iss") != base) return InvalidArgument("the token's issuer (iss) is another");
  if (StringClaim(p, "aud") != base)
    return InvalidArgument("the token's audience (aud) is another");
  AccessClaims c;
  PROAKTIV_ASSIGN_OR_RETURN(c.issued_at, TimeClaim(p, "iat"));
  PROAKTIV_ASSIGN_OR_RETURN(c.expires_at, TimeClaim(p, "exp"));
  if (now_s >= c.expires_at) return InvalidArgument("the token expired");
  if (c.issued_at > now_s + 5) return InvalidArgument("the token was issued in the future (iat)");
  c.consumer = StringClaim(p, "sub").value_or("");
  if (c.consumer.empty() || StringClaim(p, "client_id") != c.consumer) {
    return InvalidArgument("the token names no client (sub, client_id)");
  }
  c.jti = StringClaim(p, "jti").value_or("");
  c.scope = StringClaim(p, "scope").value_or("");
  if (const boost::json::value* details = p.if_contains("authorization_details")) {
    if (!details->is_array() || details->as_array().size() != 1 ||
        !details->as_array()[0].is_object()) {
      return InvalidArgument("the token's authorization_details are not one consent");
    }
    const boost::json::object& d = details->as_array()[0].as_object();
    if (StringClaim(d, "type") != kConsentDetailType) {
      return InvalidArgument("the token's authorization_details are of another type");
    }
    c.consent_id = StringClaim(d, "consent_id").value_or("");
    const boost::json::value* items = d.if_contains("items");
    if (c.consent_id.empty() || items == nullptr || !items->is_array()) {
      return InvalidArgument("the token's authorization_details name no consent and items");
    }
    for (const boost::json::value& item : items->as_array()) {
      if (!item.is_string()) return InvalidArgument("the token's items are not strings");
      c.items.emplace_back(item.as_string());
    }
  }
  return c;
}

boost::json::object TokenIssuer::Jwks() const {
  return boost::json::object{{"keys", boost::json::array{PublicJwk(key_.public_key())}}};
}

}  // namespace proaktiv::consent
