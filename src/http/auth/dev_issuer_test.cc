#include "http/auth/dev_issuer.h"

#include <gtest/gtest.h>
#include <boost/json.hpp>

#include "http/auth/dev_issuer_page.h"
#include "http/auth/form.h"
#include "http/auth/jwks.h"
#include "http/auth/jwt.h"
#include "http/auth/oidc_client.h"
#include "http/auth/test_keys.h"
#include "http/auth/test_router_fetcher.h"

namespace proaktiv::http::auth {
namespace {

using namespace std::chrono_literals;
using testing::BrowserLogin;
using testing::Call;
using testing::MakeRequest;
using testing::SyntheticPid;

constexpr char kForm[] = "application/x-www-form-urlencoded";

class DevIssuerTest : public ::testing::Test {
 protected:
  DevIssuerTest()
      : clock_(std::chrono::system_clock::time_point(1700000000s)),
        issuer_(DevIssuerOptions{.persons = {{SyntheticPid(), "Kari <Nordmann>", "1985-03-12",
                                              "1 offer"}}},
                testing::TestKey(), clock_) {
    issuer_.Register(router_);
  }

  std::string AuthorizeUrl(std::string_view challenge = "") const {
    return "/authorize?" +
           FormEncode({{"response_type", "code"},
                       {"client_id", "proaktiv-portal"},
                       {"redirect_uri", "http://127.0.0.1:8080/auth/callback"},
                       {"scope", "openid"},
                       {"state", "st-1"},
                       {"nonce", "no-1"},
                       {"code_challenge",
                        challenge.empty() ? PkceChallenge(kVerifier) : std::string(challenge)},
                       {"code_challenge_method", "S256"}});
  }

  // The code from a successful browser login.
  std::string LoginCode(const std::string& pid) {
    auto location = BrowserLogin(router_, AuthorizeUrl(), pid);
    EXPECT_TRUE(location) << location.error().message;
    const std::string query = location->substr(location->find('?') + 1);
    EXPECT_EQ(FormValue(FormDecode(query), "state"), "st-1");
    return FormValue(FormDecode(query), "code").value_or("");
  }

  Response Token(const std::string& code, const std::string& verifier = kVerifier) {
    return Call(router_,
                MakeRequest(Method::kPost, "/token",
                            FormEncode({{"grant_type", "authorization_code"},
                                        {"code", code},
                                        {"redirect_uri", "http://127.0.0.1:8080/auth/callback"},
                                        {"client_id", "proaktiv-portal"},
                                        {"code_verifier", verifier}}),
                            {{"content-type", kForm}}));
  }

  static inline const std::string kVerifier = std::string(43, 'v');
  FakeClock clock_;
  DevIssuer issuer_;
  Router router_;
};

TEST_F(DevIssuerTest, ServesDiscoveryAndKeysMarkedAsDevelopmentOnly) {
  Response discovery =
      Call(router_, MakeRequest(Method::kGet, "/.well-known/openid-configuration"));
  ASSERT_EQ(discovery.status, 200);
  auto metadata = ParseProviderMetadata(discovery.body, "http://127.0.0.1:8081");
  ASSERT_TRUE(metadata) << metadata.error().message;
  EXPECT_EQ(metadata->jwks_uri, "http://127.0.0.1:8081/jwks.json");
  EXPECT_NE(discovery.body.find("FOR DEVELOPMENT ONLY"), std::string::npos);
  EXPECT_EQ(discovery.headers.front().first, "X-Development-Only");

  Response jwks = Call(router_, MakeRequest(Method::kGet, "/jwks.json"));
  auto keys = Jwks::Parse(jwks.body);
  ASSERT_TRUE(keys) << keys.error().message;
  EXPECT_NE(keys->Find(testing::TestKey().kid()), nullptr);
}

TEST_F(DevIssuerTest, TheLoginPageIsAccessibleAndEscapesNames) {
  Response page = Call(router_, MakeRequest(Method::kGet, AuthorizeUrl()));
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_EQ(page.content_type, "text/html; charset=utf-8");
  EXPECT_NE(page.body.find("<html lang=\"nb\">"), std::string::npos);
  EXPECT_NE(page.body.find("FOR DEVELOPMENT ONLY — not ID-porten"), std::string::npos);
  EXPECT_NE(page.body.find("<label for=\"pid\">"), std::string::npos);
  EXPECT_NE(page.body.find("<link rel=\"stylesheet\" href=\"/dev-issuer.css\">"),
            std::string::npos);
  EXPECT_EQ(page.body.find("<style"), std::string::npos);  // the server's CSP forbids inline CSS
  Response css = Call(router_, MakeRequest(Method::kGet, "/dev-issuer.css"));
  EXPECT_EQ(css.content_type, "text/css; charset=utf-8");
  EXPECT_NE(css.body.find(":focus-visible"), std::string::npos);
  EXPECT_NE(page.body.find("Kari &lt;Nordmann&gt;, født 1985-03-12 — 1 offer"), std::string::npos);
  EXPECT_EQ(page.body.find("<Nordmann>"), std::string::npos);
  EXPECT_NE(page.body.find("name=\"state\" value=\"st-1\""), std::string::npos);
}

TEST_F(DevIssuerTest, RefusesUnknownClientsAndRedirectsWithoutRedirecting) {
  std::string url = AuthorizeUrl();
  url.replace(url.find("proaktiv-portal"), 15, "someone-else");
  Response page = Call(router_, MakeRequest(Method::kGet, url));
  EXPECT_EQ(page.status, 400);
  url = AuthorizeUrl();
  url.replace(url.find("8080"), 4, "9999");
  page = Call(router_, MakeRequest(Method::kGet, url));
  EXPECT_EQ(page.status, 400);
  for (const auto& header : page.headers) EXPECT_NE(header.first, "Location");
}

TEST_F(DevIssuerTest, AnInvalidNumberShowsTheFormAgainWithAnAlert) {
  auto location = BrowserLogin(router_, AuthorizeUrl(), "12345678901");
  ASSERT_FALSE(location);
  EXPECT_NE(location.error().message.find("role=\"alert\""), std::string::npos);
  EXPECT_NE(location.error().message.find("aria-invalid=\"true\""), std::string::npos);
}

TEST_F(DevIssuerTest, ExchangesACodeOnceWithTheRightVerifier) {
  const std::string pid = SyntheticPid();
  const std::string code = LoginCode(pid);
  ASSERT_FALSE(code.empty());
  Response wrong = Token(code, std::string(43, 'w'));
  EXPECT_EQ(wrong.status, 400);
  EXPECT_NE(wrong.body.find("invalid_grant"), std::string::npos);
  // The code was burnt by the failed attempt.
  EXPECT_EQ(Token(code).status, 400);

  const std::string second = LoginCode(pid);
  Response ok = Token(second);
  ASSERT_EQ(ok.status, 200) << ok.body;
  auto doc = boost::json::parse(ok.body).as_object();
  auto jws = ParseJws(doc.at("id_token").as_string());
  ASSERT_TRUE(jws) << jws.error().message;
  EXPECT_TRUE(VerifyJws(*jws, testing::TestKey()));
  EXPECT_EQ(jws->payload.at("pid").as_string(), pid);
  EXPECT_EQ(jws->payload.at("nonce").as_string(), "no-1");
  EXPECT_EQ(jws->payload.at("acr").as_string(), "idporten-loa-high");
  EXPECT_EQ(jws->payload.at("amr").as_array().at(0).as_string(), "TestID");
  EXPECT_EQ(jws->payload.at("exp").as_int64() - jws->payload.at("iat").as_int64(), 600);
  EXPECT_NE(jws->payload.at("sub").as_string(), pid);
  EXPECT_EQ(Token(second).status, 400);  // used
}

TEST_F(DevIssuerTest, CodesExpire) {
  const std::string code = LoginCode(SyntheticPid());
  clock_.Advance(61s);
  EXPECT_EQ(Token(code).status, 400);
}

TEST_F(DevIssuerTest, DirectTokensForTestsAndBenchmarks) {
  const std::string pid = SyntheticPid();
  Response json =
      Call(router_, MakeRequest(Method::kPost, "/dev/token", "{\"pid\":\"" + pid + "\"}",
                                {{"content-type", "application/json"}}));
  ASSERT_EQ(json.status, 200) << json.body;
  auto token = boost::json::parse(json.body).at("id_token").as_string();
  auto jws = ParseJws(token);
  ASSERT_TRUE(jws);
  EXPECT_FALSE(jws->payload.contains("nonce"));
  // The pseudonym is stable for a pid.
  auto again = ParseJws(*issuer_.IssueIdToken(pid, ""));
  EXPECT_EQ(jws->payload.at("sub"), again->payload.at("sub"));

  Response bad = Call(router_, MakeRequest(Method::kPost, "/dev/token", "pid=12345678901",
                                           {{"content-type", kForm}}));
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(bad.body.find("12345678901"), std::string::npos);
}

}  // namespace
}  // namespace proaktiv::http::auth
