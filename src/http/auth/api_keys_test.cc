#include "http/auth/api_keys.h"

#include <gtest/gtest.h>

#include "http/auth/crypto.h"

namespace proaktiv::http::auth {
namespace {

TEST(ApiKeysTest, MakesKeysWhoseLinesLoad) {
  auto oslo = MakeApiKey("oslo-admin", {"admin:0301"});
  auto job = MakeApiKey("intake-job", {"intake", "metrics"});
  ASSERT_TRUE(oslo && job);
  EXPECT_TRUE(oslo->key.starts_with("pk_"));
  EXPECT_EQ(oslo->key.size(), 46u);
  EXPECT_EQ(oslo->line.find(oslo->key), std::string::npos);  // never in clear
  const std::string file =
      "# staff keys\n" + oslo->line + "\n\n" + job->line + "   # the nightly job\r\n";
  auto ring = ApiKeyRing::Parse(file, "keys.txt");
  ASSERT_TRUE(ring) << ring.error().message;
  EXPECT_EQ(ring->size(), 2u);
  auto found = ring->Find(oslo->key);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->name, "oslo-admin");
  EXPECT_EQ(found->scopes, std::vector<std::string>{"admin:0301"});
  EXPECT_EQ(ring->Find(job->key)->scopes, (std::vector<std::string>{"intake", "metrics"}));
  EXPECT_FALSE(ring->Find("pk_wrong"));
  EXPECT_FALSE(ring->Find(""));
}

TEST(ApiKeysTest, ErrorsNameTheFileAndLine) {
  const std::string hash = Sha256Hex("k");
  EXPECT_EQ(ApiKeyRing::Parse("a " + hash, "keys.txt").error().message,
            "keys.txt:1: expected 3 fields (name, sha256 hex, scopes), found 2");
  EXPECT_EQ(ApiKeyRing::Parse("\na abc admin:*", "keys.txt").error().message,
            "keys.txt:2: the hash must be 64 hex digits (SHA-256)");
  EXPECT_EQ(ApiKeyRing::Parse("a " + hash + " admin:oslo", "k").error().message,
            "k:1: scope \"admin:oslo\" is not one of admin:<four-digit kommunenummer>, admin:*, "
            "intake, metrics");
  EXPECT_EQ(ApiKeyRing::Parse("a " + hash + " intake\na " + Sha256Hex("j") + " intake", "k")
                .error()
                .message,
            "k:2: key name \"a\" appears twice");
  EXPECT_FALSE(ApiKeyRing::Load("/nonexistent/keys.txt"));
  EXPECT_FALSE(MakeApiKey("bad name", {"intake"}));
  EXPECT_FALSE(MakeApiKey("ok", {}));
  EXPECT_FALSE(MakeApiKey("ok", {"root"}));
}

}  // namespace
}  // namespace proaktiv::http::auth
