#pragma once

// Test helper: an HttpFetcher that answers from an http::Router in this process (no sockets),
// as an anonymous caller. The URL's scheme and host are ignored; requests are counted by path.

#include <map>
#include <mutex>
#include <string>

#include "http/auth/http_fetch.h"
#include "http/router.h"

namespace proaktiv::http::auth::testing {

class RouterFetcher final : public HttpFetcher {
 public:
  explicit RouterFetcher(const Router& router) : router_(router) {}
  Result<FetchResponse> Fetch(const FetchRequest& request) const override;
  int count(const std::string& path) const;
  void set_down(bool down) { down_ = down; }

 private:
  const Router& router_;
  bool down_ = false;
  mutable std::mutex mutex_;
  mutable std::map<std::string, int> counts_;
};

// Builds a Request from a method and URL (path and query; scheme and host dropped).
Request MakeRequest(Method method, std::string_view url, std::string body = {},
                    std::vector<std::pair<std::string, std::string>> headers = {});

// Calls the route for (method, path) as `principal`; 404/405 problems when none matches.
Response Call(const Router& router, const Request& request, const Principal& principal = {});

}  // namespace proaktiv::http::auth::testing

namespace proaktiv::http::auth::testing {

// Plays the browser at the development issuer: GET the authorization URL (expects the login
// page), POST the form with `pid`, and returns the redirect's Location (the client's callback
// with code and state), or the status and body of whatever came instead as an error.
Result<std::string> BrowserLogin(const Router& issuer, std::string_view authorization_url,
                                 std::string_view pid);

// A valid synthetic identity number born on `birth` ("1985-03-12").
std::string SyntheticPid(std::string_view birth = "1985-03-12", int individual = 100);

}  // namespace proaktiv::http::auth::testing
