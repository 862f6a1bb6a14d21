#include "http/auth/id_token_verifier.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>
#include <boost/json.hpp>

#include "common/national_id.h"
#include "http/auth/crypto.h"
#include "http/auth/jwt.h"

namespace proaktiv::http::auth {
namespace {

using TimePoint = std::chrono::system_clock::time_point;

// While no keys could be fetched at all, a new attempt is made at most this often.
constexpr std::chrono::seconds kRetryWithoutKeys{5};

std::optional<std::string> StringClaim(const boost::json::object& payload, std::string_view name) {
  const boost::json::value* v = payload.if_contains(name);
  if (v == nullptr || !v->is_string()) return std::nullopt;
  return std::string(v->as_string());
}

Result<TimePoint> TimeClaim(const boost::json::object& payload, std::string_view name) {
  const boost::json::value* v = payload.if_contains(name);
  double seconds = 0;
  if (v == nullptr) return InvalidArgument(fmt::format("the token has no \"{}\" claim", name));
  if (v->is_int64()) {
    seconds = static_cast<double>(v->as_int64());
  } else if (v->is_uint64()) {
    seconds = static_cast<double>(v->as_uint64());
  } else if (v->is_double()) {
    seconds = v->as_double();
  } else {
    return InvalidArgument(fmt::format("the token's \"{}\" claim is not a number", name));
  }
  if (!std::isfinite(seconds) || seconds < 0 || seconds > 1e11) {
    return InvalidArgument(fmt::format("the token's \"{}\" claim is out of range", name));
  }
  return TimePoint(std::chrono::seconds(static_cast<int64_t>(seconds)));
}

bool AudienceIncludes(const boost::json::value& aud, std::string_view client_id) {
  if (aud.is_string()) return aud.as_string() == client_id;
  if (!aud.is_array()) return false;
  return std::any_of(aud.as_array().begin(), aud.as_array().end(),
                     [&](const auto& a) { return a.is_string() && a.as_string() == client_id; });
}

}  // namespace

IdTokenVerifier::IdTokenVerifier(IdTokenPolicy policy, JwksSource jwks_source, const Clock& clock)
    : policy_(std::move(policy)), jwks_source_(std::move(jwks_source)), clock_(clock) {}

Result<RsaKey> IdTokenVerifier::KeyFor(std::string_view kid) const {
  auto lookup = [&]() -> std::optional<RsaKey> {
    std::lock_guard lock(keys_mutex_);
    if (keys_ == nullptr) return std::nullopt;
    const RsaKey* key = keys_->Find(kid);
    return key == nullptr ? std::nullopt : std::optional<RsaKey>(*key);
  };
  if (auto key = lookup()) return *key;

  std::lock_guard fetch_lock(fetch_mutex_);
  if (auto key = lookup()) return *key;  // another thread fetched meanwhile
  const TimePoint now = clock_.Now();
  bool may_fetch = false;
  {
    std::lock_guard lock(keys_mutex_);
    const auto interval = keys_ == nullptr ? kRetryWithoutKeys : policy_.refetch_interval;
    may_fetch = !last_fetch_ || now - *last_fetch_ >= interval;
    if (may_fetch) last_fetch_ = now;
  }
  if (may_fetch) {
    auto fetched = jwks_source_();
    if (!fetched) {
      return Unavailable(
          fmt::format("cannot get the issuer's signing keys: {}", fetched.error().message));
    }
    {
      std::lock_guard lock(keys_mutex_);
      keys_ = std::make_shared<const Jwks>(std::move(*fetched));
    }
    if (auto key = lookup()) return *key;
  }
  return InvalidArgument(
      kid.empty() ? std::string("the token has no kid and the issuer has several keys")
                  : std::string("the token's key (kid) is not one of the issuer's keys"));
}

Result<IdTokenClaims> IdTokenVerifier::CheckClaims(const boost::json::object& payload,
                                                   std::string_view expected_nonce) const {
  IdTokenClaims claims;
  const std::optional<std::string> iss = StringClaim(payload, "iss");
  if (!iss || *iss != policy_.issuer) {
    return InvalidArgument("the token's issuer (iss) is not the configured issuer");
  }
  const boost::json::value* aud = payload.if_contains("aud");
  if (aud == nullptr || !AudienceIncludes(*aud, policy_.client_id)) {
    return InvalidArgument("the token's audience (aud) does not include this client");
  }
  if (auto azp = StringClaim(payload, "azp"); azp && *azp != policy_.client_id) {
    return InvalidArgument("the token's authorized party (azp) is another client");
  }
  const TimePoint now = clock_.Now();
  PROAKTIV_ASSIGN_OR_RETURN(claims.expires_at, TimeClaim(payload, "exp"));
  if (now > claims.expires_at + policy_.skew) return InvalidArgument("the token expired");
  PROAKTIV_ASSIGN_OR_RETURN(claims.issued_at, TimeClaim(payload, "iat"));
  if (claims.issued_at > now + policy_.skew) {
    return InvalidArgument("the token was issued in the future (iat); check the clocks");
  }
  if (payload.contains("nbf")) {
    PROAKTIV_ASSIGN_OR_RETURN(TimePoint nbf, TimeClaim(payload, "nbf"));
    if (nbf > now + policy_.skew) return InvalidArgument("the token is not valid yet (nbf)");
  }
  claims.nonce = StringClaim(payload, "nonce").value_or("");
  if (!expected_nonce.empty() && !ConstantTimeEqual(claims.nonce, expected_nonce)) {
    return InvalidArgument("the token's nonce does not match the login request");
  }
  const std::optional<std::string> sub = StringClaim(payload, "sub");
  if (!sub || sub->empty()) return InvalidArgument("the token has no subject (sub)");
  claims.subject = *sub;
  const std::optional<std::string> pid = StringClaim(payload, "pid");
  if (!pid) return InvalidArgument("the token has no \"pid\" claim (the identity number)");
  auto id = NationalId::Parse(*pid);
  if (!id) {
    return InvalidArgument(fmt::format(
        "the token's \"pid\" claim is not a valid identity number: {}", id.error().message));
  }
  claims.pid = id->digits();
  claims.acr = StringClaim(payload, "acr").value_or("");
  if (!policy_.accepted_acr.empty() &&
      std::find(policy_.accepted_acr.begin(), policy_.accepted_acr.end(), claims.acr) ==
          policy_.accepted_acr.end()) {
    return InvalidArgument(fmt::format(
        "the token's level of assurance (acr) \"{}\" is not accepted", claims.acr.substr(0, 40)));
  }
  claims.name = StringClaim(payload, "name").value_or("");
  return claims;
}

Result<IdTokenClaims> IdTokenVerifier::Verify(std::string_view token,
                                              std::string_view expected_nonce) const {
  PROAKTIV_ASSIGN_OR_RETURN(Jws jws, ParseJws(token));
  PROAKTIV_ASSIGN_OR_RETURN(RsaKey key, KeyFor(jws.kid));
  PROAKTIV_RETURN_IF_ERROR(VerifyJws(jws, key));
  return CheckClaims(jws.payload, expected_nonce);
}

Result<IdTokenClaims> IdTokenVerifier::VerifyBearer(std::string_view token) const {
  const TimePoint now = clock_.Now();
  if (auto cached = cache_.Find(token, now)) return *cached;
  PROAKTIV_ASSIGN_OR_RETURN(IdTokenClaims claims, Verify(token));
  cache_.Put(token, claims, claims.expires_at + policy_.skew, now);
  return claims;
}

}  // namespace proaktiv::http::auth
