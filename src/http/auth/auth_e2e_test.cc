// End to end over loopback sockets: the development issuer and an API server with the auth
// routes, each an http::server::Server on its own port, driven by the Beast HTTP client.

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <gtest/gtest.h>
#include <boost/json.hpp>

#include "common/clock.h"
#include "http/auth/auth_routes.h"
#include "http/auth/dev_issuer.h"
#include "http/auth/form.h"
#include "http/auth/http_fetch.h"
#include "http/auth/test_keys.h"
#include "http/auth/test_router_fetcher.h"
#include "http/server/server.h"

namespace proaktiv::http::auth {
namespace {

// A port that was free a moment ago (both servers must know each other's URL before starting).
uint16_t FreePort() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  socklen_t len = sizeof addr;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  ::close(fd);
  return ntohs(addr.sin_port);
}

class AuthEndToEndTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const uint16_t issuer_port = FreePort();
    const uint16_t api_port = FreePort();
    issuer_url_ = "http://127.0.0.1:" + std::to_string(issuer_port);
    api_url_ = "http://127.0.0.1:" + std::to_string(api_port);
    pid_ = testing::SyntheticPid();

    issuer_ = std::make_unique<DevIssuer>(
        DevIssuerOptions{.issuer = issuer_url_,
                         .redirect_uris = {api_url_ + "/auth/callback"},
                         .persons = {{pid_, "Kari Nordmann", "1985-03-12", ""}}},
        testing::TestKey(), clock_);
    issuer_->Register(issuer_router_);
    auto auth = AuthService::Create(AuthConfig{.issuer = issuer_url_,
                                               .client_id = "proaktiv-portal",
                                               .redirect_uri = api_url_ + "/auth/callback",
                                               .acr_values = {"idporten-loa-high"}},
                                    clock_);
    ASSERT_TRUE(auth) << auth.error().message;
    auth_ = std::move(*auth);
    RegisterAuthRoutes(api_router_, *auth_);

    server::ServerOptions options;
    options.access_log = false;
    options.port = issuer_port;
    issuer_server_ = std::make_unique<server::Server>(options, issuer_router_, anonymous_);
    options.port = api_port;
    api_server_ = std::make_unique<server::Server>(options, api_router_, *auth_);
    ASSERT_TRUE(issuer_server_->Start());
    ASSERT_TRUE(api_server_->Start());
    fetcher_ = std::move(*MakeHttpFetcher());
  }

  void TearDown() override {
    if (api_server_) api_server_->Stop();
    if (issuer_server_) issuer_server_->Stop();
  }

  FetchResponse Get(const std::string& url,
                    std::vector<std::pair<std::string, std::string>> headers = {}) {
    FetchRequest request;
    request.url = url;
    request.headers = std::move(headers);
    auto response = fetcher_->Fetch(request);
    EXPECT_TRUE(response) << response.error().message;
    return response ? *response : FetchResponse{};
  }

  FetchResponse Post(const std::string& url, std::string content_type, std::string body,
                     std::vector<std::pair<std::string, std::string>> headers = {}) {
    FetchRequest request;
    request.method = "POST";
    request.url = url;
    request.content_type = std::move(content_type);
    request.body = std::move(body);
    request.headers = std::move(headers);
    auto response = fetcher_->Fetch(request);
    EXPECT_TRUE(response) << response.error().message;
    return response ? *response : FetchResponse{};
  }

  struct Anonymous final : Authenticator {
    Result<Principal> Authenticate(const Request&) const override { return Principal{}; }
  };

  SystemClock clock_;
  std::string issuer_url_, api_url_, pid_;
  std::unique_ptr<DevIssuer> issuer_;
  Router issuer_router_, api_router_;
  Anonymous anonymous_;
  std::unique_ptr<AuthService> auth_;
  std::unique_ptr<server::Server> issuer_server_, api_server_;
  std::unique_ptr<HttpFetcher> fetcher_;
};

TEST_F(AuthEndToEndTest, CodeFlowThroughTheDevelopmentIssuer) {
  FetchResponse login = Get(api_url_ + "/auth/login?return_to=%2Fme%2Foffers");
  ASSERT_EQ(login.status, 302) << login.body;
  const std::string authorize = std::string(login.Header("location"));
  ASSERT_TRUE(authorize.starts_with(issuer_url_ + "/authorize?")) << authorize;

  FetchResponse page = Get(authorize);
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_NE(page.body.find("Kari Nordmann, født 1985-03-12"), std::string::npos);
  EXPECT_EQ(page.Header("x-development-only"), "FOR DEVELOPMENT ONLY - not ID-porten");

  FormFields form = FormDecode(authorize.substr(authorize.find('?') + 1));
  form.emplace_back("pid", pid_);
  FetchResponse chosen =
      Post(issuer_url_ + "/authorize", "application/x-www-form-urlencoded", FormEncode(form));
  ASSERT_EQ(chosen.status, 302) << chosen.body;
  const std::string callback = std::string(chosen.Header("location"));
  ASSERT_TRUE(callback.starts_with(api_url_ + "/auth/callback?code=")) << callback;

  FetchResponse done = Get(callback);
  ASSERT_EQ(done.status, 302) << done.body;
  EXPECT_EQ(done.Header("location"), "/me/offers");
  const std::string set_cookie = std::string(done.Header("set-cookie"));
  ASSERT_TRUE(set_cookie.starts_with("proaktiv_session=")) << set_cookie;
  EXPECT_NE(set_cookie.find("HttpOnly; SameSite=Lax"), std::string::npos);
  const std::string cookie = set_cookie.substr(0, set_cookie.find(';'));

  FetchResponse session = Get(api_url_ + "/api/v1/session", {{"Cookie", cookie}});
  ASSERT_EQ(session.status, 200) << session.body;
  auto doc = boost::json::parse(session.body).as_object();
  EXPECT_EQ(doc.at("kind").as_string(), "citizen");
  const std::string csrf(doc.at("csrf_token").as_string());
  EXPECT_EQ(csrf.size(), 43u);

  // Logging out is a state change: the session's CSRF token is required.
  FetchResponse refused = Post(api_url_ + "/auth/logout", "", "", {{"Cookie", cookie}});
  EXPECT_EQ(refused.status, 403) << refused.body;
  FetchResponse out =
      Post(api_url_ + "/auth/logout", "", "", {{"Cookie", cookie}, {"X-CSRF-Token", csrf}});
  EXPECT_EQ(out.status, 204) << out.body;
  doc =
      boost::json::parse(Get(api_url_ + "/api/v1/session", {{"Cookie", cookie}}).body).as_object();
  EXPECT_EQ(doc.at("kind").as_string(), "anonymous");
}

TEST_F(AuthEndToEndTest, BearerTokenFromTheDirectRoute) {
  FetchResponse issued =
      Post(issuer_url_ + "/dev/token", "application/json", "{\"pid\":\"" + pid_ + "\"}");
  ASSERT_EQ(issued.status, 200) << issued.body;
  const std::string token(boost::json::parse(issued.body).at("id_token").as_string());
  for (int i = 0; i < 3; ++i) {  // the second and third hit the token cache
    FetchResponse session =
        Get(api_url_ + "/api/v1/session", {{"Authorization", "Bearer " + token}});
    ASSERT_EQ(session.status, 200);
    EXPECT_EQ(boost::json::parse(session.body).at("kind").as_string(), "citizen");
  }
  EXPECT_EQ(auth_->oidc()->VerifyBearer(token)->pid, pid_);
}

}  // namespace
}  // namespace proaktiv::http::auth
