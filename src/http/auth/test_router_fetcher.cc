#include "http/auth/test_router_fetcher.h"

namespace proaktiv::http::auth::testing {

Request MakeRequest(Method method, std::string_view url, std::string body,
                    std::vector<std::pair<std::string, std::string>> headers) {
  if (const size_t scheme = url.find("://"); scheme != std::string_view::npos) {
    const size_t path = url.find('/', scheme + 3);
    url = path == std::string_view::npos ? std::string_view("/") : url.substr(path);
  }
  Request request;
  request.method = method;
  const size_t q = url.find('?');
  request.path = std::string(url.substr(0, q));
  if (q != std::string_view::npos) request.query = std::string(url.substr(q + 1));
  request.body = std::move(body);
  request.headers = std::move(headers);
  request.remote_address = "127.0.0.1";
  return request;
}

Response Call(const Router& router, const Request& request, const Principal& principal) {
  Router::Match match = router.Find(request.method, request.path);
  if (match.route == nullptr) {
    return match.allowed.empty() ? Response::Problem(404, "not-found", "no route")
                                 : Response::Problem(405, "method-not-allowed", "other method");
  }
  RouteContext context{principal, match.params};
  return match.route->handler(request, context);
}

Result<FetchResponse> RouterFetcher::Fetch(const FetchRequest& request) const {
  if (down_) return Unavailable("connection refused");
  std::vector<std::pair<std::string, std::string>> headers;
  for (const auto& [name, value] : request.headers) {
    std::string lower = name;
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    headers.emplace_back(lower, value);
  }
  if (!request.content_type.empty()) headers.emplace_back("content-type", request.content_type);
  Request r = MakeRequest(request.method == "POST" ? Method::kPost : Method::kGet, request.url,
                          request.body, std::move(headers));
  {
    std::lock_guard lock(mutex_);
    ++counts_[r.path];
  }
  Response response = Call(router_, r);
  FetchResponse out;
  out.status = response.status;
  out.body = response.body;
  out.headers.emplace_back("content-type", response.content_type);
  for (const auto& [name, value] : response.headers) {
    std::string lower = name;
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    out.headers.emplace_back(lower, value);
  }
  return out;
}

int RouterFetcher::count(const std::string& path) const {
  std::lock_guard lock(mutex_);
  auto it = counts_.find(path);
  return it == counts_.end() ? 0 : it->second;
}

}  // namespace proaktiv::http::auth::testing

#include "common/national_id.h"
#include "http/auth/form.h"

namespace proaktiv::http::auth::testing {

Result<std::string> BrowserLogin(const Router& issuer, std::string_view authorization_url,
                                 std::string_view pid) {
  Request get = MakeRequest(Method::kGet, authorization_url);
  Response page = Call(issuer, get);
  if (page.status != 200) {
    return InvalidArgument("authorize page: " + std::to_string(page.status) + " " + page.body);
  }
  FormFields form = FormDecode(get.query);
  form.emplace_back("pid", std::string(pid));
  Response submitted =
      Call(issuer, MakeRequest(Method::kPost, "/authorize", FormEncode(form),
                               {{"content-type", "application/x-www-form-urlencoded"}}));
  for (const auto& [name, value] : submitted.headers) {
    if (name == "Location" && submitted.status == 302) return value;
  }
  return InvalidArgument("authorize submit: " + std::to_string(submitted.status) + " " +
                         submitted.body);
}

std::string SyntheticPid(std::string_view birth, int individual) {
  for (;; ++individual) {
    auto id = NationalId::Make(*CivilDate::Parse(birth), individual, IdKind::kFodselsnummer,
                               /*synthetic=*/true);
    if (id) return id->digits();
  }
}

}  // namespace proaktiv::http::auth::testing
