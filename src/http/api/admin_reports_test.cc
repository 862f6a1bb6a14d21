// The admin's reports: the uptake funnel per service and month, and citizen satisfaction with
// its confidence interval.

#include <string>

#include <gtest/gtest.h>
#include <boost/json.hpp>

#include "http/api/admin_api_testing.h"
#include "http/api/admin_routes.h"

namespace proaktiv::http::api {
namespace {

using testing::AdminRoutesTest;
using testing::kBase;
using testing::kKommune;
using testing::Parse;
using testing::Staff;

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
