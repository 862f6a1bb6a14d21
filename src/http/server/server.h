#pragma once

// The HTTP/1.1 server: Boost.Beast with C++20 coroutines on one io_context run by
// `io_threads` threads (a strand per connection), plus a thread pool of `blocking_threads` for
// routes with RouteOptions::blocking. What happens to each request is described in
// http/server/pipeline.h; this file owns the sockets.
//
//   Server server(options, router, authenticator);
//   PROAKTIV_ASSIGN_OR_RETURN(uint16_t port, server.Start());
//   …
//   server.Stop();   // from any thread, e.g. a signal handler's thread
//   server.Wait();
//
// Connections: keep-alive (HTTP/1.1 default; HTTP/1.0 with "Connection: keep-alive"),
// pipelined requests answered in order. Limits: request head 16 KiB (431), body `body_limit`
// (413, checked against Content-Length before the body is read, and while reading a chunked
// body), `idle_timeout` for each read and write (a silent or slow client is disconnected).
// Malformed requests get a 400 and the connection is closed. "Expect: 100-continue" is
// answered. Every response carries the security headers of http/server/response_head.h and
// "Cache-Control: no-store" unless it is a static file or sets its own.
//
// Stop(): stops accepting, closes idle connections, lets requests in progress finish (and
// closes their connections after the response), and gives up on stragglers after 10 s.
//
// Thread-safety: Start once; Stop and metrics() from any thread; Wait from one thread. The
// Router and Authenticator must outlive the Server, and the Router must not change once the
// Server is constructed.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "common/result.h"
#include "http/principal.h"
#include "http/router.h"
#include "http/server/metrics.h"

namespace proaktiv::http::server {

struct ServerOptions {
  std::string address = "127.0.0.1";
  uint16_t port = 8080;  // 0: the system picks a free port (Start returns it)
  int io_threads = 2;
  int blocking_threads = 2;
  std::string static_dir;  // the built web app; "" serves no static files
  size_t body_limit = 8 * 1024 * 1024;
  std::chrono::seconds idle_timeout{30};
  bool access_log = true;
  std::string access_log_file = "-";  // "-" or "": standard error
};

class Server {
 public:
  Server(ServerOptions options, const Router& router, const Authenticator& authenticator);
  ~Server();  // Stop() and Wait()
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Loads the static files, opens the access log, binds and listens, starts the threads.
  // Returns the bound port.
  Result<uint16_t> Start();
  void Stop();
  // Blocks until the server has stopped (after Stop) and its threads have ended.
  void Wait();

  Metrics& metrics();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace proaktiv::http::server
