// Ed25519 keys: RFC 8032 test vector 1, base64url strictness, PEM and JWK forms round-trip, a
// key file is created 0600 once and reused, and a key file others may read is refused.

#include "consent/ed25519.h"

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>

#include <gtest/gtest.h>
#include <boost/json.hpp>

#include "consent/key_file.h"

namespace proaktiv::consent {
namespace {

std::string FromHex(std::string_view hex) {
  std::string out;
  for (size_t i = 0; i + 1 < hex.size(); i += 2) {
    out.push_back(static_cast<char>(std::stoi(std::string(hex.substr(i, 2)), nullptr, 16)));
  }
  return out;
}

TEST(Ed25519, Rfc8032TestVector1) {
  auto key = KeyPair::FromSeed(
      FromHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"));
  ASSERT_TRUE(key);
  EXPECT_EQ(key->public_key(),
            FromHex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a"));
  const std::string signature = key->Sign("");
  EXPECT_EQ(signature, FromHex("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155"
                               "5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"));
  EXPECT_TRUE(VerifyEd25519(key->public_key(), "", signature));
  EXPECT_FALSE(VerifyEd25519(key->public_key(), "x", signature));
  EXPECT_FALSE(VerifyEd25519(key->public_key().substr(1), "", signature));
  // The RFC 7638 thumbprint of this key, as jose computes it.
  EXPECT_EQ(KeyId(key->public_key()), "kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k");
}

TEST(Ed25519, Base64UrlIsStrict) {
  EXPECT_EQ(Base64UrlEncode("\xfb\xff"), "-_8");
  EXPECT_EQ(*Base64UrlDecode("-_8"), "\xfb\xff");
  EXPECT_FALSE(Base64UrlDecode("-_8="));
  EXPECT_FALSE(Base64UrlDecode("+/8"));
  EXPECT_FALSE(Base64UrlDecode("-_9"));  // stray bits in the last character
  EXPECT_FALSE(Base64UrlDecode("a"));
}

TEST(KeyFile, PemAndJwkRoundTrip) {
  const KeyPair key = KeyPair::Generate();
  auto from_pem = ParsePrivateKey(PrivateKeyPem(key));
  ASSERT_TRUE(from_pem) << from_pem.error().message;
  EXPECT_EQ(from_pem->public_key(), key.public_key());
  EXPECT_EQ(*ParsePublicKey(PublicKeyPem(key.public_key())), key.public_key());
  EXPECT_EQ(*ParsePublicKey(PrivateKeyPem(key)), key.public_key());
  const std::string jwk = boost::json::serialize(PrivateJwk(key));
  EXPECT_EQ(ParsePrivateKey(jwk)->public_key(), key.public_key());
  EXPECT_EQ(*ParsePublicKey(boost::json::serialize(PublicJwk(key.public_key()))), key.public_key());
  // Not Ed25519: refused with the type found.
  auto rsa = ParsePublicKey(R"({"kty":"RSA","crv":"","n":"AQAB"})");
  ASSERT_FALSE(rsa);
  EXPECT_NE(rsa.error().message.find("kty \"RSA\""), std::string::npos);
  EXPECT_FALSE(ParsePrivateKey(boost::json::serialize(PublicJwk(key.public_key()))));
  EXPECT_FALSE(ParsePublicKey("not a key"));
}

TEST(KeyFile, CreatedPrivateOnceAndReused) {
  const auto dir =
      std::filesystem::temp_directory_path() / ("proaktiv-key-test-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const std::string path = (dir / "registry.db.consent-key").string();
  auto first = LoadOrCreateKeyFile(path);
  ASSERT_TRUE(first) << first.error().message;
  struct stat st {};
  ASSERT_EQ(::stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  auto second = LoadOrCreateKeyFile(path);
  ASSERT_TRUE(second);
  EXPECT_EQ(second->public_key(), first->public_key());
  ::chmod(path.c_str(), 0644);
  auto readable = LoadOrCreateKeyFile(path);
  ASSERT_FALSE(readable);
  EXPECT_NE(readable.error().message.find("chmod 600"), std::string::npos);
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir), {}), 1);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace proaktiv::consent
