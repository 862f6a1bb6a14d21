#include "http/server/server.h"

#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include <gtest/gtest.h>
#include <boost/json.hpp>

#include "http/server/ops_routes.h"
#include "http/server/test_client.h"

namespace proaktiv::http::server {
namespace {

using testing::RawRequest;
using testing::TestClient;
using testing::TestResponse;
namespace fs = std::filesystem;

// "Authorization: Test citizen" → citizen; "Test staff a,b" → staff with scopes a and b;
// "Test bad" → an error; "Cookie: session=s1" → a citizen with session s1, CSRF token "tok".
class FakeAuthenticator final : public Authenticator {
 public:
  Result<Principal> Authenticate(const Request& request) const override {
    Principal p;
    const std::string_view auth = request.Header("authorization");
    if (auth == "Test citizen") {
      p.kind = Principal::Kind::kCitizen;
      p.pid = "01010112345";
    } else if (auth.starts_with("Test staff")) {
      p.kind = Principal::Kind::kStaff;
      std::string_view rest = auth.substr(10);
      while (!rest.empty()) {
        if (rest.front() == ' ' || rest.front() == ',') {
          rest.remove_prefix(1);
          continue;
        }
        const size_t end = std::min(rest.find(','), rest.size());
        p.scopes.emplace_back(rest.substr(0, end));
        rest.remove_prefix(end);
      }
    } else if (auth == "Test bad") {
      return InvalidArgument("the test token has expired");
    } else if (request.Cookie("session") == "s1") {
      p.kind = Principal::Kind::kCitizen;
      p.session_id = "s1";
      p.csrf_token = "tok";
    }
    return p;
  }
};

std::string Slurp(const fs::path& path) {
  std::ifstream in(path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

class ServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("proaktiv_server_test_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "web" / "assets");
    std::ofstream(dir_ / "web" / "index.html") << "<!doctype html><title>app</title>";
    std::ofstream(dir_ / "web" / "assets" / "app-1234.js") << "console.log(1)";
    std::ofstream(dir_ / "web" / "favicon.ico") << "ico";

    auto echo = [](const Request& request, const RouteContext& context) {
      boost::json::object o;
      o["path"] = request.path;
      o["id"] = context.Param("id");
      o["q"] = request.QueryParam("q").value_or("");
      o["body"] = request.body;
      return Response::Json(200, o);
    };
    router_.Add(Method::kGet, "/api/things/{id}", echo, {.name = "showThing"});
    router_.Add(Method::kGet, "/api/things/special",
                [](const Request&, const RouteContext&) {
                  return Response::Json(200, boost::json::object{{"special", true}});
                },
                {.name = "special"});
    router_.Add(Method::kPost, "/api/things", echo, {.access = Access::kAnyone, .name = "add"});
    router_.Add(Method::kGet, "/api/me", echo, {.access = Access::kCitizen, .name = "me"});
    router_.Add(Method::kGet, "/api/intake", echo,
                {.access = Access::kStaff, .scope = "intake", .name = "intake"});
    router_.Add(Method::kGet, "/api/admin", echo,
                {.access = Access::kStaff, .scope = "admin", .name = "admin"});
    router_.Add(Method::kGet, "/api/blocking",
                [this](const Request&, const RouteContext&) {
                  blocking_thread_ = std::this_thread::get_id();
                  return Response::Json(200, boost::json::object{{"ok", true}});
                },
                {.blocking = true, .name = "blocking"});
    router_.Add(Method::kGet, "/api/throw",
                [](const Request&, const RouteContext&) -> Response {
                  throw std::runtime_error("boom 01010112345");
                },
                {.name = "throws"});
    router_.Add(Method::kDelete, "/api/things/{id}", echo, {.name = "deleteThing"});
    router_.Add(Method::kPost, "/api/upload", echo, {.name = "upload"});
    RegisterOpsRoutes(router_,
                      OpsContext{.database_check = [this] { return database_ok_.load(); },
                                 .metrics_text = [this] { return server_->metrics().Render(); }});
    ServerOptions options;
    options.port = 0;
    options.static_dir = (dir_ / "web").string();
    options.body_limit = 1024;
    options.access_log_file = (dir_ / "access.log").string();
    server_ = std::make_unique<Server>(options, router_, authenticator_);
    auto port = server_->Start();
    ASSERT_TRUE(port.has_value()) << port.error().ToString();
    port_ = *port;
  }

  void TearDown() override {
    server_.reset();
    fs::remove_all(dir_);
  }

  TestResponse Get(std::string_view target,
                   const std::vector<std::pair<std::string, std::string>>& headers = {}) {
    TestClient client(port_);
    return client.Request("GET", target, headers);
  }

  static boost::json::value Json(const TestResponse& r) { return boost::json::parse(r.body); }

  fs::path dir_;
  Router router_;
  FakeAuthenticator authenticator_;
  std::unique_ptr<Server> server_;
  uint16_t port_ = 0;
  std::atomic<bool> database_ok_{true};
  std::thread::id blocking_thread_;
};

TEST_F(ServerTest, RoutesWithParamsAndDecodedPathAndRawQuery) {
  TestResponse r = Get("/api/things/a%20b?q=x%26y&z=1");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.Header("content-type"), "application/json");
  const auto json = Json(r);
  EXPECT_EQ(json.at("id"), "a b");
  EXPECT_EQ(json.at("path"), "/api/things/a b");
  EXPECT_EQ(json.at("q"), "x&y");
  EXPECT_EQ(Json(Get("/api/things/special")).at("special"), true);
}

TEST_F(ServerTest, NotFoundAndMethodNotAllowedAreProblems) {
  TestResponse r = Get("/api/nothing");
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(r.Header("content-type"), "application/problem+json");
  EXPECT_EQ(Json(r).at("code"), "not-found");
  TestClient client(port_);
  r = client.Request("PUT", "/api/things/1", {}, "x");
  EXPECT_EQ(r.status, 405);
  EXPECT_EQ(r.Header("allow"), "GET, DELETE, HEAD");
  EXPECT_EQ(Json(r).at("code"), "method-not-allowed");
}

TEST_F(ServerTest, AccessByKindAndScope) {
  EXPECT_EQ(Get("/api/me").status, 401);
  EXPECT_EQ(Json(Get("/api/me")).at("code"), "unauthenticated");
  EXPECT_EQ(Get("/api/me", {{"Authorization", "Test citizen"}}).status, 200);
  EXPECT_EQ(Get("/api/me", {{"Authorization", "Test staff intake"}}).status, 403);
  EXPECT_EQ(Get("/api/intake").status, 401);
  EXPECT_EQ(Get("/api/intake", {{"Authorization", "Test citizen"}}).status, 403);
  EXPECT_EQ(Get("/api/intake", {{"Authorization", "Test staff metrics"}}).status, 403);
  EXPECT_EQ(Get("/api/intake", {{"Authorization", "Test staff metrics,intake"}}).status, 200);
  EXPECT_EQ(Get("/api/admin", {{"Authorization", "Test staff intake"}}).status, 403);
  EXPECT_EQ(Get("/api/admin", {{"Authorization", "Test staff admin:0301"}}).status, 200);
  EXPECT_EQ(Get("/api/admin", {{"Authorization", "Test staff admin:*"}}).status, 200);
}

TEST_F(ServerTest, BadCredentialsAre401ExceptOnPublicRoutes) {
  TestResponse r = Get("/api/me", {{"Authorization", "Test bad"}});
  EXPECT_EQ(r.status, 401);
  EXPECT_EQ(Json(r).at("detail"), "the test token has expired");
  EXPECT_EQ(Get("/api/things/1", {{"Authorization", "Test bad"}}).status, 200);
}

TEST_F(ServerTest, CookieSessionsNeedTheCsrfTokenToChangeState) {
  TestClient client(port_);
  TestResponse r = client.Request("POST", "/api/things", {{"Cookie", "session=s1"}}, "{}");
  EXPECT_EQ(r.status, 403);
  EXPECT_EQ(Json(r).at("code"), "csrf");
  r = client.Request("POST", "/api/things", {{"Cookie", "session=s1"}, {"X-CSRF-Token", "no"}},
                     "{}");
  EXPECT_EQ(r.status, 403);
  r = client.Request("POST", "/api/things", {{"Cookie", "session=s1"}, {"X-CSRF-Token", "tok"}},
                     "{}");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(Json(r).at("body"), "{}");
  // Bearer-style credentials need no token; reading needs none either.
  EXPECT_EQ(client.Request("POST", "/api/things", {{"Authorization", "Test citizen"}}, "{}").status,
            200);
  EXPECT_EQ(client.Request("GET", "/api/me", {{"Cookie", "session=s1"}}).status, 200);
  EXPECT_EQ(client.Request("DELETE", "/api/things/1", {{"Cookie", "session=s1"}}).status, 403);
}

TEST_F(ServerTest, BlockingHandlersRunOnThePool) {
  TestResponse r = Get("/api/blocking");
  EXPECT_EQ(r.status, 200);
  EXPECT_NE(blocking_thread_, std::thread::id());
  EXPECT_NE(blocking_thread_, std::this_thread::get_id());
  // And the connection goes on afterwards.
  TestClient client(port_);
  for (int i = 0; i < 5; ++i) EXPECT_EQ(client.Request("GET", "/api/blocking").status, 200);
}

TEST_F(ServerTest, HandlerExceptionsAre500Problems) {
  TestResponse r = Get("/api/throw");
  EXPECT_EQ(r.status, 500);
  EXPECT_EQ(Json(r).at("code"), "internal");
  EXPECT_EQ(r.body.find("boom"), std::string::npos);
}

TEST_F(ServerTest, BodyLimitGives413AndCloses) {
  TestClient client(port_);
  TestResponse r = client.Request("POST", "/api/upload", {}, std::string(2000, 'x'));
  EXPECT_EQ(r.status, 413);
  EXPECT_EQ(Json(r).at("code"), "too-large");
  EXPECT_FALSE(r.keep_alive);
  // Chunked bodies are limited while reading.
  TestClient chunked(port_);
  chunked.Send(
      "POST /api/upload HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
      "400\r\n" +
      std::string(1024, 'a') + "\r\n10\r\n" + std::string(16, 'b') + "\r\n0\r\n\r\n");
  EXPECT_EQ(chunked.Read().status, 413);
  // Within the limit is fine.
  TestClient ok(port_);
  EXPECT_EQ(ok.Request("POST", "/api/upload", {}, std::string(1000, 'x')).status, 200);
}

TEST_F(ServerTest, HugeHeadersAre431AndGarbageIs400) {
  TestClient client(port_);
  EXPECT_EQ(client.Request("GET", "/api/things/1", {{"X-Big", std::string(20000, 'a')}}).status,
            431);
  TestClient garbage(port_);
  garbage.Send("NOT HTTP AT ALL\r\n\r\n");
  EXPECT_EQ(garbage.Read().status, 400);
  EXPECT_TRUE(garbage.ServerClosed());
}

TEST_F(ServerTest, KeepAliveAndPipelining) {
  TestClient client(port_);
  for (int i = 0; i < 3; ++i) {
    TestResponse r = client.Request("GET", "/api/things/" + std::to_string(i));
    EXPECT_EQ(r.status, 200);
    EXPECT_TRUE(r.keep_alive);
    EXPECT_EQ(Json(r).at("id").as_string(), std::to_string(i).c_str());
  }
  // Three requests in one write, one of them blocking: answered in order.
  client.Send(RawRequest("GET", "/api/things/a") + RawRequest("GET", "/api/blocking") +
              RawRequest("GET", "/api/things/c"));
  EXPECT_EQ(Json(client.Read()).at("id"), "a");
  EXPECT_EQ(Json(client.Read()).at("ok"), true);
  EXPECT_EQ(Json(client.Read()).at("id"), "c");
  // Connection: close is honoured.
  TestResponse last = client.Request("GET", "/api/things/d", {{"Connection", "close"}});
  EXPECT_FALSE(last.keep_alive);
  EXPECT_TRUE(client.ServerClosed());
}

TEST_F(ServerTest, Http10KeepsAliveOnlyWhenAsked) {
  TestClient client(port_);
  client.Send("GET /api/things/1 HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
  TestResponse r = client.Read();
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.Header("connection"), "keep-alive");
  client.Send("GET /api/things/2 HTTP/1.0\r\n\r\n");
  r = client.Read();
  EXPECT_EQ(Json(r).at("id"), "2");
  EXPECT_EQ(r.Header("connection"), "close");
  EXPECT_TRUE(client.ServerClosed());
}

TEST_F(ServerTest, HeadAnswersLikeGetWithoutBody) {
  TestClient client(port_);
  TestResponse get = client.Request("GET", "/api/things/1");
  TestResponse head = client.Request("HEAD", "/api/things/1");
  EXPECT_EQ(head.status, 200);
  EXPECT_EQ(head.Header("content-length"), std::to_string(get.body.size()));
  EXPECT_TRUE(head.body.empty());
  // The connection is still in step.
  EXPECT_EQ(client.Request("GET", "/api/things/2").status, 200);
  TestResponse static_head = client.Request("HEAD", "/");
  EXPECT_EQ(static_head.status, 200);
  EXPECT_EQ(static_head.Header("content-length"), "33");
}

TEST_F(ServerTest, SecurityAndCacheHeaders) {
  TestResponse api = Get("/api/things/1");
  EXPECT_EQ(api.Header("x-content-type-options"), "nosniff");
  EXPECT_EQ(api.Header("referrer-policy"), "same-origin");
  EXPECT_EQ(api.Header("cache-control"), "no-store");
  EXPECT_FALSE(api.Header("date").empty());
  TestResponse html = Get("/");
  EXPECT_EQ(html.Header("content-security-policy"), "default-src 'self'; frame-ancestors 'none'");
  EXPECT_EQ(html.Header("cache-control"), "no-cache");
  EXPECT_EQ(Get("/api/nothing").Header("cache-control"), "no-store");
}

TEST_F(ServerTest, StaticFilesAndSpaFallback) {
  TestResponse index = Get("/");
  EXPECT_EQ(index.status, 200);
  EXPECT_EQ(index.Header("content-type"), "text/html; charset=utf-8");
  EXPECT_EQ(index.body, "<!doctype html><title>app</title>");
  TestResponse js = Get("/assets/app-1234.js");
  EXPECT_EQ(js.status, 200);
  EXPECT_EQ(js.Header("content-type"), "text/javascript; charset=utf-8");
  EXPECT_EQ(js.Header("cache-control"), "public, max-age=31536000, immutable");
  EXPECT_EQ(js.body, "console.log(1)");
  EXPECT_EQ(Get("/favicon.ico").Header("content-type"), "image/x-icon");
  // App routes get index.html; a missing asset and API paths do not.
  EXPECT_EQ(Get("/offers/12").body, index.body);
  EXPECT_EQ(Get("/assets/missing.js").status, 404);
  EXPECT_EQ(Get("/api/v1/unknown").Header("content-type"), "application/problem+json");
  EXPECT_EQ(Get("/auth/unknown").status, 404);
  // Escapes are refused, raw or percent-encoded.
  EXPECT_EQ(Get("/../etc/passwd").status, 400);
  EXPECT_EQ(Get("/assets/%2e%2e/%2e%2e/etc/passwd").status, 400);
  EXPECT_EQ(Get("/assets/..%2findex.html").status, 400);
  // Only GET and HEAD.
  TestClient client(port_);
  EXPECT_EQ(client.Request("POST", "/", {}, "x").status, 404);
}

TEST_F(ServerTest, HealthFollowsTheDatabaseCheck) {
  TestResponse r = Get("/health");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, R"({"status":"ok","database":"ok"})");
  database_ok_ = false;
  EXPECT_EQ(Get("/health").status, 503);
}

TEST_F(ServerTest, MetricsCountRoutesAndStatusClasses) {
  Get("/health");
  Get("/api/nothing");
  Get("/");
  TestResponse r = Get("/metrics");  // from loopback: allowed
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.Header("content-type"), "text/plain; version=0.0.4; charset=utf-8");
  EXPECT_NE(r.body.find(R"(proaktiv_http_requests_total{route="health",status="2xx"} 1)"),
            std::string::npos)
      << r.body;
  EXPECT_NE(r.body.find(R"(proaktiv_http_requests_total{route="not_found",status="4xx"} 1)"),
            std::string::npos);
  EXPECT_NE(r.body.find(R"(proaktiv_http_requests_total{route="static",status="2xx"} 1)"),
            std::string::npos);
  EXPECT_NE(r.body.find("proaktiv_http_request_duration_seconds_count 3"), std::string::npos);
  EXPECT_NE(r.body.find("proaktiv_http_requests_in_flight 1"), std::string::npos);
  // Relayed by a proxy: not local any more.
  EXPECT_EQ(Get("/metrics", {{"X-Forwarded-For", "192.0.2.1"}}).status, 401);
  EXPECT_EQ(
      Get("/metrics", {{"X-Forwarded-For", "192.0.2.1"}, {"Authorization", "Test citizen"}}).status,
      403);
  EXPECT_EQ(
      Get("/metrics", {{"X-Forwarded-For", "192.0.2.1"}, {"Authorization", "Test staff metrics"}})
          .status,
      200);
}

TEST_F(ServerTest, AccessLogHasRouteNamesButNoPathOrQuery) {
  Get("/api/things/01010112345?pid=01010112345");
  Get("/api/me", {{"Authorization", "Test citizen"}});
  server_.reset();  // flushes the log
  const std::string log = Slurp(dir_ / "access.log");
  EXPECT_EQ(log.find("01010112345"), std::string::npos) << log;
  EXPECT_EQ(log.find("pid"), std::string::npos);
  EXPECT_EQ(log.find("/api"), std::string::npos);
  std::istringstream lines(log);
  std::string line;
  std::getline(lines, line);
  const auto first = boost::json::parse(line);
  EXPECT_EQ(first.at("route"), "showThing");
  EXPECT_EQ(first.at("method"), "GET");
  EXPECT_EQ(first.at("status"), 200);
  EXPECT_EQ(first.at("remote"), "127.0.0.1");
  EXPECT_EQ(first.at("principal"), "anonymous");
  EXPECT_TRUE(first.at("duration_us").is_int64());
  std::getline(lines, line);
  EXPECT_EQ(boost::json::parse(line).at("principal"), "citizen");
}

TEST_F(ServerTest, StopClosesIdleConnectionsQuickly) {
  TestClient idle(port_);
  EXPECT_EQ(idle.Request("GET", "/api/things/1").status, 200);
  const auto start = std::chrono::steady_clock::now();
  server_->Stop();
  server_->Wait();
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
  EXPECT_TRUE(idle.ServerClosed());
}

TEST_F(ServerTest, ExpectContinueIsAnswered) {
  TestClient client(port_);
  client.Send(
      "POST /api/upload HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n");
  EXPECT_EQ(client.Read().status, 100);
  client.Send("hello");
  TestResponse r = client.Read();
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(Json(r).at("body"), "hello");
}

TEST(ServerStartTest, BadAddressAndStaticDirAreErrors) {
  Router router;
  FakeAuthenticator auth;
  ServerOptions options;
  options.port = 0;
  options.address = "not-an-address";
  EXPECT_FALSE(Server(options, router, auth).Start().has_value());
  options.address = "127.0.0.1";
  options.static_dir = "/nonexistent/proaktiv";
  EXPECT_FALSE(Server(options, router, auth).Start().has_value());
}

}  // namespace
}  // namespace proaktiv::http::server
