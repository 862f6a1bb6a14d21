#include "http/auth/jwks.h"

#include <gtest/gtest.h>
#include <boost/json.hpp>

#include "http/auth/test_keys.h"

namespace proaktiv::http::auth {
namespace {

using testing::OtherTestKey;
using testing::TestKey;

TEST(JwksTest, ParsesRsaSigningKeysAndSkipsOthers) {
  boost::json::array keys;
  keys.push_back(TestKey().ToPublicJwk());
  keys.push_back({{"kty", "EC"}, {"crv", "P-256"}, {"kid", "ec"}, {"x", "AA"}, {"y", "AA"}});
  auto enc = OtherTestKey().ToPublicJwk();
  enc["use"] = "enc";
  enc.erase("alg");
  keys.push_back(enc);
  auto jwks = Jwks::Parse(boost::json::serialize(boost::json::object{{"keys", keys}}));
  ASSERT_TRUE(jwks) << jwks.error().message;
  EXPECT_EQ(jwks->size(), 1u);
  ASSERT_NE(jwks->Find(TestKey().kid()), nullptr);
  EXPECT_EQ(jwks->Find(OtherTestKey().kid()), nullptr);
  EXPECT_NE(jwks->Find(""), nullptr);  // the only key
}

TEST(JwksTest, RoundTripsThroughJson) {
  auto jwks = Jwks::Parse(Jwks::Of({TestKey(), OtherTestKey()}).ToJson());
  ASSERT_TRUE(jwks);
  EXPECT_EQ(jwks->size(), 2u);
  EXPECT_EQ(jwks->Find(""), nullptr);  // ambiguous without kid
  EXPECT_NE(jwks->Find(OtherTestKey().kid()), nullptr);
}

TEST(JwksTest, RefusesBrokenSets) {
  EXPECT_EQ(Jwks::Parse("{").error().message, "the JWKS is not JSON");
  EXPECT_EQ(Jwks::Parse("{\"keys\":{}}").error().message, "the JWKS has no \"keys\" array");
  EXPECT_EQ(Jwks::Parse("{\"keys\":[]}").error().message,
            "the JWKS has no usable RSA signing key (0 skipped)");
  auto bad = Jwks::Parse(R"({"keys":[{"kty":"RSA","n":"AQAB","e":"AQAB"}]})");
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().message.find("bits"), std::string::npos) << bad.error().message;
}

}  // namespace
}  // namespace proaktiv::http::auth
