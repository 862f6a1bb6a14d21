#include "http/auth/http_fetch.h"

#include <exception>
#include <optional>

#include <fmt/format.h>
#include <openssl/ssl.h>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <boost/url/parse.hpp>

namespace proaktiv::http::auth {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
namespace ssl = asio::ssl;
using tcp = asio::ip::tcp;

struct Target {
  bool tls = false;
  std::string host;
  std::string port;
  std::string host_header;
  std::string target;   // path and query
  std::string display;  // scheme://host:port/path, for errors (no query)
};

Result<Target> ParseTarget(std::string_view url) {
  auto parsed = boost::urls::parse_absolute_uri(url);
  if (!parsed) return InvalidArgument("the URL is not an absolute http(s) URL");
  Target t;
  const std::string scheme(parsed->scheme());
  if (scheme == "https") {
    t.tls = true;
  } else if (scheme != "http") {
    return InvalidArgument(fmt::format("the URL's scheme \"{}\" is not http or https", scheme));
  }
  t.host = std::string(parsed->host_address());
  if (t.host.empty()) return InvalidArgument("the URL has no host");
  t.port = parsed->has_port() ? std::string(parsed->port()) : (t.tls ? "443" : "80");
  t.host_header = std::string(parsed->encoded_host_and_port());
  t.target = std::string(parsed->encoded_path());
  if (t.target.empty()) t.target = "/";
  const std::string path = t.target;
  if (parsed->has_query()) t.target += "?" + std::string(parsed->encoded_query());
  t.display = fmt::format("{}://{}:{}{}", scheme, t.host, t.port, path);
  return t;
}

class BeastFetcher final : public HttpFetcher {
 public:
  BeastFetcher(FetchOptions options, std::unique_ptr<ssl::context> tls)
      : options_(std::move(options)), tls_(std::move(tls)) {}

  Result<FetchResponse> Fetch(const FetchRequest& request) const override {
    PROAKTIV_ASSIGN_OR_RETURN(Target target, ParseTarget(request.url));
    asio::io_context ioc;
    FetchResponse response;
    std::optional<std::string> failure;
    asio::co_spawn(ioc, Run(ioc, target, request, response), [&](std::exception_ptr e) {
      if (!e) return;
      try {
        std::rethrow_exception(e);
      } catch (const boost::system::system_error& error) {
        failure = error.code() == beast::error::timeout
                      ? fmt::format("no answer within {} ms", options_.timeout.count())
                      : error.code().message();
      } catch (const std::exception& error) {
        failure = error.what();
      }
    });
    ioc.run();
    if (failure) {
      return Unavailable(fmt::format("{} {}: {}", request.method, target.display, *failure));
    }
    return response;
  }

 private:
  template <typename Stream>
  asio::awaitable<void> Exchange(Stream& stream, const Target& target, const FetchRequest& request,
                                 FetchResponse& out) const {
    bhttp::request<bhttp::string_body> req;
    req.method(request.method == "POST" ? bhttp::verb::post : bhttp::verb::get);
    req.target(target.target);
    req.version(11);
    req.set(bhttp::field::host, target.host_header);
    req.set(bhttp::field::user_agent, options_.user_agent);
    req.set(bhttp::field::accept, "application/json");
    req.set(bhttp::field::connection, "close");
    for (const auto& [name, value] : request.headers) req.set(name, value);
    if (!request.content_type.empty()) req.set(bhttp::field::content_type, request.content_type);
    if (request.method == "POST" || !request.body.empty()) {
      req.body() = request.body;
      req.prepare_payload();
    }
    co_await bhttp::async_write(stream, req, asio::use_awaitable);

    beast::flat_buffer buffer;
    bhttp::response_parser<bhttp::string_body> parser;
    parser.body_limit(options_.max_body_bytes);
    co_await bhttp::async_read(stream, buffer, parser, asio::use_awaitable);
    auto& res = parser.get();
    out.status = static_cast<int>(res.result_int());
    for (const auto& field : res) {
      std::string name(field.name_string());
      for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      out.headers.emplace_back(std::move(name), std::string(field.value()));
    }
    out.body = std::move(res.body());
  }

  asio::awaitable<void> Run(asio::io_context& ioc, const Target& target,
                            const FetchRequest& request, FetchResponse& out) const {
    const auto deadline = std::chrono::steady_clock::now() + options_.timeout;
    tcp::resolver resolver(ioc);
    // Resolution has no deadline of its own in Asio; loopback and literal addresses need none.
    auto endpoints = co_await resolver.async_resolve(target.host, target.port, asio::use_awaitable);
    if (!target.tls) {
      beast::tcp_stream stream(ioc);
      stream.expires_at(deadline);
      co_await stream.async_connect(endpoints, asio::use_awaitable);
      co_await Exchange(stream, target, request, out);
      beast::error_code ignored;
      stream.socket().shutdown(tcp::socket::shutdown_both, ignored);
      co_return;
    }
    beast::ssl_stream<beast::tcp_stream> stream(ioc, *tls_);
    if (!SSL_set_tlsext_host_name(stream.native_handle(), target.host.c_str())) {
      throw std::runtime_error("cannot set the TLS server name");
    }
    stream.set_verify_mode(ssl::verify_peer);
    stream.set_verify_callback(ssl::host_name_verification(target.host));
    beast::get_lowest_layer(stream).expires_at(deadline);
    co_await beast::get_lowest_layer(stream).async_connect(endpoints, asio::use_awaitable);
    co_await stream.async_handshake(ssl::stream_base::client, asio::use_awaitable);
    co_await Exchange(stream, target, request, out);
    // The response is complete (Connection: close); a TLS shutdown adds nothing.
  }

  const FetchOptions options_;
  const std::unique_ptr<ssl::context> tls_;
};

}  // namespace

std::string_view FetchResponse::Header(std::string_view lower_name) const {
  for (const auto& [name, value] : headers) {
    if (name == lower_name) return value;
  }
  return {};
}

Result<FetchResponse> HttpFetcher::Get(std::string url) const {
  FetchRequest request;
  request.url = std::move(url);
  return Fetch(request);
}

Result<FetchResponse> HttpFetcher::PostForm(std::string url, const FormFields& fields) const {
  FetchRequest request;
  request.method = "POST";
  request.url = std::move(url);
  request.content_type = "application/x-www-form-urlencoded";
  request.body = FormEncode(fields);
  return Fetch(request);
}

Result<std::unique_ptr<HttpFetcher>> MakeHttpFetcher(FetchOptions options) {
  auto tls = std::make_unique<ssl::context>(ssl::context::tls_client);
  boost::system::error_code ec;
  tls->set_default_verify_paths(ec);
  if (ec) return Unavailable(fmt::format("cannot load the system CA store: {}", ec.message()));
  if (!options.extra_ca_file.empty()) {
    tls->load_verify_file(options.extra_ca_file, ec);
    if (ec) {
      return InvalidArgument(
          fmt::format("cannot read CA file {}: {}", options.extra_ca_file, ec.message()));
    }
  }
  tls->set_verify_mode(ssl::verify_peer);
  return std::unique_ptr<HttpFetcher>(new BeastFetcher(std::move(options), std::move(tls)));
}

}  // namespace proaktiv::http::auth
