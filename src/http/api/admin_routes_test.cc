// The admin's routes through a Router with staff principals (no sockets): a generated kommune
// (Utsira) in a temporary SQLite file, the real service library. Every route refuses a key for
// another kommune.

#include "http/api/admin_routes.h"

#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>
#include <boost/json.hpp>

#include "catalog/catalog.h"
#include "store/sqlite/database.h"
#include "store/store.h"
#include "synth/baseline.h"
#include "synth/person_builder.h"

namespace proaktiv::http::api {
namespace {

const std::string kSource = PROAKTIV_SOURCE_DIR;
const std::string kKommune = "1151";  // Utsira
const std::string kBase = "/api/v1/admin/kommuner/";

Principal Staff(std::string scope, std::string name = "utsira-admin") {
  Principal p;
  p.kind = Principal::Kind::kStaff;
  p.name = std::move(name);
  p.subject = "key-1";
  p.scopes = {std::move(scope)};
  return p;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

boost::json::object Parse(const Response& r) {
  boost::system::error_code ec;
  auto v = boost::json::parse(r.body, ec);
  EXPECT_FALSE(ec) << r.body;
  return v.is_object() ? v.as_object() : boost::json::object();
}

// True when `text` has a run of eleven or more digits (an identity number would).
bool HasElevenDigits(const std::string& text) {
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

  static std::shared_ptr<const catalog::Catalog> catalog_;
  static std::shared_ptr<const engine::ServiceLibrary> library_;
  FakeClock clock_{std::chrono::system_clock::from_time_t(1717236000)};  // 2024-06-01 10:00Z
  std::string path_;
  std::unique_ptr<store::RegistryStore> seed_;
  std::unique_ptr<ApiContext> context_;
  Router router_;
};

std::shared_ptr<const catalog::Catalog> AdminRoutesTest::catalog_;
std::shared_ptr<const engine::ServiceLibrary> AdminRoutesTest::library_;

TEST_F(AdminRoutesTest, RoutesNeedAdminStaffAndRunBlocking) {
  ASSERT_EQ(router_.routes().size(), 6u);
  std::set<std::string> names;
  for (const Route& r : router_.routes()) {
    EXPECT_EQ(r.options.access, Access::kStaff) << r.pattern;
    EXPECT_EQ(r.options.scope, "admin") << r.pattern;
    EXPECT_TRUE(r.options.blocking) << r.pattern;
    names.insert(r.options.name);
  }
  EXPECT_EQ(names,
            (std::set<std::string>{"listKommuneServices", "putKommuneService", "dryRunService",
                                   "getUptake", "getSatisfaction", "getDeliveryCounts"}));
}

TEST_F(AdminRoutesTest, EveryRouteRefusesAKeyForAnotherKommune) {
  const Principal bergen = Staff("admin:4601", "bergen-admin");
  const std::string k = kBase + kKommune;
  const std::vector<std::pair<Method, std::string>> calls = {
      {Method::kGet, k + "/services"},
      {Method::kPut, k + "/services/sfo"},
      {Method::kPost, k + "/services/senior-home-visit/dry-run"},
      {Method::kGet, k + "/uptake"},
      {Method::kGet, k + "/satisfaction"},
      {Method::kGet, k + "/delivery"}};
  for (const auto& [method, path] : calls) {
    Response r = Call(method, path, bergen, method == Method::kGet ? "" : R"({"enabled":false})");
    EXPECT_EQ(r.status, 403) << path;
    EXPECT_EQ(Parse(r)["code"], "forbidden-kommune") << path;
    // An unknown kommune number is not found, whatever the key.
    std::string unknown = path;
    unknown.replace(kBase.size(), 4, "9999");
    Response u = Call(method, unknown, Staff("admin:*"), "");
    EXPECT_EQ(u.status, 404) << unknown;
    EXPECT_EQ(Parse(u)["code"], "unknown-kommune") << unknown;
  }
  // Nothing was saved by the refused PUT.
  auto rows = seed_->settings().AllSettings();
  ASSERT_TRUE(rows);
  EXPECT_TRUE(rows->empty());
  // The right key, and the key for every kommune, are let in.
  EXPECT_EQ(Call(Method::kGet, k + "/services", Staff("admin:" + kKommune)).status, 200);
  EXPECT_EQ(Call(Method::kGet, k + "/uptake", Staff("admin:*")).status, 200);
}

TEST_F(AdminRoutesTest, ListsEveryServiceWithItsParametersAndTheirSources) {
  Response r = Call(Method::kGet, kBase + "0301/services", Staff("admin:0301"), "", "lang=en");
  ASSERT_EQ(r.status, 200) << r.body;
  auto services = Parse(r)["services"].as_array();
  ASSERT_EQ(services.size(), library_->bundles().size());
  for (const auto& s : services) {
    const auto& o = s.as_object();
    if (o.at("id") == "senior-home-visit") {
      EXPECT_EQ(o.at("enabled"), false);  // service.yaml switches it off in Oslo
      EXPECT_EQ(std::string(o.at("name").as_string()),
                library_->Find("senior-home-visit")->definition().name.en);
    }
    if (o.at("id") == "sfo") {
      EXPECT_EQ(o.at("enabled"), true);
      for (const auto& p : o.at("parameters").as_array()) {
        const auto& po = p.as_object();
        if (po.at("name") == "free_hours_up_to_grade") {
          EXPECT_EQ(po.at("value"), 4);
          EXPECT_EQ(po.at("default"), 3);
          EXPECT_EQ(po.at("source"), "service.yaml");
          EXPECT_EQ(po.at("type"), "integer");
          EXPECT_EQ(po.at("description"), "Free hours up to and including grade");
        }
        if (po.at("name") == "free_hours_per_week") {
          EXPECT_EQ(po.at("source"), "default");
        }
      }
    }
  }
}

TEST_F(AdminRoutesTest, SavesChecksLogsAndResetsSettings) {
  const Principal admin = Staff("admin:" + kKommune);
  const std::string path = kBase + kKommune + "/services/senior-home-visit";
  Response r =
      Call(Method::kPut, path, admin, R"({"enabled":false,"parameters":{"senior_visit_age":70}})");
  ASSERT_EQ(r.status, 200) << r.body;
  auto doc = Parse(r);
  EXPECT_EQ(doc["enabled"], false);
  EXPECT_EQ(doc["updated_by"], "utsira-admin");
  EXPECT_EQ(doc["updated_at"], "2024-06-01T10:00:00Z");
  bool seen = false;
  for (const auto& p : doc["parameters"].as_array()) {
    if (p.as_object().at("name") != "senior_visit_age") continue;
    seen = true;
    EXPECT_EQ(p.as_object().at("value"), 70);
    EXPECT_EQ(p.as_object().at("default"), 75);
    EXPECT_EQ(p.as_object().at("source"), "kommune");
  }
  EXPECT_TRUE(seen);

  // Wrong type, bad month-day, unknown parameter, unknown field: 422, nothing saved.
  Response bad = Call(Method::kPut, path, admin, R"({"parameters":{"senior_visit_age":"old"}})");
  EXPECT_EQ(bad.status, 422);
  EXPECT_EQ(Parse(bad)["code"], "invalid-parameter");
  EXPECT_EQ(Parse(bad)["detail"], "parameter 'senior_visit_age': \"old\" is not an integer");
  Response md = Call(Method::kPut, kBase + kKommune + "/services/kindergarten-place", admin,
                     R"({"parameters":{"intake_deadline":"02-30"}})");
  EXPECT_EQ(md.status, 422);
  EXPECT_NE(Parse(md)["detail"].as_string().find("\"02-30\""), std::string::npos);
  Response unknown = Call(Method::kPut, path, admin, R"({"parameters":{"colour":"red"}})");
  EXPECT_EQ(unknown.status, 422);
  EXPECT_EQ(Parse(unknown)["code"], "unknown-parameter");
  EXPECT_EQ(Call(Method::kPut, path, admin, R"({"enable":true})").status, 422);
  EXPECT_EQ(Call(Method::kPut, path, admin, "not json").status, 422);
  EXPECT_EQ(Call(Method::kPut, kBase + kKommune + "/services/no-such", admin, "{}").status, 404);

  // null goes back to service.yaml.
  r = Call(Method::kPut, path, Staff("admin:*", "county-admin"),
           R"({"enabled":null,"parameters":{"senior_visit_age":null}})");
  ASSERT_EQ(r.status, 200) << r.body;
  doc = Parse(r);
  EXPECT_EQ(doc["enabled"], true);
  for (const auto& p : doc["parameters"].as_array()) {
    if (p.as_object().at("name") == "senior_visit_age") {
      EXPECT_EQ(p.as_object().at("value"), 75);
      EXPECT_EQ(p.as_object().at("source"), "default");
    }
  }
  auto log = seed_->settings().SettingsLog(kKommune, "senior-home-visit");
  ASSERT_TRUE(log);
  ASSERT_EQ(log->size(), 2u);
  EXPECT_EQ((*log)[0].updated_by, "utsira-admin");
  EXPECT_EQ((*log)[0].enabled, std::optional<bool>(false));
  EXPECT_EQ((*log)[0].parameters_json, R"({"senior_visit_age":70})");
  EXPECT_EQ((*log)[1].updated_by, "county-admin");
  EXPECT_EQ((*log)[1].parameters_json, "{}");
}

TEST_F(AdminRoutesTest, DryRunComparesACandidateModelWithMaskedPersons) {
  const Principal admin = Staff("admin:" + kKommune);
  const std::string path = kBase + kKommune + "/services/senior-home-visit/dry-run";
  std::string dmn = SeniorDmn();
  const std::string from = "&gt;= Senior visit age<";
  dmn.replace(dmn.find(from), from.size(), "&gt;= Senior visit age - 5<");
  Response r = Call(Method::kPost, path, admin, dmn);
  ASSERT_EQ(r.status, 200) << r.body;
  auto doc = Parse(r);
  EXPECT_GT(doc["persons"].as_int64(), 100);
  EXPECT_GT(doc["candidate_eligible"].as_int64(), doc["current_eligible"].as_int64());
  EXPECT_EQ(doc["gained_count"].as_int64(),
            doc["candidate_eligible"].as_int64() - doc["current_eligible"].as_int64());
  ASSERT_FALSE(doc["gained"].as_array().empty());
  const auto& first = doc["gained"].as_array()[0].as_object();
  EXPECT_TRUE(std::string(first.at("id").as_string()).ends_with("*****"));
  EXPECT_EQ(first.at("reason"), "reached-visit-age");
  EXPECT_TRUE(doc["lost"].as_array().empty());
  EXPECT_GE(doc["seconds"].as_double(), 0.0);
  EXPECT_FALSE(HasElevenDigits(r.body)) << "a full identity number";

  // The kommune's settings apply to both models: at 70 the candidate gains those of 65–69.
  ASSERT_EQ(Call(Method::kPut, kBase + kKommune + "/services/senior-home-visit", admin,
                 R"({"parameters":{"senior_visit_age":70}})")
                .status,
            200);
  Response with = Call(Method::kPost, path, admin, dmn);
  ASSERT_EQ(with.status, 200) << with.body;
  EXPECT_GT(Parse(with)["current_eligible"].as_int64(), doc["current_eligible"].as_int64());

  Response broken = Call(Method::kPost, path, admin, "<definitions");
  EXPECT_EQ(broken.status, 422);
  EXPECT_EQ(Parse(broken)["code"], "invalid-model");
  EXPECT_NE(Parse(broken)["detail"].as_string().find("line"), std::string::npos);
  EXPECT_EQ(Call(Method::kPost, path, admin, "").status, 422);
}

TEST_F(AdminRoutesTest, UptakeFunnelPerServiceAndMonth) {
  using store::OfferState;
  ASSERT_TRUE(seed_->Begin());
  int64_t subject = 0;
  auto add = [&](const std::string& service, const std::string& kommune, int32_t day,
                 std::vector<OfferState> states) {
    store::OfferRecord o;
    o.service = service;
    o.subject_key = ++subject;
    o.occurrence = "date:2024";
    o.kommunenummer = kommune;
    o.reason = "r";
    o.decided_day = o.updated_day = day;
    o.decision_json = "{}";
    o.recipients = {subject};
    o.id = *seed_->engine().InsertOffer(o, "trigger");
    for (OfferState to : states) {
      const OfferState from = o.state;
      o.state = to;
      ASSERT_TRUE(seed_->engine().UpdateOffer(o, {o.id, from, to, 1, day, "t"}));
    }
  };
  const int32_t march = 19783;  // 2024-03-01
  add("sfo", kKommune, march, {OfferState::kSent, OfferState::kOpened, OfferState::kAccepted});
  add("sfo", kKommune, march, {OfferState::kWithdrawn});
  add("sfo", kKommune, march + 31, {OfferState::kSent});
  add("welcome-new-resident", kKommune, march, {});
  add("sfo", "4601", march, {OfferState::kSent});
  ASSERT_TRUE(seed_->Commit());

  const Principal admin = Staff("admin:" + kKommune);
  Response r = Call(Method::kGet, kBase + kKommune + "/uptake", admin, "", "service=sfo");
  ASSERT_EQ(r.status, 200) << r.body;
  auto rows = Parse(r)["rows"].as_array();
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0], boost::json::parse(R"({"service":"sfo","month":"2024-03","eligible":2,
      "offered":1,"delivered":1,"opened":1,"accepted":1})"));
  EXPECT_EQ(rows[1].as_object().at("month"), "2024-04");
  EXPECT_EQ(
      Parse(Call(Method::kGet, kBase + kKommune + "/uptake", admin))["rows"].as_array().size(), 3u);
  Response svg = Call(Method::kGet, kBase + kKommune + "/uptake", admin, "", "format=svg");
  ASSERT_EQ(svg.status, 200) << svg.body;
  EXPECT_EQ(svg.content_type, "image/svg+xml");
  EXPECT_NE(svg.body.find("<svg"), std::string::npos);
  EXPECT_EQ(Call(Method::kGet, kBase + kKommune + "/uptake", admin, "", "service=nope").status,
            404);
}

TEST_F(AdminRoutesTest, SatisfactionWithAConfidenceInterval) {
  ASSERT_TRUE(seed_->Begin());
  std::vector<int64_t> ids;
  for (int i = 0; i < 5; ++i) {
    store::OfferRecord o;
    o.service = "sfo";
    o.subject_key = i + 1;
    o.occurrence = "date:2024";
    o.kommunenummer = kKommune;
    o.reason = "r";
    o.decision_json = "{}";
    ids.push_back(*seed_->engine().InsertOffer(o, "trigger"));
  }
  ASSERT_TRUE(seed_->Commit());
  auto db = store::sqlite::Database::Open(path_);
  ASSERT_TRUE(db);
  const int values[] = {5, 4, 4, 1, 2};
  for (size_t i = 0; i < ids.size(); ++i) {
    auto s = db->Prepare(
        "INSERT INTO offer_feedback (offer_id, person_key, service, kommunenummer, satisfaction, "
        "day) VALUES (?, 1, ?, ?, ?, 19783)");
    ASSERT_TRUE(s);
    s->Bind(1, ids[i]).Bind(2, i < 4 ? "sfo" : "welcome-new-resident").Bind(3, kKommune);
    s->Bind(4, int64_t{values[i]});
    ASSERT_TRUE(s->Run());
  }
  Response r = Call(Method::kGet, kBase + kKommune + "/satisfaction", Staff("admin:" + kKommune));
  ASSERT_EQ(r.status, 200) << r.body;
  int found = 0;
  const boost::json::object doc = Parse(r);
  for (const auto& s : doc.at("services").as_array()) {
    const auto& o = s.as_object();
    if (o.at("service") == "sfo") {
      ++found;
      EXPECT_EQ(o.at("answers"), 4);
      EXPECT_DOUBLE_EQ(o.at("mean").as_double(), 3.5);
      // s = √3, t(0.975, 3) = 3.182446305: 3.5 ± 2.7560793
      EXPECT_NEAR(o.at("ci95_low").as_double(), 0.7439207, 1e-6);
      EXPECT_NEAR(o.at("ci95_high").as_double(), 6.2560793, 1e-6);
      EXPECT_EQ(o.at("distribution"), boost::json::parse("[1,0,0,2,1]"));
    } else if (o.at("service") == "welcome-new-resident") {
      ++found;
      EXPECT_EQ(o.at("answers"), 1);
      EXPECT_DOUBLE_EQ(o.at("mean").as_double(), 2.0);
      EXPECT_TRUE(o.at("ci95_low").is_null());
    } else {
      EXPECT_EQ(o.at("answers"), 0);
      EXPECT_TRUE(o.at("mean").is_null());
    }
  }
  EXPECT_EQ(found, 2);
}

}  // namespace
}  // namespace proaktiv::http::api
