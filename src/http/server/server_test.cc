// Routing, access, handlers, static files and the ops routes of the server.
#include "http/server/server.h"

#include <string>
#include <thread>

#include <gtest/gtest.h>
#include <boost/json.hpp>

#include "http/server/server_fixture.h"
#include "http/server/test_client.h"

namespace proaktiv::http::server {
namespace {

using testing::FakeAuthenticator;
using testing::ServerTest;
using testing::Slurp;
using testing::TestClient;
using testing::TestResponse;

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
