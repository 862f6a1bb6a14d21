// The intake API through the router, on a real SQLite file: feed pages and CloudEvents are
// applied exactly once, a bad entry stops intake with its line and sequence while what came
// before stays, and the engine runs so that offers follow.

#include "http/api/intake_routes.h"

#include <gtest/gtest.h>

#include "http/api/citizen_api_testing.h"
#include "registry/testing/feed_builder.h"

namespace proaktiv::http::api {
namespace {

using registry::testing::Change;
using registry::testing::PersonDoc;

std::string Created(int64_t seq, const std::string& id, const std::string& kommune,
                    const std::string& day = "2026-01-02") {
  return registry::testing::Entry(seq, id, "personErOpprettet",
                                  {{"persondokument", PersonDoc(id, "1955-11-10", kommune)},
                                   {"ajourholdstidspunkt", day + "T09:00:00+01:00"}});
}

std::string Moved(int64_t seq, const std::string& id, const std::string& kommune,
                  const std::string& day) {
  boost::json::object address{{"adressenavn", "Bryggen"}, {"husnummer", "2"},
                              {"postnummer", "5003"},     {"poststed", "BERGEN"},
                              {"kommunenummer", kommune}, {"flyttedato", day}};
  return registry::testing::Entry(
      seq, id, "endringIBostedsadresse",
      {{"egenskapshendelse", boost::json::array{Change("bostedsadresse", "registrereNy",
                                                       "m" + std::to_string(seq), "", address)}},
       {"ajourholdstidspunkt", day + "T09:00:00+01:00"}});
}

boost::json::object CloudEvent(const std::string& id, const std::string& line) {
  return {{"specversion", "1.0"},
          {"id", id},
          {"source", "urn:freg:feed"},
          {"type", "no.skatteetaten.folkeregister.hendelse"},
          {"data", boost::json::parse(line)}};
}

class IntakeRoutesTest : public testing::ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    ada_ = testing::MakeId("1955-11-10", 1);
    bo_ = testing::MakeId("1955-11-10", 2);
  }
  Response PostFeed(const std::string& body) {
    return Call(Method::kPost, "/api/v1/intake/feed", Intake(), body,
                {{"content-type", "application/x-ndjson"}});
  }
  Response PostEvents(const std::string& body, const std::string& content_type) {
    return Call(Method::kPost, "/api/v1/intake/cloudevents", Intake(), body,
                {{"content-type", content_type}});
  }
  bool Known(const std::string& id) {
    auto p = store_->FindPerson(id);
    return p && *p;
  }
  std::string KommuneOf(const std::string& id) {
    auto p = store_->FindPerson(id);
    return p && *p ? (*p)->person.kommunenummer() : "?";
  }

  std::string ada_, bo_;
};

TEST_F(IntakeRoutesTest, RoutesNeedTheIntakeScope) {
  int n = 0;
  for (const Route& route : router_.routes()) {
    if (route.pattern.rfind("/api/v1/intake/", 0) != 0) continue;
    ++n;
    EXPECT_EQ(route.method, Method::kPost);
    EXPECT_EQ(route.options.access, Access::kStaff);
    EXPECT_EQ(route.options.scope, "intake");
    EXPECT_TRUE(route.options.blocking);
    EXPECT_EQ(route.options.name,
              route.pattern == "/api/v1/intake/feed" ? "postFeedPage" : "postCloudEvents");
  }
  EXPECT_EQ(n, 2);
}

TEST_F(IntakeRoutesTest, AFeedPageIsAppliedOnceAndCounted) {
  const std::string page = Created(1, ada_, "0301") + "\n" + Created(2, bo_, "0301") + "\n" +
                           Moved(3, ada_, "4601", "2026-01-05") + "\n" +
                           registry::testing::Entry(4, bo_, "noeHeltNytt") + "\n";
  Response r = PostFeed(page);
  ASSERT_EQ(r.status, 200) << r.body;
  boost::json::object counts = Json(r).as_object();
  EXPECT_EQ(counts.at("applied").as_int64(), 4);
  EXPECT_EQ(counts.at("already_applied").as_int64(), 0);
  EXPECT_EQ(counts.at("unknown_types").as_int64(), 1);
  EXPECT_EQ(counts.at("last_sequence").as_int64(), 4);
  EXPECT_TRUE(counts.at("offers_made").is_int64());
  EXPECT_EQ(KommuneOf(ada_), "4601");
  EXPECT_TRUE(Known(bo_));

  Response again = PostFeed(page);
  ASSERT_EQ(again.status, 200) << again.body;
  EXPECT_EQ(Json(again).at("applied").as_int64(), 0);
  EXPECT_EQ(Json(again).at("already_applied").as_int64(), 4);
  EXPECT_EQ(Json(again).at("offers_made").as_int64(), 0);
  EXPECT_EQ(*store_->GetPointer("freg"), 4);
}

TEST_F(IntakeRoutesTest, OffersFollowTheEntries) {
  // Ada moves to Bergen: the welcome service's trigger (7 days later) falls due by today
  // (2026-01-20), so the same request's engine run makes the offer.
  Response r = PostFeed(Created(1, ada_, "0301") + "\n" + Moved(2, ada_, "4601", "2026-01-05"));
  ASSERT_EQ(r.status, 200) << r.body;
  auto ada = store_->FindPerson(ada_);
  ASSERT_TRUE(ada && *ada);
  auto offers = store_->engine().OffersFor((*ada)->key);
  ASSERT_TRUE(offers);
  EXPECT_EQ(Json(r).at("offers_made").as_int64(), static_cast<int64_t>(offers->size()));
  EXPECT_GE(offers->size(), 1u);
}

TEST_F(IntakeRoutesTest, ABadLineStopsIntakeKeepingWhatCameBefore) {
  const std::string page = Created(1, ada_, "0301") + "\n\n" + Created(2, bo_, "0301") + "\n" +
                           R"({"sekvensnummer": 3, "hendelse": {"hendelsetype": "x"}})" + "\n" +
                           Moved(4, ada_, "4601", "2026-01-05") + "\n";
  Response r = PostFeed(page);
  ASSERT_EQ(r.status, 422) << r.body;
  EXPECT_EQ(r.content_type, "application/problem+json");
  boost::json::object problem = Json(r).as_object();
  EXPECT_EQ(problem.at("code").as_string(), "invalid-entry");
  const std::string detail(problem.at("detail").as_string());
  EXPECT_EQ(detail.rfind("line 4 (sequence 3): hendelse: field 'folkeregisteridentifikator' is "
                         "missing",
                         0),
            0u)
      << detail;
  EXPECT_NE(detail.find("the 2 entries before it were applied"), std::string::npos) << detail;
  EXPECT_EQ(problem.at("line").as_int64(), 4);
  EXPECT_EQ(problem.at("sequence").as_int64(), 3);
  EXPECT_EQ(problem.at("applied").as_int64(), 2);
  EXPECT_EQ(*store_->GetPointer("freg"), 2);
  EXPECT_TRUE(Known(bo_));
  EXPECT_EQ(KommuneOf(ada_), "0301") << "nothing after the bad entry";

  // Fixed and sent again: the applied entries are skipped.
  Response fixed = PostFeed(Created(1, ada_, "0301") + "\n" + Created(2, bo_, "0301") + "\n" +
                            registry::testing::Entry(3, bo_, "noeHeltNytt") + "\n" +
                            Moved(4, ada_, "4601", "2026-01-05"));
  ASSERT_EQ(fixed.status, 200) << fixed.body;
  EXPECT_EQ(Json(fixed).at("already_applied").as_int64(), 2);
  EXPECT_EQ(Json(fixed).at("applied").as_int64(), 2);
  EXPECT_EQ(KommuneOf(ada_), "4601");
}

TEST_F(IntakeRoutesTest, BrokenJsonIsNamedByLineWithoutIdentityNumbers) {
  Response r = PostFeed(Created(1, ada_, "0301") + "\n{\"sekvens" + ada_ + "\n");
  ASSERT_EQ(r.status, 422) << r.body;
  boost::json::object problem = Json(r).as_object();
  EXPECT_EQ(std::string(problem.at("detail").as_string()).rfind("line 2", 0), 0u) << r.body;
  EXPECT_TRUE(problem.at("sequence").is_null());
  EXPECT_EQ(r.body.find(ada_), std::string::npos);
  EXPECT_TRUE(Known(ada_));
}

TEST_F(IntakeRoutesTest, AnEmptyPageAppliesNothing) {
  Response r = PostFeed("\n  \n");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Json(r).at("applied").as_int64(), 0);
  EXPECT_EQ(Json(r).at("last_sequence").as_int64(), 0);
}

TEST_F(IntakeRoutesTest, StructuredCloudEvent) {
  Response r = PostEvents(boost::json::serialize(CloudEvent("e-1", Created(1, ada_, "0301"))),
                          "application/cloudevents+json");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Json(r).at("applied").as_int64(), 1);
  EXPECT_EQ(Json(r).at("events").as_int64(), 1);
  EXPECT_TRUE(Known(ada_));
}

TEST_F(IntakeRoutesTest, CloudEventBatchStopsAtABadEntry) {
  boost::json::array batch{
      CloudEvent("e-1", Created(1, ada_, "0301")),
      CloudEvent("e-2", R"({"sekvensnummer": 2, "hendelse": {"hendelsetype": "x"}})"),
      CloudEvent("e-3", Created(3, bo_, "0301"))};
  Response r = PostEvents(boost::json::serialize(batch), "application/cloudevents-batch+json");
  ASSERT_EQ(r.status, 422) << r.body;
  boost::json::object problem = Json(r).as_object();
  EXPECT_EQ(problem.at("code").as_string(), "invalid-entry");
  EXPECT_EQ(
      std::string(problem.at("detail").as_string()).rfind("event 2 (id 'e-2', sequence 2)", 0), 0u)
      << r.body;
  EXPECT_TRUE(Known(ada_));
  EXPECT_FALSE(Known(bo_));
}

TEST_F(IntakeRoutesTest, ABadEnvelopeAppliesNothing) {
  boost::json::array batch{CloudEvent("e-1", Created(1, ada_, "0301")),
                           boost::json::object{{"specversion", "1.0"}, {"id", "e-2"}}};
  Response r = PostEvents(boost::json::serialize(batch), "application/cloudevents-batch+json");
  ASSERT_EQ(r.status, 422) << r.body;
  EXPECT_EQ(Code(r), "invalid-event");
  EXPECT_NE(r.body.find("event 2 of the batch (id 'e-2')"), std::string::npos) << r.body;
  EXPECT_FALSE(Known(ada_));
}

TEST_F(IntakeRoutesTest, ALargePageInOneRequest) {
  std::string page;
  constexpr int kPersons = 3000;
  for (int i = 0; i < kPersons; ++i) {
    const std::string birth = engine::testing::D("1950-01-01").AddDays(i * 5).ToString();
    const std::string id = testing::MakeId(birth.c_str(), i);
    page += Created(i + 1, id, "4601") + "\n";
  }
  Response r = PostFeed(page);
  ASSERT_EQ(r.status, 200) << r.body.substr(0, 500);
  EXPECT_EQ(Json(r).at("last_sequence").as_int64(), kPersons);
  EXPECT_EQ(store_->Counts()->events, kPersons);
  EXPECT_EQ(store_->Counts()->persons, kPersons);
}

}  // namespace
}  // namespace proaktiv::http::api
