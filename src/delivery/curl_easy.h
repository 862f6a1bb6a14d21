#pragma once

// The libcurl glue the SMTP and HTTP gateway adapters share: process-wide initialisation (once,
// thread-safe), an owned easy handle, and libcurl's failures as proaktiv errors.
//
// Ownership: CurlEasy owns its CURL* and frees it on destruction; it is movable, not copyable.
// An easy handle keeps its connection cache, so one CurlEasy reused for many transfers reuses
// the connection to the same server. Thread-safety: a CurlEasy is used by one thread at a time
// (the channels guard theirs with a mutex).

#include <curl/curl.h>

#include <array>
#include <chrono>
#include <memory>
#include <string>
#include <string_view>

#include "common/result.h"

namespace proaktiv::delivery {

class CurlEasy {
 public:
  // kInternal when libcurl cannot be initialised or cannot make a handle.
  static Result<CurlEasy> Create();

  CURL* get() const { return handle_.get(); }
  // The text libcurl left in its error buffer for the last transfer ("" when none).
  const char* error_text() const { return error_->data(); }
  // Clears the error buffer before a transfer.
  void ClearError() { (*error_)[0] = '\0'; }

 private:
  struct Deleter {
    void operator()(CURL* handle) const { curl_easy_cleanup(handle); }
  };
  std::unique_ptr<CURL, Deleter> handle_;
  std::unique_ptr<std::array<char, CURL_ERROR_SIZE + 1>> error_;
};

// Sets the connect and whole-transfer timeouts (milliseconds) on `easy`.
void SetCurlTimeouts(CURL* easy, std::chrono::milliseconds connect_timeout,
                     std::chrono::milliseconds timeout);

// "<what>: <libcurl's text for code>[ (<error buffer>)]".
std::string CurlFailure(std::string_view what, CURLcode code, const char* error_text);

}  // namespace proaktiv::delivery
