// EdDSA JWS: signed tokens verify with their key and no other; tampering, other algorithms
// ("none", RS256), crit headers and malformed tokens are refused with a reason.

#include "consent/jws.h"

#include <gtest/gtest.h>
#include <boost/json.hpp>

namespace proaktiv::consent {
namespace {

std::string Part(const boost::json::object& o) {
  return Base64UrlEncode(boost::json::serialize(o));
}

TEST(Jws, SignsAndVerifies) {
  const KeyPair key = KeyPair::Generate();
  const std::string token = SignJws({{"sub", "x"}, {"exp", 10}}, key, "at+jwt", "k1");
  auto jws = ParseJws(token);
  ASSERT_TRUE(jws) << jws.error().message;
  EXPECT_EQ(jws->typ, "at+jwt");
  EXPECT_EQ(jws->kid, "k1");
  EXPECT_EQ(*StringClaim(jws->payload, "sub"), "x");
  EXPECT_EQ(*TimeClaim(jws->payload, "exp"), 10);
  EXPECT_FALSE(TimeClaim(jws->payload, "iat"));
  EXPECT_TRUE(VerifyJws(*jws, key.public_key()));
  EXPECT_FALSE(VerifyJws(*jws, KeyPair::Generate().public_key()));

  // Another payload under the same signature.
  const size_t dot = token.find('.');
  const size_t dot2 = token.find('.', dot + 1);
  const std::string forged =
      token.substr(0, dot + 1) + Part({{"sub", "y"}, {"exp", 10}}) + token.substr(dot2);
  EXPECT_FALSE(VerifyJws(*ParseJws(forged), key.public_key()));
}

TEST(Jws, RefusesOtherAlgorithmsAndShapes) {
  const std::string payload = Part({{"sub", "x"}});
  const std::string sig = Base64UrlEncode(std::string(64, 'x'));
  auto none = ParseJws(Part({{"alg", "none"}}) + "." + payload + ".");
  ASSERT_FALSE(none);
  EXPECT_NE(none.error().message.find("only EdDSA"), std::string::npos);
  EXPECT_FALSE(ParseJws(Part({{"alg", "RS256"}}) + "." + payload + "." + sig));
  EXPECT_FALSE(ParseJws(Part({{"alg", "EdDSA"}, {"crit", {"exp"}}}) + "." + payload + "." + sig));
  EXPECT_FALSE(ParseJws(Part({{"alg", "EdDSA"}}) + "." + payload + "." + Base64UrlEncode("short")));
  auto parts = ParseJws("a.b");
  ASSERT_FALSE(parts);
  EXPECT_EQ(parts.error().message, "the token has 2 parts; a JWS has 3");
  EXPECT_FALSE(ParseJws(Part({{"alg", "EdDSA"}}) + ".bm90IGpzb24." + sig));
  EXPECT_TRUE(ParseJws(Part({{"alg", "EdDSA"}}) + "." + payload + "." + sig));
}

}  // namespace
}  // namespace proaktiv::consent
