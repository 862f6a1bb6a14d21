#pragma once

// The access log: one JSON line per request,
//   {"time":"2024-03-01T12:00:00.123Z","method":"GET","route":"listOffers","status":200,
//    "bytes":512,"duration_us":840,"remote":"127.0.0.1","principal":"citizen"}
// The raw path and query are NEVER logged (they may hold identity numbers): only the route's
// name (its OpenAPI operationId, or "static", "not_found", …).
//
// Write() formats the line on the caller's thread and appends it to an in-memory buffer; a
// background thread writes the buffer out every 100 ms (or sooner when it grows past 64 KiB).
// When the writer falls more than 4 MiB behind, lines are dropped and counted rather than
// slowing requests down. Thread-safety: Write() may be called from any thread; the mutex it
// takes guards only an append to the buffer.

#include <condition_variable>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>

#include "common/result.h"
#include "http/message.h"
#include "http/principal.h"

namespace proaktiv::http::server {

struct AccessRecord {
  Method method = Method::kGet;
  std::string_view route;  // the route's name, never the path
  int status = 0;
  uint64_t bytes = 0;  // body bytes sent
  int64_t duration_us = 0;
  std::string_view remote;  // the peer's IP address
  Principal::Kind principal = Principal::Kind::kAnonymous;
};

class AccessLog {
 public:
  // "" or "-": standard error; otherwise the file, appended to (created when missing).
  static Result<std::unique_ptr<AccessLog>> Open(const std::string& target);

  // Writes to `file`, closing it at the end when `owned`.
  AccessLog(std::FILE* file, bool owned);
  ~AccessLog();  // writes out what is buffered
  AccessLog(const AccessLog&) = delete;
  AccessLog& operator=(const AccessLog&) = delete;

  void Write(const AccessRecord& record);
  // Blocks until every line written before the call is in the file.
  void Flush();
  uint64_t dropped() const;

 private:
  void Run();

  std::FILE* file_;
  bool owned_;
  mutable std::mutex mu_;
  std::condition_variable wake_;
  std::condition_variable flushed_;
  std::string pending_;    // guarded by mu_
  uint64_t appended_ = 0;  // guarded by mu_: lines appended so far
  uint64_t written_ = 0;   // guarded by mu_: lines written out so far
  uint64_t dropped_ = 0;   // guarded by mu_
  bool stop_ = false;      // guarded by mu_
  std::thread writer_;
};

}  // namespace proaktiv::http::server
