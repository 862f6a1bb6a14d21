#include "http/server/server.h"

#include <array>
#include <atomic>
#include <mutex>
#include <thread>
#include <unordered_set>
#include <vector>

#include <fmt/format.h>
#include <spdlog/spdlog.h>
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/error.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/string.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>

#include "http/server/access_log.h"
#include "http/server/pipeline.h"
#include "http/server/response_head.h"
#include "http/server/static_files.h"

namespace proaktiv::http::server {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;

constexpr size_t kHeaderLimit = 16 * 1024;
constexpr std::chrono::seconds kStopGrace{10};
constexpr auto kTuple = asio::as_tuple(asio::use_awaitable);
constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";

Method ToMethod(bhttp::verb verb) {
  switch (verb) {
    case bhttp::verb::get:
      return Method::kGet;
    case bhttp::verb::head:
      return Method::kHead;
    case bhttp::verb::post:
      return Method::kPost;
    case bhttp::verb::put:
      return Method::kPut;
    case bhttp::verb::patch:
      return Method::kPatch;
    case bhttp::verb::delete_:
      return Method::kDelete;
    case bhttp::verb::options:
      return Method::kOptions;
    default:
      return Method::kOther;
  }
}

std::string_view View(beast::string_view s) { return std::string_view(s.data(), s.size()); }

// Fills `request` from a parsed message, reusing `request`'s buffers; moves the body out.
bool FillRequest(bhttp::request<bhttp::string_body>& message, Request& request) {
  request.method = ToMethod(message.method());
  if (!SplitTarget(View(message.target()), request.path, request.query)) return false;
  size_t n = 0;
  for (const auto& field : message) {
    if (n == request.headers.size()) request.headers.emplace_back();
    auto& [name, value] = request.headers[n++];
    name.assign(View(field.name_string()));
    for (char& c : name) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    value.assign(View(field.value()));
  }
  request.headers.resize(n);
  request.body = std::move(message.body());
  return true;
}

// Errors after which there is nobody to answer.
bool PeerGone(const beast::error_code& ec) {
  return ec == bhttp::error::end_of_stream || ec == asio::error::eof ||
         ec == asio::error::connection_reset || ec == asio::error::operation_aborted ||
         ec == asio::error::broken_pipe || ec == beast::error::timeout ||
         ec == bhttp::error::partial_message;
}

// A connection: its stream, and whether a request is in progress (only touched on the
// connection's strand).
struct Connection : std::enable_shared_from_this<Connection> {
  explicit Connection(tcp::socket socket) : stream(std::move(socket)) {}
  beast::tcp_stream stream;
  bool busy = false;
};

}  // namespace

struct Server::Impl {
  Impl(ServerOptions o, const Router& r, const Authenticator& a)
      : options(std::move(o)),
        router(r),
        authenticator(a),
        metrics(r),
        ioc(std::max(1, options.io_threads)),
        pool(static_cast<size_t>(std::max(1, options.blocking_threads))),
        control(asio::make_strand(ioc)),
        acceptor(control),
        grace_timer(control) {}

  asio::awaitable<void> Listen();
  asio::awaitable<void> Serve(std::shared_ptr<Connection> connection);
  // Records `reply` in the metrics and the access log, then writes it. False when the write
  // failed.
  asio::awaitable<bool> Respond(Connection& connection, Method method, Reply& reply,
                                bool keep_alive, bool http10, std::string_view remote,
                                std::chrono::steady_clock::time_point start, std::string& head);
  void Opened(Connection* connection);
  void Closed(Connection* connection);

  // Declared before the io_context and the pool: coroutine frames destroyed with them still
  // use these.
  ServerOptions options;
  const Router& router;
  const Authenticator& authenticator;
  Metrics metrics;
  std::unique_ptr<StaticFiles> static_files;
  std::unique_ptr<AccessLog> access_log;
  std::unique_ptr<Pipeline> pipeline;
  std::mutex mu;
  std::unordered_set<Connection*> connections;  // guarded by mu
  std::atomic<bool> stopping{false};
  bool started = false;

  asio::io_context ioc;
  asio::thread_pool pool;
  asio::strand<asio::io_context::executor_type> control;  // the acceptor and the grace timer
  tcp::acceptor acceptor;
  asio::steady_timer grace_timer;
  std::vector<std::thread> threads;
};

void Server::Impl::Opened(Connection* connection) {
  metrics.ConnectionOpened();
  std::lock_guard lock(mu);
  connections.insert(connection);
}

void Server::Impl::Closed(Connection* connection) {
  metrics.ConnectionClosed();
  bool last = false;
  {
    std::lock_guard lock(mu);
    connections.erase(connection);
    last = connections.empty();
  }
  if (last && stopping.load()) {
    asio::post(control, [this] { grace_timer.cancel(); });
  }
}

asio::awaitable<void> Server::Impl::Listen() {
  while (true) {
    auto [ec, socket] = co_await acceptor.async_accept(asio::make_strand(ioc), kTuple);
    if (ec) {
      if (ec == asio::error::operation_aborted || stopping.load() || !acceptor.is_open()) {
        co_return;
      }
      // Out of file descriptors or similar: wait a little instead of spinning.
      spdlog::warn("http: accept failed: {}", ec.message());
      asio::steady_timer pause(control, std::chrono::milliseconds(50));
      co_await pause.async_wait(kTuple);
      continue;
    }
    beast::error_code ignored;
    socket.set_option(tcp::no_delay(true), ignored);
    auto executor = socket.get_executor();
    asio::co_spawn(executor, Serve(std::make_shared<Connection>(tcp::socket(std::move(socket)))),
                   asio::detached);
  }
}

asio::awaitable<bool> Server::Impl::Respond(Connection& connection, Method method, Reply& reply,
                                            bool keep_alive, bool http10, std::string_view remote,
                                            std::chrono::steady_clock::time_point start,
                                            std::string& head) {
  const std::string_view body = reply.body();
  const int status = reply.response.status;
  const bool send_body = StatusHasBody(status) && method != Method::kHead;
  SerializeHead(reply.response, reply.content_type(), body.size(),
                HeadOptions{.keep_alive = keep_alive,
                            .announce_keep_alive = keep_alive && http10,
                            .default_cache_control = reply.cache_control},
                head);
  const std::array<asio::const_buffer, 2> buffers{
      asio::buffer(head), asio::buffer(body.data(), send_body ? body.size() : 0)};
  // Counted before the write, so that a client that has read the response sees it counted.
  const auto elapsed = std::chrono::steady_clock::now() - start;
  metrics.RequestFinished(reply.slot, status, elapsed);
  if (access_log != nullptr) {
    access_log->Write(AccessRecord{
        .method = method,
        .route = metrics.SlotName(reply.slot),
        .status = status,
        .bytes = send_body ? body.size() : 0,
        .duration_us = std::chrono::duration_cast<std::chrono::microseconds>(elapsed).count(),
        .remote = remote,
        .principal = reply.principal});
  }
  connection.stream.expires_after(options.idle_timeout);
  auto [ec, written] = co_await asio::async_write(connection.stream, buffers, kTuple);
  co_return !ec;
}

asio::awaitable<void> Server::Impl::Serve(std::shared_ptr<Connection> connection) {
  struct Registration {
    Impl& impl;
    Connection* connection;
    ~Registration() { impl.Closed(connection); }
  };
  Opened(connection.get());
  const Registration registration{*this, connection.get()};

  beast::error_code ec;
  std::string remote;
  if (auto endpoint = connection->stream.socket().remote_endpoint(ec); !ec) {
    remote = endpoint.address().to_string();
  }
  beast::flat_buffer buffer;
  std::string head;
  head.reserve(1024);
  Request request;
  request.remote_address = remote;
  bool drain = false;  // after a refused request: read what the client still sends, then close

  while (!stopping.load(std::memory_order_acquire)) {
    connection->busy = false;
    bhttp::request_parser<bhttp::string_body> parser;
    parser.header_limit(kHeaderLimit);
    parser.body_limit(options.body_limit);
    connection->stream.expires_after(options.idle_timeout);
    auto [read_error, header_bytes] =
        co_await bhttp::async_read_header(connection->stream, buffer, parser, kTuple);
    connection->busy = true;
    auto start = std::chrono::steady_clock::now();
    if (!read_error && !parser.is_done()) {
      if (beast::iequals(parser.get()[bhttp::field::expect], "100-continue")) {
        connection->stream.expires_after(options.idle_timeout);
        auto [continue_error, n] = co_await asio::async_write(
            connection->stream, asio::buffer(kContinue.data(), kContinue.size()), kTuple);
        if (continue_error) break;
      }
      connection->stream.expires_after(options.idle_timeout);
      auto [body_error, body_bytes] =
          co_await bhttp::async_read(connection->stream, buffer, parser, kTuple);
      read_error = body_error;
    }
    if (read_error && PeerGone(read_error)) break;

    metrics.RequestStarted();
    Reply reply;
    if (read_error || !FillRequest(parser.get(), request)) {
      reply.slot = metrics.rejected_slot();
      if (read_error == bhttp::error::body_limit) {
        reply.response = Response::Problem(
            413, "too-large",
            fmt::format("The request body is larger than {} bytes.", options.body_limit));
      } else if (read_error == bhttp::error::header_limit) {
        reply.response = Response::Problem(431, "headers-too-large",
                                           "The request's headers are larger than 16 KiB.");
      } else {
        reply.response = Response::Problem(400, "bad-request", "The request is malformed.");
      }
      const Method method = read_error ? Method::kOther : request.method;
      co_await Respond(*connection, method, reply, false, false, remote, start, head);
      drain = true;
      break;
    }

    const bool keep_alive = parser.get().keep_alive() && !stopping.load();
    const bool http10 = parser.get().version() == 10;
    Router::Match match;
    if (pipeline->Plan(request, match, reply)) {
      if (match.route->options.blocking) {
        co_await asio::co_spawn(
            pool,
            [&]() -> asio::awaitable<void> {
              pipeline->Run(request, match, reply);
              co_return;
            },
            asio::use_awaitable);
      } else {
        pipeline->Run(request, match, reply);
      }
    }
    if (!co_await Respond(*connection, request.method, reply, keep_alive, http10, remote, start,
                          head)) {
      break;
    }
    if (!keep_alive) break;
  }

  auto& socket = connection->stream.socket();
  socket.shutdown(tcp::socket::shutdown_send, ec);
  if (drain) {
    // Closing with unread input would reset the connection and could destroy the response
    // before the client reads it.
    std::array<char, 16 * 1024> sink;
    size_t drained = 0;
    connection->stream.expires_after(std::chrono::seconds(2));
    while (drained < 4 * 1024 * 1024) {
      auto [drain_error, n] =
          co_await connection->stream.async_read_some(asio::buffer(sink), kTuple);
      if (drain_error) break;
      drained += n;
    }
  }
  socket.close(ec);
}

Server::Server(ServerOptions options, const Router& router, const Authenticator& authenticator)
    : impl_(std::make_unique<Impl>(std::move(options), router, authenticator)) {}

Server::~Server() {
  Stop();
  Wait();
}

Metrics& Server::metrics() { return impl_->metrics; }

Result<uint16_t> Server::Start() {
  Impl& impl = *impl_;
  if (impl.started) return FailedPrecondition("the server was already started");
  if (!impl.options.static_dir.empty()) {
    PROAKTIV_ASSIGN_OR_RETURN(impl.static_files, StaticFiles::Load(impl.options.static_dir));
  }
  if (impl.options.access_log) {
    PROAKTIV_ASSIGN_OR_RETURN(impl.access_log, AccessLog::Open(impl.options.access_log_file));
  }
  impl.pipeline = std::make_unique<Pipeline>(impl.router, impl.authenticator,
                                             impl.static_files.get(), impl.metrics);
  beast::error_code ec;
  const auto address = asio::ip::make_address(impl.options.address, ec);
  if (ec) {
    return InvalidArgument(fmt::format("address '{}' is not an IP address", impl.options.address));
  }
  const tcp::endpoint endpoint(address, impl.options.port);
  auto fail = [&](std::string_view what) {
    return Unavailable(fmt::format("cannot {} {}:{}: {}", what, impl.options.address,
                                   impl.options.port, ec.message()));
  };
  if (impl.acceptor.open(endpoint.protocol(), ec); ec) return fail("open a socket for");
  if (impl.acceptor.set_option(tcp::acceptor::reuse_address(true), ec); ec) return fail("set up");
  if (impl.acceptor.bind(endpoint, ec); ec) return fail("bind");
  if (impl.acceptor.listen(asio::socket_base::max_listen_connections, ec); ec) {
    return fail("listen on");
  }
  const uint16_t port = impl.acceptor.local_endpoint(ec).port();
  impl.started = true;
  asio::co_spawn(impl.control, impl.Listen(), asio::detached);
  for (int i = 0; i < std::max(1, impl.options.io_threads); ++i) {
    impl.threads.emplace_back([&impl] { impl.ioc.run(); });
  }
  return port;
}

void Server::Stop() {
  Impl& impl = *impl_;
  if (impl.stopping.exchange(true)) return;
  asio::post(impl.control, [&impl] {
    beast::error_code ec;
    impl.acceptor.close(ec);
    std::vector<std::shared_ptr<Connection>> open;
    {
      std::lock_guard lock(impl.mu);
      for (Connection* c : impl.connections) open.push_back(c->shared_from_this());
    }
    for (auto& c : open) {
      asio::post(c->stream.get_executor(), [c] {
        if (!c->busy) c->stream.cancel();  // idle: waiting for a request
      });
    }
    if (!open.empty()) {
      impl.grace_timer.expires_after(kStopGrace);
      impl.grace_timer.async_wait([&impl](const beast::error_code& error) {
        if (!error) impl.ioc.stop();  // stragglers
      });
    }
  });
}

void Server::Wait() {
  for (std::thread& t : impl_->threads) {
    if (t.joinable()) t.join();
  }
  impl_->pool.join();
}

}  // namespace proaktiv::http::server
