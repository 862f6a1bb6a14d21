#include "consent/jws.h"

#include <cmath>

#include <fmt/format.h>
#include <boost/json.hpp>

#include "common/base64.h"
#include "common/jws_compact.h"

namespace proaktiv::consent {
namespace {

constexpr std::string_view kAlgorithms[] = {"EdDSA"};

}  // namespace

Result<Jws> ParseJws(std::string_view compact) {
  PROAKTIV_ASSIGN_OR_RETURN(CompactJws parts, ParseCompactJws(compact, kAlgorithms));
  if (parts.signature.size() != kSignatureBytes) {
    return InvalidArgument(
        fmt::format("the token's signature has {} bytes; EdDSA's has 64", parts.signature.size()));
  }
  Jws jws;
  jws.typ = StringClaim(parts.header, "typ").value_or("");
  jws.kid = std::move(parts.kid);
  jws.header = std::move(parts.header);
  jws.payload = std::move(parts.payload);
  jws.signing_input = std::move(parts.signing_input);
  jws.signature = std::move(parts.signature);
  return jws;
}

bool VerifyJws(const Jws& jws, std::string_view public_key) {
  return VerifyEd25519(public_key, jws.signing_input, jws.signature);
}

std::string SignJws(const boost::json::object& payload, const KeyPair& key, std::string_view typ,
                    std::string_view kid) {
  boost::json::object header{{"alg", "EdDSA"}};
  if (!typ.empty()) header["typ"] = typ;
  if (!kid.empty()) header["kid"] = kid;
  std::string input = Base64UrlEncode(boost::json::serialize(header)) + "." +
                      Base64UrlEncode(boost::json::serialize(payload));
  const std::string signature = key.Sign(input);
  input += ".";
  input += Base64UrlEncode(signature);
  return input;
}

std::optional<std::string> StringClaim(const boost::json::object& payload, std::string_view name) {
  const boost::json::value* v = payload.if_contains(name);
  if (v == nullptr || !v->is_string()) return std::nullopt;
  return std::string(v->as_string());
}

Result<int64_t> TimeClaim(const boost::json::object& payload, std::string_view name) {
  const boost::json::value* v = payload.if_contains(name);
  if (v != nullptr && v->is_int64()) return v->as_int64();
  if (v != nullptr && v->is_uint64() && v->as_uint64() < (uint64_t{1} << 62)) {
    return static_cast<int64_t>(v->as_uint64());
  }
  if (v != nullptr && v->is_double() && std::isfinite(v->as_double()) &&
      std::abs(v->as_double()) < 1e15) {
    return static_cast<int64_t>(std::floor(v->as_double()));
  }
  return InvalidArgument(fmt::format("the token's \"{}\" claim is missing or not a time", name));
}

}  // namespace proaktiv::consent
