#include "http/auth/id_token_verifier.h"

#include <atomic>
#include <thread>

#include <gtest/gtest.h>
#include <boost/json.hpp>

#include "common/national_id.h"
#include "http/auth/jwt.h"
#include "http/auth/test_keys.h"

namespace proaktiv::http::auth {
namespace {

using namespace std::chrono_literals;
using testing::OtherTestKey;
using testing::TestKey;

constexpr char kIssuer[] = "http://127.0.0.1:8081";
constexpr char kClient[] = "proaktiv-portal";

std::string TestPid() {
  static const std::string pid = [] {
    for (int individual = 100;; ++individual) {
      auto id = NationalId::Make(*CivilDate::Parse("1985-03-12"), individual,
                                 IdKind::kFodselsnummer, /*synthetic=*/true);
      if (id) return id->digits();
    }
  }();
  return pid;
}

class VerifierTest : public ::testing::Test {
 protected:
  VerifierTest()
      : clock_(std::chrono::system_clock::time_point(1700000000s)),
        verifier_(
            IdTokenPolicy{kIssuer, kClient, {"idporten-loa-high"}},
            [this]() -> Result<Jwks> {
              ++fetches_;
              if (!serve_keys_) return Unavailable("connection refused");
              return Jwks::Of(served_);
            },
            clock_) {}

  int64_t Now() const {
    return std::chrono::duration_cast<std::chrono::seconds>(clock_.Now().time_since_epoch())
        .count();
  }

  boost::json::object Claims() const {
    return {{"iss", kIssuer},
            {"aud", kClient},
            {"sub", "pseudonym"},
            {"pid", TestPid()},
            {"acr", "idporten-loa-high"},
            {"iat", Now()},
            {"exp", Now() + 600},
            {"nonce", "n-123"}};
  }

  std::string Sign(const boost::json::object& claims, const RsaKey& key = TestKey()) {
    return *SignJws(claims, key);
  }

  std::string ErrorOf(const boost::json::object& claims, std::string_view nonce = "n-123") {
    auto result = verifier_.Verify(Sign(claims), nonce);
    return result ? "" : result.error().message;
  }

  FakeClock clock_;
  std::atomic<int> fetches_{0};
  bool serve_keys_ = true;
  std::vector<RsaKey> served_{TestKey()};
  IdTokenVerifier verifier_;
};

TEST_F(VerifierTest, AcceptsAValidToken) {
  auto claims = verifier_.Verify(Sign(Claims()), "n-123");
  ASSERT_TRUE(claims) << claims.error().message;
  EXPECT_EQ(claims->pid, TestPid());
  EXPECT_EQ(claims->subject, "pseudonym");
  EXPECT_EQ(claims->acr, "idporten-loa-high");
  EXPECT_EQ(fetches_, 1);
  EXPECT_TRUE(verifier_.Verify(Sign(Claims()), "n-123"));
  EXPECT_EQ(fetches_, 1);  // keys are kept
}

TEST_F(VerifierTest, ChecksEveryClaim) {
  auto with = [&](std::string_view name, boost::json::value v) {
    auto c = Claims();
    c[name] = std::move(v);
    return ErrorOf(c);
  };
  auto without = [&](std::string_view name) {
    auto c = Claims();
    c.erase(name);
    return ErrorOf(c);
  };
  EXPECT_EQ(with("iss", "http://evil"), "the token's issuer (iss) is not the configured issuer");
  EXPECT_EQ(with("aud", "other"), "the token's audience (aud) does not include this client");
  EXPECT_EQ(with("aud", boost::json::array{"other", kClient}), "");
  EXPECT_EQ(with("azp", "other"), "the token's authorized party (azp) is another client");
  EXPECT_EQ(with("exp", Now() - 61), "the token expired");
  EXPECT_EQ(with("exp", Now() - 59), "");  // within the skew
  EXPECT_EQ(with("iat", Now() + 120), "the token was issued in the future (iat); check the clocks");
  EXPECT_EQ(with("nbf", Now() + 120), "the token is not valid yet (nbf)");
  EXPECT_EQ(with("nonce", "n-999"), "the token's nonce does not match the login request");
  EXPECT_EQ(with("acr", "idporten-loa-substantial"),
            "the token's level of assurance (acr) \"idporten-loa-substantial\" is not accepted");
  EXPECT_EQ(with("exp", "tomorrow"), "the token's \"exp\" claim is not a number");
  EXPECT_EQ(without("exp"), "the token has no \"exp\" claim");
  EXPECT_EQ(without("sub"), "the token has no subject (sub)");
  EXPECT_EQ(without("pid"), "the token has no \"pid\" claim (the identity number)");
  std::string bad_pid = TestPid();
  bad_pid[10] = bad_pid[10] == '9' ? '0' : bad_pid[10] + 1;
  const std::string error = with("pid", boost::json::string(bad_pid));
  EXPECT_TRUE(error.starts_with("the token's \"pid\" claim is not a valid identity number"))
      << error;
  EXPECT_EQ(error.find(bad_pid), std::string::npos);
  EXPECT_EQ(error.find(bad_pid.substr(0, 6)), std::string::npos);
}

TEST_F(VerifierTest, RefetchesKeysForAnUnknownKidAtMostOncePerMinute) {
  ASSERT_TRUE(verifier_.Verify(Sign(Claims()), "n-123"));
  ASSERT_EQ(fetches_, 1);
  auto rotated = Sign(Claims(), OtherTestKey());
  // The issuer has not published the new key yet: one refetch, then refusals without fetching.
  auto first = verifier_.Verify(rotated, "n-123");
  ASSERT_FALSE(first);
  EXPECT_EQ(first.error().message, "the token's key (kid) is not one of the issuer's keys");
  EXPECT_EQ(fetches_, 1);  // last fetch was less than a minute ago
  clock_.Advance(61s);
  served_ = {TestKey(), OtherTestKey()};
  auto claims = Claims();
  claims["iat"] = Now();
  claims["exp"] = Now() + 600;
  rotated = Sign(claims, OtherTestKey());
  EXPECT_TRUE(verifier_.Verify(rotated, "n-123"));
  EXPECT_EQ(fetches_, 2);
  EXPECT_TRUE(verifier_.Verify(rotated, "n-123"));
  EXPECT_EQ(fetches_, 2);
}

TEST_F(VerifierTest, ReportsAnUnreachableIssuer) {
  serve_keys_ = false;
  auto result = verifier_.Verify(Sign(Claims()), "n-123");
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().code, ErrorCode::kUnavailable);
  EXPECT_EQ(result.error().message, "cannot get the issuer's signing keys: connection refused");
  serve_keys_ = true;
  EXPECT_FALSE(verifier_.Verify(Sign(Claims()), "n-123"));  // retry waits a few seconds
  clock_.Advance(6s);
  EXPECT_TRUE(verifier_.Verify(Sign(Claims()), "n-123"));
}

TEST_F(VerifierTest, CachesBearerTokensUntilTheyExpire) {
  auto claims = Claims();
  claims.erase("nonce");
  const std::string token = Sign(claims);
  ASSERT_TRUE(verifier_.VerifyBearer(token));
  EXPECT_EQ(verifier_.cached_tokens(), 1u);
  // A cached token is recognised even when the keys are gone.
  served_.clear();
  serve_keys_ = false;
  EXPECT_TRUE(verifier_.VerifyBearer(token));
  clock_.Advance(661s);
  auto expired = verifier_.VerifyBearer(token);
  ASSERT_FALSE(expired);
  EXPECT_EQ(expired.error().message, "the token expired");
}

TEST_F(VerifierTest, BearerVerificationIsThreadSafe) {
  auto claims = Claims();
  std::vector<std::string> tokens;
  for (int i = 0; i < 8; ++i) {
    claims["sub"] = "s" + std::to_string(i);
    tokens.push_back(Sign(claims));
  }
  std::atomic<int> ok{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int round = 0; round < 20; ++round) {
        for (const auto& token : tokens) ok += verifier_.VerifyBearer(token).has_value();
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(ok, 4 * 20 * 8);
  EXPECT_EQ(fetches_, 1);
}

TEST(TokenCacheTest, ClearsWhenFullOfLiveTokens) {
  TokenCache cache(2);
  const auto now = std::chrono::system_clock::time_point(1000s);
  IdTokenClaims claims;
  cache.Put("a", claims, now + 10s, now);
  cache.Put("b", claims, now + 1s, now);
  cache.Put("c", claims, now + 10s, now + 2s);  // b expired: dropped
  EXPECT_EQ(cache.size(), 2u);
  EXPECT_TRUE(cache.Find("a", now + 2s));
  EXPECT_FALSE(cache.Find("b", now + 2s));
  cache.Put("d", claims, now + 10s, now + 2s);  // a and c live: cleared
  EXPECT_EQ(cache.size(), 1u);
}

}  // namespace
}  // namespace proaktiv::http::auth
