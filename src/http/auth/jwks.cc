#include "http/auth/jwks.h"

#include <fmt/format.h>
#include <boost/json.hpp>

namespace proaktiv::http::auth {

Result<Jwks> Jwks::Parse(std::string_view json) {
  boost::system::error_code ec;
  boost::json::value doc = boost::json::parse(json, ec);
  if (ec) return InvalidArgument("the JWKS is not JSON");
  const boost::json::value* keys = doc.is_object() ? doc.as_object().if_contains("keys") : nullptr;
  if (keys == nullptr || !keys->is_array()) {
    return InvalidArgument("the JWKS has no \"keys\" array");
  }
  std::vector<RsaKey> out;
  size_t skipped = 0;
  std::string last_problem;
  for (const boost::json::value& entry : keys->as_array()) {
    if (!entry.is_object()) {
      ++skipped;
      continue;
    }
    const boost::json::object& jwk = entry.as_object();
    const auto* kty = jwk.if_contains("kty");
    const auto* use = jwk.if_contains("use");
    if (kty == nullptr || !kty->is_string() || kty->as_string() != "RSA" ||
        (use != nullptr && (!use->is_string() || use->as_string() != "sig"))) {
      ++skipped;
      continue;
    }
    auto key = RsaKey::FromJwk(jwk);
    if (!key) {
      ++skipped;
      last_problem = key.error().message;
      continue;
    }
    out.push_back(std::move(*key));
  }
  if (out.empty()) {
    return InvalidArgument(fmt::format("the JWKS has no usable RSA signing key ({} skipped{}{})",
                                       skipped, last_problem.empty() ? "" : "; ", last_problem));
  }
  return Jwks(std::move(out));
}

const RsaKey* Jwks::Find(std::string_view kid) const {
  if (kid.empty()) return keys_.size() == 1 ? &keys_.front() : nullptr;
  for (const RsaKey& key : keys_) {
    if (key.kid() == kid) return &key;
  }
  return nullptr;
}

std::string Jwks::ToJson() const {
  boost::json::array keys;
  for (const RsaKey& key : keys_) keys.push_back(key.ToPublicJwk());
  boost::json::object doc;
  doc["keys"] = std::move(keys);
  return boost::json::serialize(doc);
}

}  // namespace proaktiv::http::auth
