// GET /api/v1/admin/kommuner/{kommune}/delivery: counts per day, channel and status of the
// kommune's messages only; another kommune's key is refused; bad dates are 400.

#include "http/api/admin_routes.h"

#include "http/api/citizen_api_testing.h"

namespace proaktiv::http::api::testing {
namespace {

class DeliveryRouteTest : public CitizenApiTest {
 protected:
  void SetUp() override {
    CitizenApiTest::SetUp();
    RegisterAdminRoutes(router_, *context_);
    // One of Siv's messages delivered; one message of another kommune's offer.
    auto messages = *store_->outbox().MessagesOf(siv_offer_);
    ASSERT_EQ(messages.size(), 1u);
    messages[0].status = store::MessageStatus::kDelivered;
    ASSERT_TRUE(store_->outbox().UpdateMessage(messages[0]));
    store::OutboxMessage other = messages[0];
    other.kommunenummer = "0301";
    other.idempotency_key = "oslo";
    ASSERT_TRUE(store_->outbox().Enqueue(other));
  }
  static Principal Staff(const std::string& scope) {
    Principal p;
    p.kind = Principal::Kind::kStaff;
    p.subject = "key-1";
    p.name = "admin";
    p.scopes = {scope};
    return p;
  }
};

TEST_F(DeliveryRouteTest, CountsPerDayChannelAndStatus) {
  Response r = Get("/api/v1/admin/kommuner/4601/delivery", Staff("admin:4601"));
  ASSERT_EQ(r.status, 200) << r.body;
  const boost::json::object o = Json(r).as_object();
  EXPECT_EQ(o.at("from").as_string(), "2025-12-22");
  EXPECT_EQ(o.at("to").as_string(), "2026-01-20");
  const auto& rows = o.at("rows").as_array();
  ASSERT_EQ(rows.size(), 2u) << r.body;
  EXPECT_EQ(rows[0].at("day").as_string(), "2026-01-18");
  EXPECT_EQ(rows[0].at("channel").as_string(), "letter");
  EXPECT_EQ(rows[0].at("status").as_string(), "delivered");
  EXPECT_EQ(rows[0].at("count").as_int64(), 1);
  EXPECT_EQ(rows[1].at("status").as_string(), "queued");
  EXPECT_EQ(o.at("totals").at("letter").at("queued").as_int64(), 1);
  auto narrow =
      Get("/api/v1/admin/kommuner/4601/delivery?from=2026-01-19&to=2026-01-20", Staff("admin:*"));
  ASSERT_EQ(narrow.status, 200);
  EXPECT_TRUE(Json(narrow).at("rows").as_array().empty());
}

TEST_F(DeliveryRouteTest, AnotherKommunesKeyAndBadDatesAreRefused) {
  Response r = Get("/api/v1/admin/kommuner/4601/delivery", Staff("admin:0301"));
  EXPECT_EQ(r.status, 403);
  EXPECT_EQ(Code(r), "forbidden-kommune");
  EXPECT_EQ(r.body.find("letter"), std::string::npos);
  for (const char* q :
       {"?from=yesterday", "?from=2026-02-01&to=2026-01-01", "?from=2024-01-01&to=2026-01-01"}) {
    Response bad =
        Get(std::string("/api/v1/admin/kommuner/4601/delivery") + q, Staff("admin:4601"));
    EXPECT_EQ(bad.status, 400) << q;
    EXPECT_EQ(Code(bad), "invalid-parameter") << q;
  }
}

}  // namespace
}  // namespace proaktiv::http::api::testing
