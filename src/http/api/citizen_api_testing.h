#pragma once

// A fixture for the citizen and intake API tests (tests only): a SQLite file in a temp folder,
// the real catalog and service library, a fake clock, a Router with the citizen and intake
// routes, and helpers to make families, run the engine and call routes as a principal —
// through Router::Find and the handler, without sockets.

#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <boost/json.hpp>

#include "catalog/catalog.h"
#include "common/clock.h"
#include "common/national_id.h"
#include "engine/offer_engine.h"
#include "engine/service_bundle.h"
#include "engine/test_persons.h"
#include "http/api/api_context.h"
#include "http/api/citizen_routes.h"
#include "http/api/intake_routes.h"
#include "http/router.h"
#include "store/store.h"

namespace proaktiv::http::api::testing {

// A valid synthetic identity number for `birth` ("YYYY-MM-DD"); `n` tells persons apart.
inline std::string MakeId(const char* birth, int n) {
  const CivilDate date = engine::testing::D(birth);
  // Individual numbers depend on the birth year (500–999 for 2000–2039); try them all.
  for (int i = 0; i < 1000; ++i) {
    auto id = NationalId::Make(date, (n * 37 + i) % 1000, IdKind::kFodselsnummer, true);
    if (id) return id->digits();
  }
  ADD_FAILURE() << "no identity number for " << birth;
  return "";
}

inline std::chrono::system_clock::time_point Noon(const char* day) {
  return std::chrono::system_clock::time_point(std::chrono::days(engine::testing::D(day).days())) +
         std::chrono::hours(11);
}

class ApiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const std::string root = PROAKTIV_SOURCE_DIR;
    auto catalog = catalog::Catalog::LoadFile(root + "/catalog/catalog.yaml");
    ASSERT_TRUE(catalog) << catalog.error().message;
    catalog_ = std::make_shared<const catalog::Catalog>(std::move(*catalog));
    auto library = engine::LoadLibrary(root + "/services", *catalog_);
    ASSERT_TRUE(library) << library.error().message;
    library_ = std::make_shared<const engine::ServiceLibrary>(std::move(*library));
  }
  static void TearDownTestSuite() {
    library_.reset();
    catalog_.reset();
  }

  void SetUp() override {
    static std::atomic<int> counter{0};
    dir_ = std::filesystem::temp_directory_path() /
           ("proaktiv-api-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    const std::string db = (dir_ / "registry.db").string();
    auto store = store::OpenSqliteStore(db);
    ASSERT_TRUE(store) << store.error().message;
    store_ = std::move(*store);
    // Every citizen test runs with the read cache, so that each write a test makes and reads
    // back also checks the cache's invalidation.
    auto cache = ReadCache::Open(db);
    ASSERT_TRUE(cache) << cache.error().message;
    read_cache_ = std::move(*cache);
    context_ = std::make_unique<ApiContext>(db, catalog_, library_, clock_, read_cache_.get());
    RegisterCitizenRoutes(router_, *context_);
    RegisterIntakeRoutes(router_, *context_);
  }

  void TearDown() override {
    store_.reset();
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }

  // Kari (born 1990) is Ola's mother (born 2025-05-04), Siv (1991) Lea's (2025-06-10), all in
  // Bergen (4601); Kari is married to nobody. Stored with PutPerson.
  void MakeFamilies(bool kari_protected = false) {
    using engine::testing::MakePerson;
    engine::testing::Family f;
    kari_ = MakeId("1990-03-01", 1);
    ola_ = MakeId("2025-05-04", 2);
    siv_ = MakeId("1991-04-04", 3);
    lea_ = MakeId("2025-06-10", 4);
    f.Add(MakePerson(kari_, "1990-03-01", "4601", "Kari"));
    f.Add(MakePerson(ola_, "2025-05-04", "4601", "Ola"));
    f.Add(MakePerson(siv_, "1991-04-04", "4601", "Siv"));
    f.Add(MakePerson(lea_, "2025-06-10", "4601", "Lea"));
    f.ParentOf(kari_, ola_, registry::RelationRole::kMor);
    f.ParentOf(siv_, lea_, registry::RelationRole::kMor);
    if (kari_protected) {
      f[kari_].protection.facts.push_back(engine::testing::F(
          registry::ProtectionFact{registry::AddressProtection::kStrengtFortrolig}));
    }
    for (const std::string& id : {kari_, ola_, siv_, lea_}) {
      auto key = store_->PutPerson(0, f[id]);
      ASSERT_TRUE(key) << key.error().message;
      keys_[id] = *key;
    }
  }

  // Indexes the population on 2026-01-01 and runs the engine through `day`.
  void RunEngine(const char* day = "2026-01-18") {
    engine::OfferEngine engine(*store_, *library_);
    ASSERT_TRUE(engine.IndexPopulation(engine::testing::D("2026-01-01")));
    auto report = engine.RunThrough(engine::testing::D(day));
    ASSERT_TRUE(report) << report.error().message;
  }

  // The id of the latest offer sent to `recipient` (0 when none).
  int64_t OfferFor(const std::string& recipient) {
    auto offers = store_->engine().OffersFor(keys_.at(recipient));
    EXPECT_TRUE(offers);
    return offers && !offers->empty() ? offers->back().id : 0;
  }
  store::OfferState StateOf(int64_t offer) {
    auto found = store_->engine().FindOfferById(offer);
    EXPECT_TRUE(found && *found);
    return found && *found ? (*found)->state : store::OfferState::kProposed;
  }

  static Principal Citizen(const std::string& pid) {
    Principal p;
    p.kind = Principal::Kind::kCitizen;
    p.pid = pid;
    p.subject = "sub-" + pid.substr(0, 6);
    return p;
  }
  static Principal Intake() {
    Principal p;
    p.kind = Principal::Kind::kStaff;
    p.subject = "feed-key";
    p.scopes = {"intake"};
    return p;
  }

  // Calls the route for `method` and `target` (path with an optional ?query) as `principal`.
  Response Call(Method method, const std::string& target, const Principal& principal,
                std::string body = "",
                std::vector<std::pair<std::string, std::string>> headers = {}) {
    Request request;
    request.method = method;
    const size_t q = target.find('?');
    request.path = target.substr(0, q);
    if (q != std::string::npos) request.query = target.substr(q + 1);
    request.body = std::move(body);
    request.headers = std::move(headers);
    Router::Match match = router_.Find(method, request.path);
    if (match.route == nullptr) {
      ADD_FAILURE() << "no route for " << target;
      return Response::Problem(404, "no-route", target);
    }
    last_route_ = match.route;
    RouteContext route{principal, match.params};
    return match.route->handler(request, route);
  }
  Response Get(const std::string& target, const Principal& principal,
               std::vector<std::pair<std::string, std::string>> headers = {}) {
    return Call(Method::kGet, target, principal, "", std::move(headers));
  }

  static boost::json::value Json(const Response& r) {
    boost::system::error_code ec;
    boost::json::value v = boost::json::parse(r.body, ec);
    EXPECT_FALSE(ec) << r.body;
    return v;
  }
  static std::string Code(const Response& r) {
    boost::json::value v = Json(r);
    return v.is_object() && v.as_object().contains("code") ? std::string(v.at("code").as_string())
                                                           : "";
  }

  static inline std::shared_ptr<const catalog::Catalog> catalog_;
  static inline std::shared_ptr<const engine::ServiceLibrary> library_;

  std::filesystem::path dir_;
  FakeClock clock_{Noon("2026-01-20")};
  std::unique_ptr<store::RegistryStore> store_;
  std::unique_ptr<ReadCache> read_cache_;
  std::unique_ptr<ApiContext> context_;
  Router router_;
  const Route* last_route_ = nullptr;
  std::string kari_, ola_, siv_, lea_;
  std::map<std::string, int64_t> keys_;
};

// ApiTest with the families made and the engine run through 2026-01-18: Kari and Siv each
// receive a kindergarten offer (about Ola and Lea).
class CitizenApiTest : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    MakeFamilies();
    RunEngine();
    kari_offer_ = OfferFor(kari_);
    siv_offer_ = OfferFor(siv_);
    ASSERT_NE(kari_offer_, 0);
    ASSERT_NE(siv_offer_, 0);
  }
  std::string OfferPath(int64_t id, const std::string& suffix = "") {
    return "/api/v1/me/offers/" + std::to_string(id) + suffix;
  }
  Response Post(const std::string& target, const std::string& pid, const std::string& body) {
    return Call(Method::kPost, target, Citizen(pid), body);
  }

  int64_t kari_offer_ = 0;
  int64_t siv_offer_ = 0;
};

}  // namespace proaktiv::http::api::testing
