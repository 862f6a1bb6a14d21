#pragma once

// A small synchronous HTTP/1.1 client for what authentication needs from an OpenID provider:
// discovery, the JWKS and the token endpoint (GET, and POST with a form body). http:// and
// https:// URLs; https verifies the peer against the system's CA store (plus an optional extra
// CA file) and the host name, with SNI. Redirects are not followed; responses of any status are
// returned as values. Every request has a deadline (connect, TLS, write and read together).
//
// Errors (kUnavailable) name the method, the scheme, host, port and path — never the query,
// the body or headers, which may carry codes, secrets or tokens.
//
// Thread-safe: Fetch may be called from several threads at once; each call uses its own
// io_context and connection. Beast and Asio stay inside http_fetch.cc.

#include <chrono>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/result.h"
#include "http/auth/form.h"

namespace proaktiv::http::auth {

struct FetchRequest {
  std::string method = "GET";  // GET or POST
  std::string url;
  std::vector<std::pair<std::string, std::string>> headers;  // extra headers
  std::string content_type;                                  // for a body
  std::string body;
};

struct FetchResponse {
  int status = 0;
  std::vector<std::pair<std::string, std::string>> headers;  // names in lower case
  std::string body;

  // The first header with this lower-case name, or "".
  std::string_view Header(std::string_view lower_name) const;
};

struct FetchOptions {
  std::chrono::milliseconds timeout{10000};
  size_t max_body_bytes = 1 << 20;
  std::string extra_ca_file;  // PEM bundle trusted in addition to the system store; "" = none
  std::string user_agent = "proaktiv";
};

class HttpFetcher {
 public:
  virtual ~HttpFetcher() = default;
  virtual Result<FetchResponse> Fetch(const FetchRequest& request) const = 0;

  Result<FetchResponse> Get(std::string url) const;
  // POST application/x-www-form-urlencoded.
  Result<FetchResponse> PostForm(std::string url, const FormFields& fields) const;
};

// The Beast implementation. Errors when the extra CA file cannot be read.
Result<std::unique_ptr<HttpFetcher>> MakeHttpFetcher(FetchOptions options = {});

}  // namespace proaktiv::http::auth
