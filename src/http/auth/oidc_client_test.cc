#include "http/auth/oidc_client.h"

#include <gtest/gtest.h>

#include "http/auth/dev_issuer.h"
#include "http/auth/form.h"
#include "http/auth/test_keys.h"
#include "http/auth/test_router_fetcher.h"

namespace proaktiv::http::auth {
namespace {

using namespace std::chrono_literals;
using testing::BrowserLogin;
using testing::RouterFetcher;
using testing::SyntheticPid;

class OidcClientTest : public ::testing::Test {
 protected:
  OidcClientTest()
      : clock_(std::chrono::system_clock::time_point(1700000000s)),
        issuer_(DevIssuerOptions{}, testing::TestKey(), clock_),
        fetcher_(router_),
        client_(OidcClientConfig{"http://127.0.0.1:8081",
                                 "proaktiv-portal",
                                 std::nullopt,
                                 "http://127.0.0.1:8080/auth/callback",
                                 "openid",
                                 {"idporten-loa-high"}},
                fetcher_, clock_) {
    issuer_.Register(router_);
  }

  FakeClock clock_;
  DevIssuer issuer_;
  Router router_;
  RouterFetcher fetcher_;
  OidcClient client_;
};

TEST_F(OidcClientTest, RunsTheCodeFlowWithPkce) {
  auto login = client_.BeginLogin();
  ASSERT_TRUE(login) << login.error().message;
  EXPECT_TRUE(login->url.starts_with("http://127.0.0.1:8081/authorize?response_type=code&"));
  const FormFields query = FormDecode(login->url.substr(login->url.find('?') + 1));
  EXPECT_EQ(FormValue(query, "code_challenge"), PkceChallenge(login->code_verifier));
  EXPECT_EQ(FormValue(query, "code_challenge_method"), "S256");
  EXPECT_EQ(FormValue(query, "acr_values"), "idporten-loa-high");
  EXPECT_EQ(login->state.size(), 43u);
  EXPECT_NE(login->state, login->nonce);

  const std::string pid = SyntheticPid();
  auto location = BrowserLogin(router_, login->url, pid);
  ASSERT_TRUE(location) << location.error().message;
  const FormFields callback = FormDecode(location->substr(location->find('?') + 1));
  EXPECT_EQ(FormValue(callback, "state"), login->state);

  auto claims =
      client_.CompleteLogin(*FormValue(callback, "code"), login->code_verifier, login->nonce);
  ASSERT_TRUE(claims) << claims.error().message;
  EXPECT_EQ(claims->pid, pid);
  EXPECT_EQ(fetcher_.count("/.well-known/openid-configuration"), 1);
  EXPECT_EQ(fetcher_.count("/jwks.json"), 1);
}

TEST_F(OidcClientTest, NamesTheFailedStep) {
  auto login = client_.BeginLogin();
  ASSERT_TRUE(login);
  auto location = BrowserLogin(router_, login->url, SyntheticPid());
  const std::string code =
      *FormValue(FormDecode(location->substr(location->find('?') + 1)), "code");
  auto wrong_nonce = client_.CompleteLogin(code, login->code_verifier, "another-nonce");
  ASSERT_FALSE(wrong_nonce);
  EXPECT_EQ(wrong_nonce.error().message,
            "id_token: the token's nonce does not match the login request");
  auto reused = client_.CompleteLogin(code, login->code_verifier, login->nonce);
  ASSERT_FALSE(reused);
  EXPECT_EQ(reused.error().message,
            "token exchange: the token endpoint answered 400 invalid_grant");
  EXPECT_EQ(reused.error().message.find(code), std::string::npos);
}

TEST_F(OidcClientTest, DiscoveryFailuresAreRetriedAndIssuerMismatchesRefused) {
  fetcher_.set_down(true);
  auto down = client_.BeginLogin();
  ASSERT_FALSE(down);
  EXPECT_EQ(down.error().message, "discovery: connection refused");
  fetcher_.set_down(false);
  EXPECT_TRUE(client_.BeginLogin());

  issuer_.SetIssuer("http://localhost:8081");
  OidcClient other(OidcClientConfig{"http://127.0.0.1:8081",
                                    "proaktiv-portal",
                                    std::nullopt,
                                    "http://127.0.0.1:8080/auth/callback",
                                    "openid",
                                    {}},
                   fetcher_, clock_);
  auto mismatch = other.BeginLogin();
  ASSERT_FALSE(mismatch);
  EXPECT_TRUE(mismatch.error().message.starts_with("discovery: the discovery document's issuer"))
      << mismatch.error().message;
}

TEST(ProviderMetadataTest, RequiresEndpointsAndS256) {
  EXPECT_FALSE(ParseProviderMetadata("[]", "x"));
  EXPECT_EQ(
      ParseProviderMetadata(R"({"issuer":"x","authorization_endpoint":"a","jwks_uri":"j"})", "x")
          .error()
          .message,
      "the discovery document has no token_endpoint");
  EXPECT_EQ(ParseProviderMetadata(
                R"({"issuer":"x","authorization_endpoint":"a","token_endpoint":"t",
                    "jwks_uri":"j","code_challenge_methods_supported":["plain"]})",
                "x")
                .error()
                .message,
            "the provider does not support PKCE with S256");
}

}  // namespace
}  // namespace proaktiv::http::auth
