#include "http/auth/jwt.h"

#include <unistd.h>

#include <filesystem>

#include <gtest/gtest.h>
#include <boost/json.hpp>

#include "common/base64.h"
#include "http/auth/test_keys.h"

namespace proaktiv::http::auth {
namespace {

using testing::OtherTestKey;
using testing::TestKey;

boost::json::object Claims() {
  boost::json::object claims;
  claims["iss"] = "http://127.0.0.1:8081";
  claims["sub"] = "abc";
  claims["exp"] = 2000000000;
  return claims;
}

std::string Part(const boost::json::object& o) {
  return Base64UrlEncode(boost::json::serialize(o));
}

TEST(JwtTest, SignsAndVerifiesRs256) {
  auto token = SignJws(Claims(), TestKey());
  ASSERT_TRUE(token) << token.error().message;
  auto jws = ParseJws(*token);
  ASSERT_TRUE(jws) << jws.error().message;
  EXPECT_EQ(jws->alg, "RS256");
  EXPECT_EQ(jws->kid, TestKey().kid());
  EXPECT_EQ(jws->payload.at("sub").as_string(), "abc");
  EXPECT_TRUE(VerifyJws(*jws, TestKey()));
}

TEST(JwtTest, VerifiesThroughThePublicJwk) {
  auto token = SignJws(Claims(), TestKey());
  ASSERT_TRUE(token);
  auto public_key = RsaKey::FromJwk(TestKey().ToPublicJwk());
  ASSERT_TRUE(public_key) << public_key.error().message;
  EXPECT_FALSE(public_key->has_private());
  EXPECT_EQ(public_key->kid(), TestKey().kid());
  EXPECT_TRUE(VerifyJws(*ParseJws(*token), *public_key));
  EXPECT_FALSE(public_key->SignSha256("x"));
}

TEST(JwtTest, RejectsATamperedPayload) {
  auto token = SignJws(Claims(), TestKey());
  ASSERT_TRUE(token);
  boost::json::object other = Claims();
  other["sub"] = "mallory";
  const size_t first = token->find('.');
  const size_t second = token->find('.', first + 1);
  std::string forged = token->substr(0, first + 1) + Part(other) + token->substr(second);
  auto jws = ParseJws(forged);
  ASSERT_TRUE(jws);
  auto status = VerifyJws(*jws, TestKey());
  ASSERT_FALSE(status);
  EXPECT_EQ(status.error().message, "the token's signature is not valid");
}

TEST(JwtTest, RejectsAnotherKeyAndAnotherKid) {
  auto token = SignJws(Claims(), TestKey());
  ASSERT_TRUE(token);
  auto jws = ParseJws(*token);
  auto status = VerifyJws(*jws, OtherTestKey());
  ASSERT_FALSE(status);
  EXPECT_NE(status.error().message.find("kid"), std::string::npos);
  jws->kid.clear();  // no kid in the header: the signature decides
  EXPECT_FALSE(VerifyJws(*jws, OtherTestKey()));
}

TEST(JwtTest, RejectsAlgNoneAndOtherAlgorithms) {
  for (const char* alg : {"none", "HS256", "RS512", "ES256"}) {
    boost::json::object header;
    header["alg"] = alg;
    auto jws = ParseJws(Part(header) + "." + Part(Claims()) + "." + Base64UrlEncode("sig"));
    ASSERT_FALSE(jws) << alg;
    EXPECT_NE(jws.error().message.find("alg"), std::string::npos) << jws.error().message;
  }
  boost::json::object header;
  header["alg"] = "none";
  auto unsigned_token = ParseJws(Part(header) + "." + Part(Claims()) + ".");
  ASSERT_FALSE(unsigned_token);
  EXPECT_NE(unsigned_token.error().message.find("unsigned"), std::string::npos);
}

TEST(JwtTest, RejectsMalformedTokensWithoutEchoingThem) {
  const std::string secretish = "eyJzZWNyZXQiOiIxMjM0NTY3ODkwMSJ9";
  for (std::string token :
       {secretish, secretish + "." + secretish,
        secretish + "." + secretish + "." + secretish + "." + secretish,
        std::string("!!!.") + secretish + ".c2ln", Part({{"alg", "RS256"}}) + ".bm90IGpzb24.c2ln",
        Part({{"alg", "RS256"}}) + ".WzFd.c2ln"}) {
    auto jws = ParseJws(token);
    ASSERT_FALSE(jws);
    EXPECT_EQ(jws.error().message.find(secretish), std::string::npos);
  }
  EXPECT_EQ(ParseJws("a.b").error().message, "the token has 2 parts; a JWS has 3");
}

TEST(RsaKeyTest, RefusesShortKeysAndNonRsaJwks) {
  EXPECT_FALSE(RsaKey::Generate(1024));
  boost::json::object jwk = TestKey().ToPublicJwk();
  jwk["kty"] = "EC";
  EXPECT_FALSE(RsaKey::FromJwk(jwk));
  jwk = TestKey().ToPublicJwk();
  jwk["alg"] = "RS384";
  EXPECT_FALSE(RsaKey::FromJwk(jwk));
  jwk = TestKey().ToPublicJwk();
  jwk.erase("n");
  EXPECT_FALSE(RsaKey::FromJwk(jwk));
}

TEST(RsaKeyTest, KeyFileKeepsTheKid) {
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("proaktiv_rsa_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const std::string path = (dir / "issuer.pem").string();
  std::filesystem::remove(path);
  auto first = RsaKey::LoadOrCreate(path);
  ASSERT_TRUE(first) << first.error().message;
  auto second = RsaKey::LoadOrCreate(path);
  ASSERT_TRUE(second) << second.error().message;
  EXPECT_EQ(first->kid(), second->kid());
  EXPECT_EQ(first->kid().size(), 43u);
  EXPECT_EQ(std::filesystem::status(path).permissions() & std::filesystem::perms::group_read,
            std::filesystem::perms::none);
  auto token = SignJws(Claims(), *first);
  EXPECT_TRUE(VerifyJws(*ParseJws(*token), *second));
  std::filesystem::remove_all(dir);
  auto garbage = RsaKey::FromPrivatePem("not a key");
  EXPECT_FALSE(garbage);
}

}  // namespace
}  // namespace proaktiv::http::auth
