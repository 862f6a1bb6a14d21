#pragma once

// The bytes of an HTTP/1.1 response head, written by hand into a reused buffer (no per-header
// allocation), with the headers every response carries:
//   Date, Content-Type (unless 204/304), Content-Length (unless 1xx/204/304),
//   X-Content-Type-Options: nosniff, Referrer-Policy: same-origin,
//   Content-Security-Policy (HTML: default-src 'self'; frame-ancestors 'none';
//                            anything else: default-src 'none'; frame-ancestors 'none'),
//   Cache-Control (the response's own, else `default_cache_control` when not empty),
//   the response's extra headers, and Connection: close when the connection ends.
// Header values with CR or LF are written with those bytes replaced by spaces (a handler bug
// must not split the response). Also: the request-target splitting the server uses.
// Thread-safety: plain functions; the Date text is cached per thread.

#include <string>
#include <string_view>

#include "http/message.h"

namespace proaktiv::http::server {

struct HeadOptions {
  bool keep_alive = true;  // false: "Connection: close"
  // An HTTP/1.0 request that asked for keep-alive must be told "Connection: keep-alive".
  bool announce_keep_alive = false;
  std::string_view default_cache_control{};  // when the response sets no Cache-Control
};

// Replaces `out` with the head (ending in the blank line) of `response` with a body of
// `content_length` bytes of `content_type` (in place of response.content_type, which a static
// file does not fill in).
void SerializeHead(const Response& response, std::string_view content_type, size_t content_length,
                   const HeadOptions& options, std::string& out);

// Whether a response with this status carries a body (not 1xx, 204 or 304).
bool StatusHasBody(int status);

// Splits an origin-form request target ("/a%20b?x=1") into the percent-decoded path and the
// raw query. False when the target is not origin-form, or the path has a malformed escape or
// decodes to a NUL byte.
bool SplitTarget(std::string_view target, std::string& path, std::string& query);

}  // namespace proaktiv::http::server
