#include "consent/client_assertion.h"

#include <fmt/format.h>
#include <boost/json.hpp>

#include "consent/jws.h"

namespace proaktiv::consent {
namespace {

bool AudienceNames(const boost::json::value* aud, std::string_view endpoint) {
  if (aud == nullptr) return false;
  if (aud->is_string()) return aud->as_string() == endpoint;
  if (aud->is_array()) {
    for (const boost::json::value& v : aud->as_array()) {
      if (v.is_string() && v.as_string() == endpoint) return true;
    }
  }
  return false;
}

}  // namespace

Result<VerifiedAssertion> VerifyClientAssertion(std::string_view assertion,
                                                std::string_view client_id,
                                                std::string_view token_endpoint, int64_t now_s,
                                                const ConsumerLookup& find_consumer) {
  PROAKTIV_ASSIGN_OR_RETURN(Jws jws, ParseJws(assertion));
  const boost::json::object& p = jws.payload;
  const std::string iss = StringClaim(p, "iss").value_or("");
  if (iss.empty() || StringClaim(p, "sub") != iss) {
    return InvalidArgument("the client assertion's iss and sub must both be the client id");
  }
  if (!client_id.empty() && client_id != iss) {
    return InvalidArgument("client_id and the client assertion's iss differ");
  }
  PROAKTIV_ASSIGN_OR_RETURN(std::optional<store::ConsumerRecord> consumer, find_consumer(iss));
  if (!consumer) {
    return InvalidArgument(
        fmt::format("client '{}' is not a registered consumer", iss.substr(0, 20)));
  }
  if (!VerifyJws(jws, consumer->public_key)) {
    return InvalidArgument("the client assertion's signature does not match the registered key");
  }
  if (!AudienceNames(p.if_contains("aud"), token_endpoint)) {
    return InvalidArgument(fmt::format(
        "the client assertion's audience (aud) must be the token endpoint {}", token_endpoint));
  }
  VerifiedAssertion out;
  PROAKTIV_ASSIGN_OR_RETURN(out.expires_at, TimeClaim(p, "exp"));
  if (out.expires_at <= now_s - kClockSkewSeconds) {
    return InvalidArgument("the client assertion expired (exp)");
  }
  if (out.expires_at > now_s + kMaxAssertionSeconds + kClockSkewSeconds) {
    return InvalidArgument("the client assertion lives too long: exp at most 300 s ahead");
  }
  if (p.contains("nbf")) {
    PROAKTIV_ASSIGN_OR_RETURN(int64_t nbf, TimeClaim(p, "nbf"));
    if (nbf > now_s + kClockSkewSeconds) {
      return InvalidArgument("the client assertion is not valid yet (nbf)");
    }
  }
  out.jti = StringClaim(p, "jti").value_or("");
  if (out.jti.empty() || out.jti.size() > 200) {
    return InvalidArgument("the client assertion needs a jti of 1 to 200 characters");
  }
  out.consumer = std::move(*consumer);
  return out;
}

std::string MakeClientAssertion(const KeyPair& key, std::string_view client_id,
                                std::string_view token_endpoint, int64_t now_s,
                                int64_t lifetime_s) {
  const boost::json::object payload{{"iss", client_id},          {"sub", client_id},
                                    {"aud", token_endpoint},     {"iat", now_s},
                                    {"exp", now_s + lifetime_s}, {"jti", RandomHex(16)}};
  return SignJws(payload, key, "JWT", KeyId(key.public_key()));
}

}  // namespace proaktiv::consent
