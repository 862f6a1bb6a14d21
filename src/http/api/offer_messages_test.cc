// The citizen's offer view shows each message of the offer to that citizen (channel, kind,
// status, times), never the messages to someone else, and another citizen gets 404 for the
// offer, as for one that does not exist.

#include "http/api/offer_messages.h"

#include "http/api/citizen_api_testing.h"

namespace proaktiv::http::api::testing {
namespace {

using OfferMessagesTest = CitizenApiTest;

TEST_F(OfferMessagesTest, TheOfferViewShowsTheCitizensOwnMessages) {
  // A message about Kari's offer to somebody else (a co-recipient) stays out of her view.
  store::OutboxMessage other;
  other.offer_id = kari_offer_;
  other.person_key = keys_.at(siv_);
  other.kommunenummer = "4601";
  other.channel = "sms";
  other.idempotency_key = "other";
  other.language = "nb";
  other.route_reason = "notice";
  other.content_json = "{}";
  other.next_attempt_at = other.created_at = other.updated_at = 1768903200;
  ASSERT_TRUE(store_->outbox().Enqueue(other));

  Response r = Get(OfferPath(kari_offer_), Citizen(kari_));
  ASSERT_EQ(r.status, 200) << r.body;
  const boost::json::value body = Json(r);
  const boost::json::array& messages = body.at("messages").as_array();
  ASSERT_EQ(messages.size(), 1u) << r.body;
  const auto& m = messages[0].as_object();
  EXPECT_EQ(m.at("channel").as_string(), "letter");  // Kari has no contact record
  EXPECT_EQ(m.at("kind").as_string(), "offer");
  EXPECT_EQ(m.at("status").as_string(), "queued");
  EXPECT_EQ(m.at("queued_at").as_string(), "2026-01-17T23:00:00Z");  // 18 January in Norway
  EXPECT_TRUE(m.at("sent_at").is_null());
  EXPECT_TRUE(m.at("delivered_at").is_null());

  // Siv sees her own offer's message, and Kari's offer not at all.
  Response siv = Get(OfferPath(siv_offer_), Citizen(siv_));
  ASSERT_EQ(siv.status, 200);
  EXPECT_EQ(Json(siv).at("messages").as_array().size(), 1u);
  Response foreign = Get(OfferPath(kari_offer_), Citizen(siv_));
  EXPECT_EQ(foreign.status, 404);
  EXPECT_EQ(foreign.body.find("messages"), std::string::npos);
}

TEST(OfferMessagesJsonTest, IsoTime) {
  EXPECT_EQ(IsoTime(0), "1970-01-01T00:00:00Z");
  EXPECT_EQ(IsoTime(1768903261), "2026-01-20T10:01:01Z");
}

}  // namespace
}  // namespace proaktiv::http::api::testing
