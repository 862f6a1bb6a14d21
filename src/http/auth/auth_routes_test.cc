#include "http/auth/auth_routes.h"

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>
#include <boost/json.hpp>

#include "http/auth/dev_issuer.h"
#include "http/auth/form.h"
#include "http/auth/test_keys.h"
#include "http/auth/test_router_fetcher.h"

namespace proaktiv::http::auth {
namespace {

using namespace std::chrono_literals;
using testing::BrowserLogin;
using testing::Call;
using testing::MakeRequest;
using testing::RouterFetcher;
using testing::SyntheticPid;

std::string HeaderOf(const Response& r, std::string_view name) {
  for (const auto& [n, v] : r.headers) {
    if (n == name) return v;
  }
  return {};
}

class AuthRoutesTest : public ::testing::Test {
 protected:
  AuthRoutesTest()
      : clock_(std::chrono::system_clock::time_point(1700000000s)),
        issuer_(DevIssuerOptions{}, testing::TestKey(), clock_) {
    issuer_.Register(issuer_router_);
    keys_file_ = (std::filesystem::temp_directory_path() /
                  ("proaktiv_keys_" + std::to_string(::getpid()) + ".txt"))
                     .string();
    oslo_ = *MakeApiKey("oslo-admin", {"admin:0301", "admin:0301"});
    all_ = *MakeApiKey("root", {"admin:*", "metrics"});
    std::ofstream(keys_file_) << oslo_.line << "\n" << all_.line << "\n";
    auto fetcher = std::make_unique<RouterFetcher>(issuer_router_);
    fetcher_ = fetcher.get();
    auto service =
        AuthService::Create(AuthConfig{.issuer = "http://127.0.0.1:8081",
                                       .client_id = "proaktiv-portal",
                                       .redirect_uri = "http://127.0.0.1:8080/auth/callback",
                                       .acr_values = {"idporten-loa-high"},
                                       .api_keys_file = keys_file_},
                            clock_, std::move(fetcher));
    EXPECT_TRUE(service) << service.error().message;
    auth_ = std::move(*service);
    RegisterAuthRoutes(router_, *auth_);
  }
  ~AuthRoutesTest() override { std::filesystem::remove(keys_file_); }

  // Authenticates like the server, then calls the route.
  Response Send(Request request) {
    auto principal = auth_->Authenticate(request);
    return Call(router_, request, principal ? *principal : Principal{});
  }

  // A full login; returns the session cookie's value.
  std::string LogIn(const std::string& pid, const std::string& return_to = "/me") {
    Response login =
        Send(MakeRequest(Method::kGet, "/auth/login?return_to=" + UrlEncode(return_to)));
    EXPECT_EQ(login.status, 302) << login.body;
    auto location = BrowserLogin(issuer_router_, HeaderOf(login, "Location"), pid);
    EXPECT_TRUE(location) << location.error().message;
    Response callback = Send(MakeRequest(Method::kGet, *location));
    EXPECT_EQ(callback.status, 302) << callback.body;
    EXPECT_EQ(HeaderOf(callback, "Location"), return_to);
    const std::string cookie = HeaderOf(callback, "Set-Cookie");
    EXPECT_TRUE(cookie.ends_with("; Path=/; HttpOnly; SameSite=Lax")) << cookie;
    return cookie.substr(17, cookie.find(';') - 17);
  }

  boost::json::object Session(std::vector<std::pair<std::string, std::string>> headers) {
    Response r = Send(MakeRequest(Method::kGet, "/api/v1/session", "", std::move(headers)));
    EXPECT_EQ(r.status, 200);
    return boost::json::parse(r.body).as_object();
  }

  FakeClock clock_;
  DevIssuer issuer_;
  Router issuer_router_;
  RouterFetcher* fetcher_ = nullptr;
  std::string keys_file_;
  NewApiKey oslo_, all_;
  std::unique_ptr<AuthService> auth_;
  Router router_;
};

TEST_F(AuthRoutesTest, RoutesCarryTheirOperationIds) {
  std::vector<std::string> names;
  for (const Route& r : router_.routes()) names.push_back(r.options.name);
  EXPECT_EQ(names, (std::vector<std::string>{"login", "loginCallback", "logout", "staffSession",
                                             "getSession"}));
}

TEST_F(AuthRoutesTest, CitizenLogsInAndOut) {
  const std::string pid = SyntheticPid();
  const std::string cookie = LogIn(pid);
  auto principal = auth_->Authenticate(
      MakeRequest(Method::kGet, "/x", "", {{"cookie", "proaktiv_session=" + cookie}}));
  ASSERT_TRUE(principal);
  EXPECT_TRUE(principal->is_citizen());
  EXPECT_EQ(principal->pid, pid);

  auto session = Session({{"cookie", "proaktiv_session=" + cookie}, {"accept-language", "nn-NO"}});
  EXPECT_EQ(session.at("kind").as_string(), "citizen");
  EXPECT_EQ(session.at("language").as_string(), "nn");
  EXPECT_EQ(session.at("csrf_token").as_string(), principal->csrf_token);
  EXPECT_TRUE(session.at("kommuner").as_array().empty());

  Response out = Send(
      MakeRequest(Method::kPost, "/auth/logout", "", {{"cookie", "proaktiv_session=" + cookie}}));
  EXPECT_EQ(out.status, 204);
  EXPECT_NE(HeaderOf(out, "Set-Cookie").find("Max-Age=0"), std::string::npos);
  auto ended = auth_->Authenticate(
      MakeRequest(Method::kGet, "/x", "", {{"cookie", "proaktiv_session=" + cookie}}));
  ASSERT_FALSE(ended);
  EXPECT_EQ(ended.error().message, "the session has ended; log in again");
  EXPECT_EQ(Session({}).at("kind").as_string(), "anonymous");
}

TEST_F(AuthRoutesTest, ReturnToMustBeALocalPath) {
  EXPECT_EQ(SafeReturnTo("/me/offers?x=1"), "/me/offers?x=1");
  for (const char* bad : {"//evil.example/", "https://evil.example/", "/\\evil.example", "me", "",
                          "/a\r\nSet-Cookie: x=1"}) {
    EXPECT_EQ(SafeReturnTo(bad), "/") << bad;
  }
  LogIn(SyntheticPid(), "/");
  Response login = Send(MakeRequest(Method::kGet, "/auth/login?return_to=%2F%2Fevil.example"));
  auto location = BrowserLogin(issuer_router_, HeaderOf(login, "Location"), SyntheticPid());
  Response callback = Send(MakeRequest(Method::kGet, *location));
  EXPECT_EQ(HeaderOf(callback, "Location"), "/");
}

TEST_F(AuthRoutesTest, CallbackFailuresAreProblemsNamingTheStep) {
  Response no_state = Send(MakeRequest(Method::kGet, "/auth/callback?code=abc"));
  EXPECT_EQ(no_state.status, 400);
  EXPECT_NE(no_state.body.find("\"code\":\"login-failed\""), std::string::npos);

  Response unknown = Send(MakeRequest(Method::kGet, "/auth/callback?code=secretcode&state=nope"));
  EXPECT_EQ(unknown.status, 400);
  EXPECT_NE(unknown.body.find("unknown or expired (state)"), std::string::npos);
  EXPECT_EQ(unknown.body.find("secretcode"), std::string::npos);

  Response denied = Send(MakeRequest(Method::kGet, "/auth/callback?error=access_denied&state=x"));
  EXPECT_NE(denied.body.find("the issuer ended the login (access_denied)"), std::string::npos);

  // A replayed callback: the state was used up by the first.
  Response login = Send(MakeRequest(Method::kGet, "/auth/login"));
  auto location = BrowserLogin(issuer_router_, HeaderOf(login, "Location"), SyntheticPid());
  EXPECT_EQ(Send(MakeRequest(Method::kGet, *location)).status, 302);
  EXPECT_EQ(Send(MakeRequest(Method::kGet, *location)).status, 400);

  // The code exchanged with another verifier fails at the token exchange.
  login = Send(MakeRequest(Method::kGet, "/auth/login"));
  std::string url = HeaderOf(login, "Location");
  const FormFields query = FormDecode(url.substr(url.find('?') + 1));
  FormFields changed;
  for (auto [k, v] : query)
    changed.emplace_back(k, k == "code_challenge" ? std::string(43, 'x') : v);
  location = BrowserLogin(issuer_router_, "/authorize?" + FormEncode(changed), SyntheticPid());
  Response failed = Send(MakeRequest(Method::kGet, *location));
  EXPECT_EQ(failed.status, 400);
  EXPECT_NE(failed.body.find("token exchange: the token endpoint answered 400 invalid_grant"),
            std::string::npos)
      << failed.body;
}

TEST_F(AuthRoutesTest, LoginWhenTheIssuerIsDown) {
  fetcher_->set_down(true);
  Response login = Send(MakeRequest(Method::kGet, "/auth/login"));
  EXPECT_EQ(login.status, 503);
  EXPECT_NE(login.body.find("login-unavailable"), std::string::npos);
}

TEST_F(AuthRoutesTest, BearerTokensAndApiKeys) {
  const std::string pid = SyntheticPid();
  const std::string token = *issuer_.IssueIdToken(pid, "");
  auto citizen = auth_->Authenticate(
      MakeRequest(Method::kGet, "/x", "", {{"authorization", "Bearer " + token}}));
  ASSERT_TRUE(citizen) << citizen.error().message;
  EXPECT_EQ(citizen->pid, pid);
  EXPECT_TRUE(citizen->session_id.empty());

  clock_.Advance(12min);
  auto expired = auth_->Authenticate(
      MakeRequest(Method::kGet, "/x", "", {{"authorization", "Bearer " + token}}));
  ASSERT_FALSE(expired);
  EXPECT_EQ(expired.error().message, "bearer token: the token expired");

  auto staff = auth_->Authenticate(
      MakeRequest(Method::kGet, "/x", "", {{"authorization", "ApiKey " + oslo_.key}}));
  ASSERT_TRUE(staff);
  EXPECT_TRUE(staff->MayAdminister("0301"));
  EXPECT_FALSE(staff->MayAdminister("4601"));
  auto session = Session({{"authorization", "ApiKey " + all_.key}});
  EXPECT_EQ(session.at("kind").as_string(), "staff");
  EXPECT_EQ(session.at("name").as_string(), "root");
  EXPECT_EQ(session.at("kommuner").as_array(), (boost::json::array{"*"}));

  for (std::string header : {"ApiKey pk_nope", "Basic dXNlcjpwYXNz", "Bearer x.y.z"}) {
    auto refused =
        auth_->Authenticate(MakeRequest(Method::kGet, "/x", "", {{"authorization", header}}));
    ASSERT_FALSE(refused) << header;
    EXPECT_EQ(refused.error().message.find(header.substr(header.find(' ') + 1)), std::string::npos);
  }
  EXPECT_EQ(auth_->Authenticate(MakeRequest(Method::kGet, "/x"))->kind,
            Principal::Kind::kAnonymous);
}

TEST_F(AuthRoutesTest, StaffSessionsFromApiKeys) {
  auto post = [&](std::string body, std::string type = "application/json") {
    return Send(MakeRequest(Method::kPost, "/auth/staff-session", std::move(body),
                            {{"content-type", type}}));
  };
  EXPECT_EQ(post("api_key=x", "application/x-www-form-urlencoded").status, 415);
  EXPECT_EQ(post("{}").status, 400);
  Response wrong = post("{\"api_key\":\"pk_guess\"}");
  EXPECT_EQ(wrong.status, 401);
  EXPECT_EQ(wrong.body.find("pk_guess"), std::string::npos);
  Response ok = post("{\"api_key\":\"" + oslo_.key + "\"}");
  ASSERT_EQ(ok.status, 204);
  const std::string cookie = HeaderOf(ok, "Set-Cookie");
  const std::string id = cookie.substr(17, cookie.find(';') - 17);
  auto session = Session({{"cookie", "proaktiv_session=" + id}});
  EXPECT_EQ(session.at("kind").as_string(), "staff");
  EXPECT_EQ(session.at("kommuner").as_array(), (boost::json::array{"0301", "0301"}));
  EXPECT_FALSE(session.at("csrf_token").as_string().empty());
}

TEST(AuthServiceTest, ConfigurationErrors) {
  FakeClock clock(std::chrono::system_clock::time_point(1700000000s));
  auto no_client = AuthService::Create(AuthConfig{.issuer = "http://127.0.0.1:8081"}, clock);
  EXPECT_FALSE(no_client);
  auto no_file = AuthService::Create(AuthConfig{.api_keys_file = "/nonexistent/keys"}, clock);
  ASSERT_FALSE(no_file);
  EXPECT_EQ(no_file.error().message, "cannot read the API keys file /nonexistent/keys");
  auto keys_only = AuthService::Create(AuthConfig{}, clock);
  ASSERT_TRUE(keys_only);
  EXPECT_FALSE((*keys_only)->citizen_login_enabled());
  auto bearer =
      (*keys_only)
          ->Authenticate(MakeRequest(Method::kGet, "/x", "", {{"authorization", "Bearer a.b.c"}}));
  EXPECT_FALSE(bearer);
  auto secure =
      AuthService::Create(AuthConfig{.issuer = "https://idporten.no",
                                     .client_id = "c",
                                     .redirect_uri = "https://kommune.example/auth/callback"},
                          clock);
  ASSERT_TRUE(secure);
  Principal p;
  p.session_id = "id";
  EXPECT_EQ((*secure)->SessionCookie(p),
            "proaktiv_session=id; Path=/; HttpOnly; SameSite=Lax; Secure");
}

}  // namespace
}  // namespace proaktiv::http::auth
