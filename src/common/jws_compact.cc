#include "common/jws_compact.h"

#include <algorithm>

#include <fmt/format.h>
#include <boost/json.hpp>

#include "common/base64.h"

namespace proaktiv {
namespace {

Result<std::string> DecodePart(std::string_view part, std::string_view what) {
  auto bytes = Base64UrlDecode(part);
  if (!bytes) {
    return InvalidArgument(
        fmt::format("the token's {} is not base64url: {}", what, bytes.error().message));
  }
  return std::move(*bytes);
}

Result<boost::json::object> DecodeObject(std::string_view part, std::string_view what) {
  PROAKTIV_ASSIGN_OR_RETURN(const std::string bytes, DecodePart(part, what));
  boost::system::error_code ec;
  boost::json::value value = boost::json::parse(bytes, ec);
  if (ec) return InvalidArgument(fmt::format("the token's {} is not JSON", what));
  if (!value.is_object()) {
    return InvalidArgument(fmt::format("the token's {} is not a JSON object", what));
  }
  return std::move(value.as_object());
}

bool IsNone(std::string_view alg) {
  return alg.size() == 4 && std::equal(alg.begin(), alg.end(), "none", [](char a, char b) {
           return (a | 0x20) == b;  // | 0x20 lower-cases 'N', 'O', 'E' and nothing else to n, o, e
         });
}

// "only EdDSA is accepted", "only RS256 or PS256 is accepted".
std::string Accepted(std::span<const std::string_view> accepted_algs) {
  if (accepted_algs.empty()) return "no algorithm is accepted";
  std::string out = "only ";
  for (size_t i = 0; i < accepted_algs.size(); ++i) {
    if (i > 0) out += " or ";
    out += accepted_algs[i];
  }
  return out + " is accepted";
}

Status CheckAlg(std::string_view alg, std::span<const std::string_view> accepted_algs) {
  if (IsNone(alg)) {
    return InvalidArgument(
        fmt::format("the token is unsigned (alg \"none\"); {}", Accepted(accepted_algs)));
  }
  if (std::find(accepted_algs.begin(), accepted_algs.end(), alg) == accepted_algs.end()) {
    return InvalidArgument(fmt::format("the token's algorithm (alg) is \"{}\"; {}",
                                       alg.substr(0, 16), Accepted(accepted_algs)));
  }
  return {};
}

}  // namespace

Result<CompactJws> ParseCompactJws(std::string_view compact,
                                   std::span<const std::string_view> accepted_algs) {
  const size_t first = compact.find('.');
  const size_t second = first == std::string_view::npos ? first : compact.find('.', first + 1);
  if (second == std::string_view::npos || compact.find('.', second + 1) != std::string_view::npos) {
    const auto parts = 1 + std::count(compact.begin(), compact.end(), '.');
    return InvalidArgument(fmt::format("the token has {} parts; a JWS has 3", parts));
  }
  CompactJws jws;
  PROAKTIV_ASSIGN_OR_RETURN(jws.header, DecodeObject(compact.substr(0, first), "header"));

  const boost::json::value* alg = jws.header.if_contains("alg");
  if (alg == nullptr || !alg->is_string()) {
    return InvalidArgument(
        fmt::format("the token's header has no algorithm (alg); {}", Accepted(accepted_algs)));
  }
  jws.alg = std::string(alg->as_string());
  PROAKTIV_RETURN_IF_ERROR(CheckAlg(jws.alg, accepted_algs));
  if (jws.header.contains("crit")) {
    return InvalidArgument(
        "the token has critical header parameters (crit), which are not supported");
  }
  if (const boost::json::value* kid = jws.header.if_contains("kid"); kid != nullptr) {
    if (!kid->is_string()) return InvalidArgument("the token's kid is not a string");
    jws.kid = std::string(kid->as_string());
  }

  PROAKTIV_ASSIGN_OR_RETURN(jws.payload,
                            DecodeObject(compact.substr(first + 1, second - first - 1), "payload"));
  PROAKTIV_ASSIGN_OR_RETURN(jws.signature, DecodePart(compact.substr(second + 1), "signature"));
  if (jws.signature.empty()) return InvalidArgument("the token has an empty signature");
  jws.signing_input = std::string(compact.substr(0, second));
  return jws;
}

}  // namespace proaktiv
