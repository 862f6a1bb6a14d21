#pragma once

// A blocking HTTP/1.1 client over one loopback connection, for the server tests: sends raw
// bytes and reads responses with Beast's parser. Not thread-safe.

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace proaktiv::http::server::testing {

struct TestResponse {
  int status = 0;
  std::map<std::string, std::string> headers;  // lower-case names
  std::string body;
  bool keep_alive = true;

  std::string Header(const std::string& lower_name) const {
    auto it = headers.find(lower_name);
    return it == headers.end() ? std::string() : it->second;
  }
};

class TestClient {
 public:
  explicit TestClient(uint16_t port);
  ~TestClient();

  void Send(std::string_view bytes);
  // Reads one response; `head` when it answers a HEAD request (no body follows).
  TestResponse Read(bool head = false);
  // Sends a request (adds Host and Content-Length) and reads its response.
  TestResponse Request(std::string_view method, std::string_view target,
                       const std::vector<std::pair<std::string, std::string>>& headers = {},
                       std::string_view body = {});
  // True when the server closed the connection (reading hits end of stream).
  bool ServerClosed();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The request bytes for Send.
std::string RawRequest(std::string_view method, std::string_view target,
                       const std::vector<std::pair<std::string, std::string>>& headers = {},
                       std::string_view body = {});

}  // namespace proaktiv::http::server::testing
