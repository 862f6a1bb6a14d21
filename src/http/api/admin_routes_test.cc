// The admin's routes through a Router with staff principals (no sockets): access, the service
// list, settings and the dry run. Every route refuses a key for another kommune.

#include "http/api/admin_routes.h"

#include <string>

#include <gtest/gtest.h>

#include "http/api/admin_api_testing.h"

namespace proaktiv::http::api {
namespace {

using testing::AdminRoutesTest;
using testing::HasElevenDigits;
using testing::kBase;
using testing::kKommune;
using testing::Parse;
using testing::Staff;

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

}  // namespace
}  // namespace proaktiv::http::api
