#include "http/server/response_head.h"

#include <charconv>
#include <ctime>

namespace proaktiv::http::server {
namespace {

int Hex(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

void AppendNumber(std::string& out, uint64_t n) {
  char digits[24];
  auto [end, ec] = std::to_chars(digits, digits + sizeof digits, n);
  (void)ec;
  out.append(digits, end);
}

// Appends a header value with CR and LF replaced by spaces.
void AppendValue(std::string& out, std::string_view value) {
  const size_t start = out.size();
  out += value;
  for (size_t i = start; i < out.size(); ++i) {
    if (out[i] == '\r' || out[i] == '\n') out[i] = ' ';
  }
}

bool IEquals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i];
    char y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

// "Date: Fri, 01 Mar 2024 12:00:00 GMT\r\n" for the current second, cached per thread.
std::string_view DateLine() {
  thread_local std::time_t cached = -1;
  thread_local char line[64];
  thread_local size_t length = 0;
  const std::time_t now = std::time(nullptr);
  if (now != cached) {
    std::tm tm{};
    gmtime_r(&now, &tm);
    length = std::strftime(line, sizeof line, "Date: %a, %d %b %Y %H:%M:%S GMT\r\n", &tm);
    cached = now;
  }
  return std::string_view(line, length);
}

}  // namespace

bool StatusHasBody(int status) { return status >= 200 && status != 204 && status != 304; }

void SerializeHead(const Response& response, std::string_view content_type, size_t content_length,
                   const HeadOptions& options, std::string& out) {
  const int status = response.status >= 100 && response.status <= 999 ? response.status : 500;
  out.clear();
  out += "HTTP/1.1 ";
  AppendNumber(out, static_cast<uint64_t>(status));
  out += ' ';
  out += StatusReason(status);
  out += "\r\n";
  out += DateLine();
  const bool has_body = StatusHasBody(status);
  if (has_body) {
    if (!content_type.empty()) {
      out += "Content-Type: ";
      AppendValue(out, content_type);
      out += "\r\n";
    }
    out += "Content-Length: ";
    AppendNumber(out, content_length);
    out += "\r\n";
  }
  out += "X-Content-Type-Options: nosniff\r\nReferrer-Policy: same-origin\r\n";
  if (content_type.starts_with("text/html")) {
    out += "Content-Security-Policy: default-src 'self'; frame-ancestors 'none'\r\n";
  } else {
    out += "Content-Security-Policy: default-src 'none'; frame-ancestors 'none'\r\n";
  }
  bool has_cache_control = false;
  for (const auto& [name, value] : response.headers) {
    if (IEquals(name, "content-length") || IEquals(name, "content-type") ||
        IEquals(name, "connection") || IEquals(name, "date") ||
        IEquals(name, "transfer-encoding")) {
      continue;  // the server's own
    }
    if (IEquals(name, "cache-control")) has_cache_control = true;
    AppendValue(out, name);
    out += ": ";
    AppendValue(out, value);
    out += "\r\n";
  }
  if (!has_cache_control && !options.default_cache_control.empty()) {
    out += "Cache-Control: ";
    out += options.default_cache_control;
    out += "\r\n";
  }
  if (!options.keep_alive) {
    out += "Connection: close\r\n";
  } else if (options.announce_keep_alive) {
    out += "Connection: keep-alive\r\n";
  }
  out += "\r\n";
}

bool SplitTarget(std::string_view target, std::string& path, std::string& query) {
  if (target.empty() || target.front() != '/') return false;
  const size_t q = target.find('?');
  const std::string_view raw_path = target.substr(0, q);
  query.assign(q == std::string_view::npos ? std::string_view{} : target.substr(q + 1));
  // Drop a fragment a broken client may have sent.
  if (const size_t hash = query.find('#'); hash != std::string::npos) query.resize(hash);
  path.clear();
  path.reserve(raw_path.size());
  for (size_t i = 0; i < raw_path.size(); ++i) {
    char c = raw_path[i];
    if (c == '#') break;
    if (c == '%') {
      if (i + 2 >= raw_path.size()) return false;
      const int hi = Hex(raw_path[i + 1]);
      const int lo = Hex(raw_path[i + 2]);
      if (hi < 0 || lo < 0) return false;
      c = static_cast<char>(hi * 16 + lo);
      if (c == '\0') return false;
      i += 2;
    }
    path += c;
  }
  return true;
}

}  // namespace proaktiv::http::server
