#pragma once

// The HTTP request and response as handlers see them: plain values, no Beast types, so that
// handlers (src/http/api) compile without Beast and tests call them without a socket.
// http/server.h converts to and from Beast messages.

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <boost/json/fwd.hpp>

namespace proaktiv::http {

enum class Method { kGet, kHead, kPost, kPut, kPatch, kDelete, kOptions, kOther };

std::string_view MethodName(Method method);
// The reason phrase of an HTTP status code ("Not Found"); "Unknown" for codes it does not know.
std::string_view StatusReason(int status);
// Percent-decodes one component of a query string or form body ('+' is a space); a malformed
// escape is kept as it is.
std::string DecodeFormComponent(std::string_view text);

struct Request {
  Method method = Method::kGet;
  std::string path;   // percent-decoded path without the query, e.g. "/api/v1/me/offers/12"
  std::string query;  // raw query string without '?', e.g. "lang=nn&month=2024-03"
  // Header names in lower case, values as received, in order.
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  std::string remote_address;  // the peer's IP address

  // The first header with this (lower-case) name, or "" when absent.
  std::string_view Header(std::string_view lower_name) const;
  // A query parameter, percent-decoded ('+' as space); nullopt when absent.
  std::optional<std::string> QueryParam(std::string_view name) const;
  // A cookie from the Cookie header; nullopt when absent.
  std::optional<std::string> Cookie(std::string_view name) const;
};

struct Response {
  int status = 200;
  std::string content_type = "application/json";
  // Extra headers (Set-Cookie, Location, Cache-Control, …); Content-Type and Content-Length
  // are written by the server.
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;

  // Serialises `value` as the body (application/json).
  static Response Json(int status, const boost::json::value& value);
  // An RFC 9457 problem document (application/problem+json):
  // {"type":"about:blank","title":<reason phrase>,"status":N,"detail":detail,"code":code}.
  // `code` is a stable machine-readable word ("not-found", "forbidden", "invalid-body", …);
  // `detail` is a sentence for people that names what was wrong. Never put an identity
  // number in it.
  static Response Problem(int status, std::string_view code, std::string_view detail);
  static Response Redirect(std::string_view location, int status = 302);
};

}  // namespace proaktiv::http
