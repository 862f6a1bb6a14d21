// The engine queues every offer's messages in the outbox in the offer's own transaction: an
// offer made has its messages (routed by the contact register, in the citizen's language, with
// the service's message rendered), a rolled-back offer leaves no message, an offer the guard
// holds back is never queued, and a change the citizen must be told queues a change notice.

#include <gtest/gtest.h>

#include "engine/offer_decider.h"
#include "engine/offer_engine.h"
#include "engine/test_persons.h"
#include "engine/testing/library_fixture.h"

namespace proaktiv::engine {
namespace {

using testing::D;

class OfferOutboxTest : public testing::StoreFixture {
 protected:
  void SetUp() override {
    ASSERT_NO_FATAL_FAILURE(StoreFixture::SetUp());
    ASSERT_NO_FATAL_FAILURE(PutHousehold());
    // Per has an unreserved KRR record in nynorsk with a recent mobile number, no e-mail.
    store::ContactRecord per;
    per.person_key = keys_["10035112345"];
    per.notification_status = "KAN_VARSLES";
    per.mobile = "+4791234567";
    per.mobile_updated = 1767225600;  // 2026-01-01
    per.language = "nn";
    ASSERT_TRUE(store_->Begin());
    ASSERT_TRUE(store_->contacts().PutContact(per));
    ASSERT_TRUE(store_->Commit());
  }
};

TEST_F(OfferOutboxTest, EveryOfferIsQueuedWithItsMessages) {
  OfferEngine engine(*store_, *library_);
  ASSERT_TRUE(engine.IndexPopulation(D("2026-01-01")));
  auto report = engine.RunThrough(D("2026-03-20"));
  ASSERT_TRUE(report) << report.error().ToString();
  auto offers = Offers();
  ASSERT_FALSE(offers.empty());
  for (const auto& offer : offers) {
    auto messages = store_->outbox().MessagesOf(offer.id);
    ASSERT_TRUE(messages);
    ASSERT_EQ(messages->size(), offer.recipients.size()) << offer.service;
    for (const auto& m : *messages) {
      EXPECT_EQ(m.kind, store::MessageKind::kOffer);
      EXPECT_EQ(m.status, store::MessageStatus::kQueued);
      EXPECT_EQ(m.kommunenummer, offer.kommunenummer);
      if (m.person_key == keys_["10035112345"]) {
        EXPECT_EQ(m.channel, "sms");
        EXPECT_EQ(m.language, "nn");
        EXPECT_NE(m.content_json.find("Per"), std::string::npos) << m.content_json;
      } else {
        EXPECT_EQ(m.channel, "letter");  // no contact record
        EXPECT_EQ(m.route_reason, "no-contact-record");
      }
    }
  }
}

TEST_F(OfferOutboxTest, ARolledBackOfferLeavesNoMessage) {
  delivery::DeliveryConfig config = delivery::DeliveryConfig::Defaults();
  delivery::OutboxWriter writer(*store_, config);
  PersonCache persons(*store_);
  EngineReport report;
  OfferDecider decider(store_->engine(), persons, report, nullptr, &writer);
  const store::StoredPerson* per = persons.ByKey(keys_["10035112345"]);
  ASSERT_NE(per, nullptr);
  ASSERT_TRUE(store_->Begin());
  ASSERT_TRUE(decider.Consider(*library_->Find("senior-home-visit"), *per, "date:2026",
                               D("2026-03-10"), nullptr));
  auto offer = store_->engine().FindOffer("senior-home-visit", per->key, "date:2026");
  ASSERT_TRUE(offer && *offer);
  EXPECT_EQ(store_->outbox().MessagesOf((*offer)->id)->size(), 1u);
  ASSERT_TRUE(store_->Rollback());
  EXPECT_FALSE(*store_->engine().FindOffer("senior-home-visit", per->key, "date:2026"));
  EXPECT_FALSE(*store_->outbox().NextDueAt());
}

TEST_F(OfferOutboxTest, AnOfferTheGuardHoldsBackIsNeverQueued) {
  store::StoredPerson dead{keys_["10035112345"], {}};
  dead.person = (*store_->FindPersonByKey(dead.key))->person;
  testing::Die(dead.person, "2026-03-01");
  delivery::DeliveryConfig config = delivery::DeliveryConfig::Defaults();
  delivery::OutboxWriter writer(*store_, config);
  PersonCache persons(*store_);
  EngineReport report;
  report.keep_records = true;
  OfferDecider decider(store_->engine(), persons, report, nullptr, &writer);
  ASSERT_TRUE(store_->Begin());
  ASSERT_TRUE(decider.Consider(*library_->Find("senior-home-visit"), dead, "date:2026",
                               D("2026-03-10"), nullptr));
  ASSERT_TRUE(store_->Commit());
  EXPECT_EQ(report.Count("senior-home-visit", Outcome::kHeld), 1);
  EXPECT_TRUE(Offers().empty());
  EXPECT_FALSE(*store_->outbox().NextDueAt());
}

TEST_F(OfferOutboxTest, AWithdrawalOfASentOfferQueuesAChangeNotice) {
  OfferEngine engine(*store_, *library_);
  ASSERT_TRUE(engine.IndexPopulation(D("2026-01-01")));
  ASSERT_TRUE(engine.RunThrough(D("2026-03-20")));
  auto offer = *store_->engine().FindOffer("senior-home-visit", keys_["10035112345"], "date:2026");
  ASSERT_TRUE(offer);
  ASSERT_TRUE(engine.Record(offer->id, store::OfferState::kSent, D("2026-03-21"), "delivered"));
  auto report = engine.SetOptOut(keys_["10035112345"], "senior-home-visit", true, D("2026-03-22"));
  ASSERT_TRUE(report) << report.error().ToString();
  auto messages = *store_->outbox().MessagesOf(offer->id);
  ASSERT_EQ(messages.size(), 2u);
  EXPECT_EQ(messages[1].kind, store::MessageKind::kChange);
  EXPECT_NE(messages[1].idempotency_key.find(".change.v"), std::string::npos);
  EXPECT_NE(messages[1].content_json.find("Førebyggjande heimebesøk"), std::string::npos)
      << messages[1].content_json;
}

}  // namespace
}  // namespace proaktiv::engine
