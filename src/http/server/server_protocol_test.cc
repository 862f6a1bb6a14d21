// The server's HTTP/1.x behaviour: limits, persistent connections, HEAD, Expect: 100-continue,
// the headers every response carries, and stopping.
#include <string>

#include <gtest/gtest.h>

#include "http/server/server.h"
#include "http/server/server_fixture.h"
#include "http/server/test_client.h"

namespace proaktiv::http::server {
namespace {

using testing::RawRequest;
using testing::ServerTest;
using testing::TestClient;
using testing::TestResponse;

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

}  // namespace
}  // namespace proaktiv::http::server
