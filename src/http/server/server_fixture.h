#pragma once

// The fixture of the server tests: a Server on a free loopback port with a router of echo
// routes (one per access kind, a blocking one, one that throws), the ops routes, a static
// directory with an index.html and an asset, a 1 kB body limit and an access log file. A fake
// authenticator reads credentials from the request:
//   "Authorization: Test citizen" → a citizen; "Test staff a,b" → staff with scopes a and b;
//   "Test bad" → an error; "Cookie: session=s1" → a citizen with session s1, CSRF token "tok".
// Each test gets a fresh server and directory.

#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include <gtest/gtest.h>
#include <boost/json.hpp>

#include "http/server/ops_routes.h"
#include "http/server/server.h"
#include "http/server/test_client.h"

namespace proaktiv::http::server::testing {

// Credentials as described at the top of this file.
class FakeAuthenticator final : public Authenticator {
 public:
  Result<Principal> Authenticate(const Request& request) const override {
    Principal p;
    const std::string_view auth = request.Header("authorization");
    if (auth == "Test citizen") {
      p.kind = Principal::Kind::kCitizen;
      p.pid = "01010112345";
    } else if (auth.starts_with("Test staff")) {
      p.kind = Principal::Kind::kStaff;
      std::string_view rest = auth.substr(10);
      while (!rest.empty()) {
        if (rest.front() == ' ' || rest.front() == ',') {
          rest.remove_prefix(1);
          continue;
        }
        const size_t end = std::min(rest.find(','), rest.size());
        p.scopes.emplace_back(rest.substr(0, end));
        rest.remove_prefix(end);
      }
    } else if (auth == "Test bad") {
      return InvalidArgument("the test token has expired");
    } else if (request.Cookie("session") == "s1") {
      p.kind = Principal::Kind::kCitizen;
      p.session_id = "s1";
      p.csrf_token = "tok";
    }
    return p;
  }
};

inline std::string Slurp(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

class ServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("proaktiv_server_test_" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_ / "web" / "assets");
    std::ofstream(dir_ / "web" / "index.html") << "<!doctype html><title>app</title>";
    std::ofstream(dir_ / "web" / "assets" / "app-1234.js") << "console.log(1)";
    std::ofstream(dir_ / "web" / "favicon.ico") << "ico";

    auto echo = [](const Request& request, const RouteContext& context) {
      boost::json::object o;
      o["path"] = request.path;
      o["id"] = context.Param("id");
      o["q"] = request.QueryParam("q").value_or("");
      o["body"] = request.body;
      return Response::Json(200, o);
    };
    router_.Add(Method::kGet, "/api/things/{id}", echo, {.name = "showThing"});
    router_.Add(Method::kGet, "/api/things/special",
                [](const Request&, const RouteContext&) {
                  return Response::Json(200, boost::json::object{{"special", true}});
                },
                {.name = "special"});
    router_.Add(Method::kPost, "/api/things", echo, {.access = Access::kAnyone, .name = "add"});
    router_.Add(Method::kGet, "/api/me", echo, {.access = Access::kCitizen, .name = "me"});
    router_.Add(Method::kGet, "/api/intake", echo,
                {.access = Access::kStaff, .scope = "intake", .name = "intake"});
    router_.Add(Method::kGet, "/api/admin", echo,
                {.access = Access::kStaff, .scope = "admin", .name = "admin"});
    router_.Add(Method::kGet, "/api/blocking",
                [this](const Request&, const RouteContext&) {
                  blocking_thread_ = std::this_thread::get_id();
                  return Response::Json(200, boost::json::object{{"ok", true}});
                },
                {.blocking = true, .name = "blocking"});
    router_.Add(Method::kGet, "/api/throw",
                [](const Request&, const RouteContext&) -> Response {
                  throw std::runtime_error("boom 01010112345");
                },
                {.name = "throws"});
    router_.Add(Method::kDelete, "/api/things/{id}", echo, {.name = "deleteThing"});
    router_.Add(Method::kPost, "/api/upload", echo, {.name = "upload"});
    RegisterOpsRoutes(router_,
                      OpsContext{.database_check = [this] { return database_ok_.load(); },
                                 .metrics_text = [this] { return server_->metrics().Render(); }});
    ServerOptions options;
    options.port = 0;
    options.static_dir = (dir_ / "web").string();
    options.body_limit = 1024;
    options.access_log_file = (dir_ / "access.log").string();
    server_ = std::make_unique<Server>(options, router_, authenticator_);
    auto port = server_->Start();
    ASSERT_TRUE(port.has_value()) << port.error().ToString();
    port_ = *port;
  }

  void TearDown() override {
    server_.reset();
    std::filesystem::remove_all(dir_);
  }

  TestResponse Get(std::string_view target,
                   const std::vector<std::pair<std::string, std::string>>& headers = {}) {
    TestClient client(port_);
    return client.Request("GET", target, headers);
  }

  static boost::json::value Json(const TestResponse& r) { return boost::json::parse(r.body); }

  std::filesystem::path dir_;
  Router router_;
  FakeAuthenticator authenticator_;
  std::unique_ptr<Server> server_;
  uint16_t port_ = 0;
  std::atomic<bool> database_ok_{true};
  std::thread::id blocking_thread_;
};

}  // namespace proaktiv::http::server::testing
