#include "http/auth/jwt.h"

#include <fmt/format.h>
#include <boost/json.hpp>

#include "common/base64.h"

namespace proaktiv::http::auth {
namespace {

Result<boost::json::object> DecodeJsonPart(std::string_view part, std::string_view what) {
  auto bytes = Base64UrlDecode(part);
  if (!bytes) {
    return InvalidArgument(
        fmt::format("the token's {} is not base64url: {}", what, bytes.error().message));
  }
  boost::system::error_code ec;
  boost::json::value value = boost::json::parse(*bytes, ec);
  if (ec) return InvalidArgument(fmt::format("the token's {} is not JSON", what));
  if (!value.is_object())
    return InvalidArgument(fmt::format("the token's {} is not an object", what));
  return std::move(value.as_object());
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
  PROAKTIV_ASSIGN_OR_RETURN(jws.header, DecodeJsonPart(compact.substr(0, first), "header"));
  PROAKTIV_ASSIGN_OR_RETURN(
      jws.payload, DecodeJsonPart(compact.substr(first + 1, second - first - 1), "payload"));
  auto signature = Base64UrlDecode(compact.substr(second + 1));
  if (!signature) return InvalidArgument("the token's signature is not base64url");
  jws.signature = std::move(*signature);
  jws.signing_input = std::string(compact.substr(0, second));

  const boost::json::value* alg = jws.header.if_contains("alg");
  if (alg == nullptr || !alg->is_string()) return InvalidArgument("the token's header has no alg");
  jws.alg = std::string(alg->as_string());
  if (jws.alg == "none" || jws.alg == "None" || jws.alg == "NONE") {
    return InvalidArgument("the token is unsigned (alg \"none\"); it is refused");
  }
  if (jws.alg != "RS256") {
    return InvalidArgument(fmt::format("the token's alg \"{}\" is not accepted; only RS256 is",
                                       jws.alg.substr(0, 16)));
  }
  if (jws.header.contains("crit")) {
    return InvalidArgument("the token's header has critical extensions (crit), not supported");
  }
  if (const auto* kid = jws.header.if_contains("kid"); kid != nullptr) {
    if (!kid->is_string()) return InvalidArgument("the token's kid is not a string");
    jws.kid = std::string(kid->as_string());
  }
  if (jws.signature.empty()) return InvalidArgument("the token has an empty signature");
  return jws;
}

Status VerifyJws(const Jws& jws, const RsaKey& key) {
  if (jws.alg != "RS256") return InvalidArgument("the token's alg does not match the RSA key");
  if (!jws.kid.empty() && jws.kid != key.kid()) {
    return InvalidArgument("the token's kid does not match the key");
  }
  if (!key.VerifySha256(jws.signing_input, jws.signature)) {
    return InvalidArgument("the token's signature is not valid");
  }
  return {};
}

Result<std::string> SignJws(const boost::json::object& payload, const RsaKey& key) {
  boost::json::object header;
  header["alg"] = "RS256";
  header["typ"] = "JWT";
  header["kid"] = key.kid();
  std::string input = Base64UrlEncode(boost::json::serialize(header)) + "." +
                      Base64UrlEncode(boost::json::serialize(payload));
  PROAKTIV_ASSIGN_OR_RETURN(std::string signature, key.SignSha256(input));
  return input + "." + Base64UrlEncode(signature);
}

}  // namespace proaktiv::http::auth
