// The dispatcher after sending and at send time (fixture: delivery/dispatcher_fixture.h):
// reminders after 7 days unless opened; re-routing at send time; closed offers; channels
// without an adapter; receipts; the envelope of a protected address.

#include "delivery/dispatcher.h"

#include <gtest/gtest.h>

#include "delivery/dispatcher_fixture.h"
#include "delivery/outcomes.h"

namespace proaktiv::delivery {
namespace {

using store::MessageStatus;
using testing::At;
using testing::Contact;
using testing::DispatcherTest;
using testing::FakeChannel;
using testing::MakePerson;
using testing::Receiver;
using testing::Utc;

TEST_F(DispatcherTest, OneReminderAfterSevenDaysUnlessOpened) {
  auto c = Contact(key_, Utc("2026-01-01T10:00"));
  c.mailbox_address = "ola#1";
  c.mailbox_provider = "digipost";
  SetContact(c);
  Add(ChannelKind::kDigitalMailbox);
  const int64_t offer = Offer("a");
  const int64_t opened = Offer("b");
  auto d = Make();
  ASSERT_TRUE(d.RunOnce());
  ASSERT_TRUE(store_->Begin());
  auto o = **store_->engine().FindOfferById(opened);
  o.state = store::OfferState::kOpened;
  ASSERT_TRUE(store_->engine().UpdateOffer(
      o, store::OfferTransition{o.id, store::OfferState::kSent, o.state, 1, 20501, "portal"}));
  ASSERT_TRUE(store_->Commit());
  clock_.Advance(std::chrono::hours(24 * 7 - 1));
  EXPECT_EQ(d.RunOnce()->reminders, 0);
  clock_.Advance(std::chrono::hours(1));
  auto report = d.RunOnce();
  ASSERT_TRUE(report);
  EXPECT_EQ(report->reminders, 1);
  auto messages = Messages(offer);
  ASSERT_EQ(messages.size(), 2u);
  EXPECT_EQ(messages[1].kind, store::MessageKind::kReminder);
  EXPECT_EQ(messages[1].status, MessageStatus::kDelivered);
  EXPECT_EQ(Messages(opened).size(), 1u);
  clock_.Advance(std::chrono::hours(24 * 30));
  EXPECT_EQ(d.RunOnce()->reminders, 0);
  const auto& shown = receivers_[ChannelKind::kDigitalMailbox].shown;
  EXPECT_EQ(shown.size(), 3u);
  EXPECT_NE(shown.at("proaktiv.o1.p1.mailbox.reminder").subject.find("Påminnelse"),
            std::string::npos);
}

TEST_F(DispatcherTest, AReservationMadeAfterQueueingReroutesToALetter) {
  SetContact(Contact(key_, Utc("2026-01-01T10:00")));
  Add(ChannelKind::kSms);
  Add(ChannelKind::kEmail);
  Add(ChannelKind::kLetter);
  const int64_t offer = Offer();
  auto c = Contact(key_, Utc("2026-01-01T10:00"));
  c.reserved = true;
  c.notification_status = "KAN_IKKE_VARSLES";
  SetContact(c);
  auto d = Make();
  auto report = d.RunOnce();
  ASSERT_TRUE(report);
  EXPECT_EQ(report->rerouted, 2);
  ASSERT_TRUE(d.RunOnce());
  auto all = Messages(offer);
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[0].status, MessageStatus::kCancelled);
  EXPECT_EQ(all[1].status, MessageStatus::kCancelled);
  EXPECT_EQ(all[2].channel, "letter");
  EXPECT_EQ(all[2].status, MessageStatus::kDelivered);
  EXPECT_EQ(receivers_[ChannelKind::kSms].calls + receivers_[ChannelKind::kEmail].calls, 0);
  const OutgoingMessage& letter = receivers_[ChannelKind::kLetter].shown.begin()->second;
  EXPECT_EQ(letter.address.street, "Storgata 1");
  EXPECT_NE(letter.body.find("Hele teksten"), std::string::npos);
}

TEST_F(DispatcherTest, AClosedOfferCancelsItsMessagesButNotTheChangeNotice) {
  SetContact(Contact(key_, Utc("2026-01-01T10:00")));
  Add(ChannelKind::kSms);
  Add(ChannelKind::kEmail);
  const int64_t offer = Offer();
  ASSERT_TRUE(store_->Begin());
  auto o = **store_->engine().FindOfferById(offer);
  o.state = store::OfferState::kWithdrawn;
  ASSERT_TRUE(store_->engine().UpdateOffer(
      o, store::OfferTransition{o.id, store::OfferState::kProposed, o.state, 1, 20501, "x"}));
  OutboxWriter writer(*store_, config_);
  ASSERT_TRUE(writer.Enqueue(o, store::MessageKind::kChange, {"B", "B", "B"}, {{key_, &person_}},
                             {}, Now()));
  ASSERT_TRUE(store_->Commit());
  auto d = Make();
  ASSERT_TRUE(d.RunOnce());
  int cancelled = 0, delivered = 0;
  for (const auto& m : Messages(offer)) {
    if (m.kind == store::MessageKind::kOffer) {
      EXPECT_EQ(m.status, MessageStatus::kCancelled);
      ++cancelled;
    } else {
      EXPECT_EQ(m.status, MessageStatus::kDelivered);
      ++delivered;
    }
  }
  EXPECT_EQ(cancelled, 2);
  EXPECT_EQ(delivered, 2);
}

TEST_F(DispatcherTest, AChannelWithoutAnAdapterKeepsItsMessagesQueued) {
  const int64_t offer = Offer();  // no contact record: a letter
  auto d = Make();
  auto report = d.RunUntilIdle();
  ASSERT_TRUE(report);
  EXPECT_EQ(report->attempts, 0);
  auto m = Messages(offer).front();
  EXPECT_EQ(m.status, MessageStatus::kQueued);
  EXPECT_EQ(m.attempts, 0);
  EXPECT_EQ(m.last_error, "channel letter not configured");
}

TEST_F(DispatcherTest, ReceiptsFinishWhatTheGatewayAccepted) {
  auto c = Contact(key_, Utc("2026-01-01T10:00"));
  c.email.clear();
  SetContact(c);
  Add(ChannelKind::kSms)->awaiting_receipt = true;
  const int64_t offer = Offer("a");
  const int64_t other = Offer("b");
  auto d = Make();
  ASSERT_TRUE(d.RunOnce());
  auto m = Messages(offer).front();
  EXPECT_EQ(m.status, MessageStatus::kSent);
  EXPECT_EQ(State(offer), store::OfferState::kSent);
  auto delivered = ApplyReceipt(*store_, config_, {0, "sms", m.provider_id, true, ""}, Now());
  ASSERT_TRUE(delivered) << delivered.error().message;
  EXPECT_EQ(delivered->status, MessageStatus::kDelivered);
  auto again = ApplyReceipt(*store_, config_, {m.id, "", "", false, "late"}, Now());
  ASSERT_TRUE(again);
  EXPECT_EQ(again->status, MessageStatus::kDelivered);  // receipts may repeat; final stays
  auto failed =
      ApplyReceipt(*store_, config_, {Messages(other).front().id, "", "", false, "absent"}, Now());
  ASSERT_TRUE(failed);
  EXPECT_EQ(failed->status, MessageStatus::kFailed);
  auto all = Messages(other);
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[1].channel, "letter");
  EXPECT_FALSE(ApplyReceipt(*store_, config_, {0, "sms", "nope", true, ""}, Now()));
}

TEST_F(DispatcherTest, AProtectedAddressStaysOnTheEnvelope) {
  person_ = MakePerson("02029012345", "Kari", registry::AddressProtection::kFortrolig);
  key_ = *store_->PutPerson(0, person_);
  Add(ChannelKind::kLetter);
  Offer();
  auto d = Make();
  ASSERT_TRUE(d.RunOnce());
  ASSERT_EQ(receivers_[ChannelKind::kLetter].shown.size(), 1u);
  const OutgoingMessage& letter = receivers_[ChannelKind::kLetter].shown.begin()->second;
  EXPECT_TRUE(letter.address.protected_address);
  EXPECT_EQ(letter.body.find("Storgata"), std::string::npos);
  EXPECT_EQ(letter.subject.find("Storgata"), std::string::npos);
}

}  // namespace
}  // namespace proaktiv::delivery
