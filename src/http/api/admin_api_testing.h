#pragma once

// A fixture for the admin API tests (tests only): a generated kommune (Utsira) in a fresh
// temporary SQLite file per test, the real catalog and service library, a fake clock at
// 2024-06-01 10:00Z, and a Router with the admin's routes, called as a principal through
// Router::Find and the handler, without sockets.

#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include <gtest/gtest.h>
#include <boost/json.hpp>

#include "catalog/catalog.h"
#include "common/clock.h"
#include "http/api/admin_routes.h"
#include "http/api/api_context.h"
#include "http/router.h"
#include "store/sqlite/database.h"
#include "store/store.h"
#include "synth/baseline.h"
#include "synth/person_builder.h"

namespace proaktiv::http::api::testing {

inline const std::string kSource = PROAKTIV_SOURCE_DIR;
inline const std::string kKommune = "1151";  // Utsira
inline const std::string kBase = "/api/v1/admin/kommuner/";

inline Principal Staff(std::string scope, std::string name = "utsira-admin") {
  Principal p;
  p.kind = Principal::Kind::kStaff;
  p.name = std::move(name);
  p.subject = "key-1";
  p.scopes = {std::move(scope)};
  return p;
}

inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

inline boost::json::object Parse(const Response& r) {
  boost::system::error_code ec;
  auto v = boost::json::parse(r.body, ec);
  EXPECT_FALSE(ec) << r.body;
  return v.is_object() ? v.as_object() : boost::json::object();
}

// True when `text` has a run of eleven or more digits (an identity number would).
inline bool HasElevenDigits(const std::string& text) {
  int run = 0;
  for (char c : text) {
    run = (c >= '0' && c <= '9') ? run + 1 : 0;
    if (run >= 11) return true;
  }
  return false;
}

class AdminRoutesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto c = catalog::Catalog::LoadFile(kSource + "/catalog/catalog.yaml");
    ASSERT_TRUE(c) << c.error().ToString();
    catalog_ = std::make_shared<const catalog::Catalog>(std::move(*c));
    auto lib = engine::LoadLibrary(kSource + "/services", *catalog_);
    ASSERT_TRUE(lib) << lib.error().ToString();
    library_ = std::make_shared<const engine::ServiceLibrary>(std::move(*lib));
  }
  static void TearDownTestSuite() {
    library_.reset();
    catalog_.reset();
  }

  void SetUp() override {
    // A fresh file per test: ApiContext keeps a connection per thread and path.
    static std::atomic<int> counter{0};
    path_ = (std::filesystem::temp_directory_path() /
             ("admin_routes_test_" + std::to_string(::getpid()) + "_" + std::to_string(counter++) +
              ".db"))
                .string();
    Remove();
    auto s = store::OpenSqliteStore(path_);
    ASSERT_TRUE(s) << s.error().message;
    seed_ = std::move(*s);
    auto kommuner = synth::ResolveKommuner(false, {kKommune});
    ASSERT_TRUE(kommuner);
    auto base = synth::MakeBaseline(*kommuner, *CivilDate::Parse("2024-01-01"), 7, 1, {});
    ASSERT_TRUE(base) << base.error().ToString();
    ASSERT_TRUE(seed_->BulkLoad(
        static_cast<int64_t>(base->pop.persons.size()),
        [&](int64_t i) { return synth::BuildPerson(base->pop, static_cast<int32_t>(i), 0, 0); },
        {}));
    context_ = std::make_unique<ApiContext>(path_, catalog_, library_, clock_);
    RegisterAdminRoutes(router_, *context_);
  }
  void TearDown() override {
    seed_.reset();
    Remove();
  }
  void Remove() {
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_ + suffix);
  }

  Response Call(Method method, const std::string& path, const Principal& principal,
                std::string body = "", std::string query = "") {
    Request request;
    request.method = method;
    request.path = path;
    request.query = std::move(query);
    request.body = std::move(body);
    Router::Match match = router_.Find(method, request.path);
    EXPECT_NE(match.route, nullptr) << path;
    if (match.route == nullptr) return Response::Problem(404, "no-route", path);
    RouteContext route{principal, match.params};
    return match.route->handler(request, route);
  }

  static std::string SeniorDmn() {
    return ReadFile(kSource + "/services/senior-home-visit/eligibility.dmn");
  }

  static inline std::shared_ptr<const catalog::Catalog> catalog_;
  static inline std::shared_ptr<const engine::ServiceLibrary> library_;
  FakeClock clock_{std::chrono::system_clock::from_time_t(1717236000)};  // 2024-06-01 10:00Z
  std::string path_;
  std::unique_ptr<store::RegistryStore> seed_;
  std::unique_ptr<ApiContext> context_;
  Router router_;
};

}  // namespace proaktiv::http::api::testing
