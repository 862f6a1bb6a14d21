#include "http/server/test_client.h"

#include <stdexcept>

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>

namespace proaktiv::http::server::testing {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;

struct TestClient::Impl {
  asio::io_context ioc;
  tcp::socket socket{ioc};
  beast::flat_buffer buffer;
};

TestClient::TestClient(uint16_t port) : impl_(std::make_unique<Impl>()) {
  impl_->socket.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port));
}

TestClient::~TestClient() = default;

void TestClient::Send(std::string_view bytes) {
  asio::write(impl_->socket, asio::buffer(bytes.data(), bytes.size()));
}

TestResponse TestClient::Read(bool head) {
  bhttp::response_parser<bhttp::string_body> parser;
  parser.body_limit(64 * 1024 * 1024);
  parser.skip(head);
  bhttp::read(impl_->socket, impl_->buffer, parser);
  auto& message = parser.get();
  TestResponse out;
  out.status = static_cast<int>(message.result_int());
  for (const auto& field : message) {
    std::string name(field.name_string());
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    out.headers[name] = std::string(field.value());
  }
  out.body = std::move(message.body());
  out.keep_alive = message.keep_alive();
  return out;
}

TestResponse TestClient::Request(std::string_view method, std::string_view target,
                                 const std::vector<std::pair<std::string, std::string>>& headers,
                                 std::string_view body) {
  Send(RawRequest(method, target, headers, body));
  return Read(method == "HEAD");
}

bool TestClient::ServerClosed() {
  beast::error_code ec;
  char byte;
  if (impl_->buffer.size() > 0) return false;
  impl_->socket.read_some(asio::buffer(&byte, 1), ec);
  return ec == asio::error::eof || ec == asio::error::connection_reset;
}

std::string RawRequest(std::string_view method, std::string_view target,
                       const std::vector<std::pair<std::string, std::string>>& headers,
                       std::string_view body) {
  std::string out;
  out.append(method).append(" ").append(target).append(" HTTP/1.1\r\nHost: 127.0.0.1\r\n");
  for (const auto& [name, value] : headers) out.append(name).append(": ").append(value) += "\r\n";
  if (!body.empty() || method == "POST" || method == "PUT" || method == "PATCH") {
    out.append("Content-Length: ").append(std::to_string(body.size())) += "\r\n";
  }
  out += "\r\n";
  out.append(body);
  return out;
}

}  // namespace proaktiv::http::server::testing
