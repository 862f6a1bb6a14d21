#include "http/auth/http_fetch.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <functional>
#include <thread>

#include <gtest/gtest.h>

namespace proaktiv::http::auth {
namespace {

// A one-connection-at-a-time HTTP server on a loopback port, without Beast: it reads a request
// up to the end of its body and answers with `respond(request_text)` ("" = never answer).
class TinyServer {
 public:
  explicit TinyServer(std::function<std::string(const std::string&)> respond)
      : respond_(std::move(respond)) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    ::bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
    ::listen(fd_, 8);
    socklen_t len = sizeof addr;
    ::getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &len);
    port_ = ntohs(addr.sin_port);
    thread_ = std::thread([this] { Serve(); });
  }
  ~TinyServer() {
    stop_ = true;
    ::shutdown(fd_, SHUT_RDWR);
    ::close(fd_);
    thread_.join();
  }
  int port() const { return port_; }
  std::string last_request() const { return last_request_; }

 private:
  void Serve() {
    while (!stop_) {
      const int client = ::accept(fd_, nullptr, nullptr);
      if (client < 0) return;
      std::string text;
      char buf[4096];
      while (true) {
        const size_t end = text.find("\r\n\r\n");
        if (end != std::string::npos) {
          size_t length = 0;
          const size_t cl = text.find("Content-Length: ");
          if (cl != std::string::npos && cl < end) length = std::stoul(text.substr(cl + 16));
          if (text.size() >= end + 4 + length) break;
        }
        const ssize_t n = ::recv(client, buf, sizeof buf, 0);
        if (n <= 0) break;
        text.append(buf, static_cast<size_t>(n));
      }
      last_request_ = text;
      const std::string answer = respond_(text);
      if (answer.empty()) {
        // Hold the connection without answering for up to 3 s (or until the server stops).
        for (int i = 0; i < 300 && !stop_; ++i) {
          std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
      } else {
        ::send(client, answer.data(), answer.size(), MSG_NOSIGNAL);
      }
      ::close(client);
    }
  }

  std::function<std::string(const std::string&)> respond_;
  int fd_ = -1;
  int port_ = 0;
  std::atomic<bool> stop_{false};
  std::string last_request_;
  std::thread thread_;
};

std::string Answer(std::string_view body) {
  return "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nX-Test: yes\r\nContent-Length: " +
         std::to_string(body.size()) + "\r\nConnection: close\r\n\r\n" + std::string(body);
}

std::unique_ptr<HttpFetcher> Fetcher(std::chrono::milliseconds timeout = std::chrono::seconds(5)) {
  FetchOptions options;
  options.timeout = timeout;
  return std::move(*MakeHttpFetcher(options));
}

TEST(HttpFetchTest, GetsAndPostsForms) {
  TinyServer server([](const std::string&) { return Answer(R"({"ok":true})"); });
  const std::string base = "http://127.0.0.1:" + std::to_string(server.port());
  auto got = Fetcher()->Get(base + "/.well-known/openid-configuration?x=1");
  ASSERT_TRUE(got) << got.error().message;
  EXPECT_EQ(got->status, 200);
  EXPECT_EQ(got->body, R"({"ok":true})");
  EXPECT_EQ(got->Header("x-test"), "yes");
  EXPECT_TRUE(
      server.last_request().starts_with("GET /.well-known/openid-configuration?x=1 HTTP/1.1"));

  auto posted = Fetcher()->PostForm(base + "/token", {{"code", "a b&c"}, {"grant_type", "x"}});
  ASSERT_TRUE(posted) << posted.error().message;
  const std::string request = server.last_request();
  EXPECT_NE(request.find("Content-Type: application/x-www-form-urlencoded"), std::string::npos);
  EXPECT_TRUE(request.ends_with("\r\n\r\ncode=a%20b%26c&grant_type=x")) << request;
}

TEST(HttpFetchTest, TimesOutAndNamesTheTargetWithoutTheQuery) {
  TinyServer server([](const std::string&) { return std::string(); });
  const std::string url =
      "http://127.0.0.1:" + std::to_string(server.port()) + "/slow?code=secret-code";
  const auto start = std::chrono::steady_clock::now();
  auto got = Fetcher(std::chrono::milliseconds(150))->Get(url);
  ASSERT_FALSE(got);
  // Well before the server would give up (3 s), even on a loaded machine under sanitizers.
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(2000));
  EXPECT_EQ(got.error().code, ErrorCode::kUnavailable);
  EXPECT_EQ(got.error().message, "GET http://127.0.0.1:" + std::to_string(server.port()) +
                                     "/slow: no answer within 150 ms");
}

TEST(HttpFetchTest, ReportsRefusedConnectionsAndBadUrls) {
  int port = 0;
  {
    TinyServer server([](const std::string&) { return std::string(); });
    port = server.port();
  }
  auto refused = Fetcher()->Get("http://127.0.0.1:" + std::to_string(port) + "/x");
  ASSERT_FALSE(refused);
  EXPECT_NE(refused.error().message.find("refused"), std::string::npos) << refused.error().message;
  EXPECT_FALSE(Fetcher()->Get("ftp://127.0.0.1/x"));
  EXPECT_FALSE(Fetcher()->Get("not a url"));
}

TEST(HttpFetchTest, HttpsRefusesAPeerThatIsNotTls) {
  TinyServer server([](const std::string&) { return Answer("{}"); });
  auto got = Fetcher()->Get("https://127.0.0.1:" + std::to_string(server.port()) + "/x");
  ASSERT_FALSE(got);
  EXPECT_TRUE(got.error().message.starts_with("GET https://127.0.0.1:")) << got.error().message;
}

TEST(HttpFetchTest, LimitsTheBody) {
  TinyServer server([](const std::string&) { return Answer(std::string(5000, 'x')); });
  FetchOptions options;
  options.max_body_bytes = 1000;
  auto fetcher = std::move(*MakeHttpFetcher(options));
  EXPECT_FALSE(fetcher->Get("http://127.0.0.1:" + std::to_string(server.port()) + "/big"));
  options.extra_ca_file = "/nonexistent/ca.pem";
  EXPECT_FALSE(MakeHttpFetcher(options));
}

TEST(FormTest, EncodesAndDecodes) {
  EXPECT_EQ(UrlEncode("a b/c?d=é"), "a%20b%2Fc%3Fd%3D%C3%A9");
  auto fields = FormDecode("a=1&b=x+y%21&&c&d=%zz");
  ASSERT_EQ(fields.size(), 4u);
  EXPECT_EQ(fields[1].second, "x y!");
  EXPECT_EQ(fields[2].first, "c");
  EXPECT_EQ(fields[3].second, "%zz");
  EXPECT_EQ(FormValue(fields, "b"), "x y!");
  EXPECT_FALSE(FormValue(fields, "z"));
  EXPECT_EQ(FormDecode(FormEncode({{"k", "v&=+ "}}))[0].second, "v&=+ ");
}

}  // namespace
}  // namespace proaktiv::http::auth
