#include "consent/jws.h"

#include <cmath>

#include <fmt/format.h>
#include <boost/json.hpp>

namespace proaktiv::consent {
namespace {

Result<boost::json::object> DecodeObject(std::string_view part, std::string_view what) {
  auto bytes = Base64UrlDecode(part);
  if (!bytes) return tl::unexpected(bytes.error().WithContext(fmt::format("the token's {}", what)));
  boost::system::error_code ec;
  boost::json::value v = boost::json::parse(*bytes, ec);
  if (ec || !v.is_object()) {
    return InvalidArgument(fmt::format("the token's {} is not a JSON object", what));
  }
  return std::move(v.as_object());
}

}  // namespace

Result<Jws> ParseJws(std::string_view compact) {
  const size_t first = compact.find('.');
  const size_t second = first == std::string_view::npos ? first : compact.find('.', first + 1);
  if (second == std::string_view::npos || compact.find('.', second + 1) != std::string_view::npos) {
    size_t parts = 1;
    for (char c : compact) parts += c == '.';
    return InvalidArgument(fmt::format("the token has {} parts; a JWS has 3", parts));
  }
  Jws jws;
  PROAKTIV_ASSIGN_OR_RETURN(jws.header, DecodeObject(compact.substr(0, first), "header"));
  const std::optional<std::string> alg = StringClaim(jws.header, "alg");
  if (!alg || *alg != "EdDSA") {
    return InvalidArgument(
        fmt::format("the token's algorithm (alg) is \"{}\"; only EdDSA is accepted",
                    alg.value_or("").substr(0, 16)));
  }
  if (jws.header.contains("crit")) {
    return InvalidArgument(
        "the token has critical header parameters (crit), which are not supported");
  }
  jws.typ = StringClaim(jws.header, "typ").value_or("");
  jws.kid = StringClaim(jws.header, "kid").value_or("");
  PROAKTIV_ASSIGN_OR_RETURN(jws.payload,
                            DecodeObject(compact.substr(first + 1, second - first - 1), "payload"));
  auto signature = Base64UrlDecode(compact.substr(second + 1));
  if (!signature) return tl::unexpected(signature.error().WithContext("the token's signature"));
  if (signature->size() != kSignatureBytes) {
    return InvalidArgument(
        fmt::format("the token's signature has {} bytes; EdDSA's has 64", signature->size()));
  }
  jws.signature = std::move(*signature);
  jws.signing_input = std::string(compact.substr(0, second));
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
