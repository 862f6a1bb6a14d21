#include "http/auth/jwt.h"

#include <boost/json.hpp>

#include "common/base64.h"

namespace proaktiv::http::auth {
namespace {

constexpr std::string_view kAlgorithms[] = {"RS256"};

}  // namespace

Result<Jws> ParseJws(std::string_view compact) { return ParseCompactJws(compact, kAlgorithms); }

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
