#include "delivery/curl_easy.h"

#include <mutex>

#include <fmt/format.h>

namespace proaktiv::delivery {
namespace {

CURLcode GlobalInit() {
  static std::once_flag once;
  static CURLcode result = CURLE_OK;
  std::call_once(once, [] { result = curl_global_init(CURL_GLOBAL_DEFAULT); });
  return result;
}

}  // namespace

Result<CurlEasy> CurlEasy::Create() {
  if (const CURLcode code = GlobalInit(); code != CURLE_OK) {
    return Internal(fmt::format("libcurl: initialisation failed: {}", curl_easy_strerror(code)));
  }
  CurlEasy easy;
  easy.handle_.reset(curl_easy_init());
  if (!easy.handle_) return Internal("libcurl: cannot create an easy handle");
  easy.error_ = std::make_unique<std::array<char, CURL_ERROR_SIZE + 1>>();
  easy.ClearError();
  curl_easy_setopt(easy.get(), CURLOPT_ERRORBUFFER, easy.error_->data());
  curl_easy_setopt(easy.get(), CURLOPT_NOSIGNAL, 1L);
  return easy;
}

void SetCurlTimeouts(CURL* easy, std::chrono::milliseconds connect_timeout,
                     std::chrono::milliseconds timeout) {
  curl_easy_setopt(easy, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(connect_timeout.count()));
  curl_easy_setopt(easy, CURLOPT_TIMEOUT_MS, static_cast<long>(timeout.count()));
}

std::string CurlFailure(std::string_view what, CURLcode code, const char* error_text) {
  std::string text = fmt::format("{}: {}", what, curl_easy_strerror(code));
  if (error_text != nullptr && error_text[0] != '\0') text += fmt::format(" ({})", error_text);
  return text;
}

}  // namespace proaktiv::delivery
