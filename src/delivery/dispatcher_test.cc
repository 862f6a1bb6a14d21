// The dispatcher sending (fixture: delivery/dispatcher_fixture.h): delivery moves the offer to
// sent; SMS hours; retries with back-off, the dead letter and the fallback letter; permanent
// failures; a restart with messages left in 'sending' (same key, the receiver shows it once);
// rate limits.

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

TEST_F(DispatcherTest, DeliveryMovesTheOfferToSent) {
  SetContact(Contact(key_, Utc("2026-01-01T10:00")));
  Add(ChannelKind::kSms);
  Add(ChannelKind::kEmail);
  const int64_t offer = Offer();
  auto d = Make();
  auto report = d.RunOnce();
  ASSERT_TRUE(report) << report.error().message;
  EXPECT_EQ(report->attempts, 2);
  EXPECT_EQ(report->by_channel["sms"]["delivered"], 1);
  for (const auto& m : Messages(offer)) EXPECT_EQ(m.status, MessageStatus::kDelivered);
  EXPECT_EQ(State(offer), store::OfferState::kSent);
  auto history = *store_->engine().Transitions(offer);
  EXPECT_EQ(history.back().cause, "delivered by sms");
  const OutgoingMessage& sms = receivers_[ChannelKind::kSms].shown.begin()->second;
  EXPECT_EQ(sms.to, "+4799999999");
  EXPECT_EQ(sms.idempotency_key, "proaktiv.o1.p1.sms.offer");
  EXPECT_NE(sms.body.find("http://127.0.0.1:8080/offers/1"), std::string::npos) << sms.body;
  EXPECT_NE(sms.body.find("Ola Nordmann"), std::string::npos);
  EXPECT_EQ(sms.kommune_name, "Bergen kommune");
}

TEST_F(DispatcherTest, SmsWaitsForNineOClock) {
  clock_.Set(At("2026-03-02T19:30"));  // 20:30 in Norway
  SetContact(Contact(key_, Utc("2026-01-01T10:00")));
  Add(ChannelKind::kSms);
  Add(ChannelKind::kEmail);
  const int64_t offer = Offer();
  auto d = Make();
  auto report = d.RunOnce();
  ASSERT_TRUE(report);
  EXPECT_EQ(report->attempts, 1);  // the e-mail
  EXPECT_EQ(receivers_[ChannelKind::kSms].calls, 0);
  clock_.Set(At("2026-03-03T07:59"));  // 08:59 in Norway
  EXPECT_EQ(d.RunOnce()->attempts, 0);
  clock_.Set(At("2026-03-03T08:00"));
  EXPECT_EQ(d.RunOnce()->attempts, 1);
  EXPECT_EQ(receivers_[ChannelKind::kSms].shown.size(), 1u);
  for (const auto& m : Messages(offer)) EXPECT_EQ(m.status, MessageStatus::kDelivered);
}

TEST_F(DispatcherTest, RetriesBackOffThenDieAndALetterFollows) {
  auto c = Contact(key_, Utc("2026-01-01T10:00"));
  c.mobile.clear();
  SetContact(c);
  FakeChannel* email = Add(ChannelKind::kEmail);
  email->fail = Error{ErrorCode::kUnavailable, "connection refused"};
  Add(ChannelKind::kLetter);
  const int64_t offer = Offer();
  auto d = Make();
  ASSERT_TRUE(d.RunOnce());
  auto m = Messages(offer).front();
  EXPECT_EQ(m.status, MessageStatus::kQueued);
  EXPECT_EQ(m.attempts, 1);
  EXPECT_EQ(m.last_error, "connection refused");
  const int64_t wait1 = m.next_attempt_at - Now();
  EXPECT_GE(wait1, 30);
  EXPECT_LT(wait1, 60);
  EXPECT_EQ(d.RunOnce()->attempts, 0);  // not due yet
  clock_.Advance(std::chrono::seconds(wait1));
  ASSERT_TRUE(d.RunOnce());
  m = Messages(offer).front();
  EXPECT_EQ(m.attempts, 2);
  const int64_t wait2 = m.next_attempt_at - Now();
  EXPECT_GE(wait2, 60);
  EXPECT_LT(wait2, 120);
  clock_.Advance(std::chrono::seconds(wait2));
  ASSERT_TRUE(d.RunOnce());
  auto all = Messages(offer);
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].status, MessageStatus::kDead);
  EXPECT_EQ(all[0].attempts, 3);
  EXPECT_EQ(all[1].channel, "letter");
  EXPECT_EQ(all[1].route_reason, "fallback-after-email-dead");
  ASSERT_TRUE(d.RunOnce());
  EXPECT_EQ(Messages(offer)[1].status, MessageStatus::kDelivered);
  EXPECT_EQ(receivers_[ChannelKind::kEmail].calls, 3);
  EXPECT_EQ(State(offer), store::OfferState::kSent);
}

TEST_F(DispatcherTest, APermanentRefusalFailsAtOnce) {
  auto c = Contact(key_, Utc("2026-01-01T10:00"));
  c.mobile.clear();
  SetContact(c);
  Add(ChannelKind::kEmail)->fail = Error{ErrorCode::kInvalidArgument, "550 no such user"};
  const int64_t offer = Offer();
  auto d = Make();
  ASSERT_TRUE(d.RunOnce());
  auto all = Messages(offer);
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].status, MessageStatus::kFailed);
  EXPECT_EQ(all[0].attempts, 1);
  EXPECT_EQ(all[1].channel, "letter");
  EXPECT_EQ(all[1].status, MessageStatus::kQueued);  // no letter adapter: it waits
}

TEST_F(DispatcherTest, ARestartResendsWithTheSameKeyAndTheReceiverShowsItOnce) {
  auto c = Contact(key_, Utc("2026-01-01T10:00"));
  c.mobile.clear();
  SetContact(c);
  const int64_t offer = Offer();
  // The first dispatcher claimed the message, the receiver got it, and the process died
  // before the outcome was recorded.
  auto m = Messages(offer).front();
  m.status = MessageStatus::kSending;
  m.attempts = 1;
  ASSERT_TRUE(store_->outbox().UpdateMessage(m));
  Receiver& receiver = receivers_[ChannelKind::kEmail];
  OutgoingMessage first;
  first.idempotency_key = m.idempotency_key;
  receiver.shown[m.idempotency_key] = first;
  receiver.calls = 1;

  Add(ChannelKind::kEmail);
  auto d = Make();
  auto recovered = d.Recover();
  ASSERT_TRUE(recovered);
  EXPECT_EQ(recovered->recovered, 1);
  ASSERT_TRUE(d.RunOnce());
  auto after = Messages(offer);
  ASSERT_EQ(after.size(), 1u);
  EXPECT_EQ(after[0].status, MessageStatus::kDelivered);
  EXPECT_EQ(after[0].attempts, 2);
  EXPECT_EQ(after[0].idempotency_key, m.idempotency_key);
  EXPECT_EQ(receiver.calls, 2);
  EXPECT_EQ(receiver.shown.size(), 1u);
}

TEST_F(DispatcherTest, ARateLimitSpreadsTheMessagesOut) {
  auto c = Contact(key_, Utc("2026-01-01T10:00"));
  c.mobile.clear();
  SetContact(c);
  config_.channels[ChannelKind::kEmail].rate = RateLimit{1, 1};
  Add(ChannelKind::kEmail);
  for (const char* occ : {"a", "b", "c"}) Offer(occ);
  auto d = Make();
  auto first = d.RunOnce();
  ASSERT_TRUE(first);
  EXPECT_EQ(first->attempts, 1);
  EXPECT_EQ(first->deferred, 2);
  int sleeps = 0;
  auto all = d.RunUntilIdle(200, std::chrono::seconds(5), [&](std::chrono::seconds s) {
    ++sleeps;
    clock_.Advance(s);
  });
  ASSERT_TRUE(all) << all.error().message;
  EXPECT_EQ(all->attempts, 2);
  EXPECT_GE(sleeps, 2);
  EXPECT_EQ(receivers_[ChannelKind::kEmail].shown.size(), 3u);
}

}  // namespace
}  // namespace proaktiv::delivery
