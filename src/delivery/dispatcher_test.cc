// The dispatcher with a fake clock and fake channels: delivery moves the offer to sent; SMS
// hours; retries with back-off, the dead letter and the fallback letter; permanent failures;
// a restart with messages left in 'sending' (same key, the receiver shows it once); rate
// limits; reminders after 7 days unless opened; re-routing at send time; closed offers;
// channels without an adapter; receipts; the envelope of a protected address.

#include "delivery/dispatcher.h"

#include <gtest/gtest.h>

#include "delivery/delivery_testing.h"
#include "delivery/outbox_writer.h"
#include "delivery/outcomes.h"

namespace proaktiv::delivery {
namespace {

using store::MessageStatus;
using testing::At;
using testing::Contact;
using testing::MakePerson;
using testing::Utc;

// What a receiver shows its users: one entry per idempotency key, however often it is sent.
struct Receiver {
  std::map<std::string, OutgoingMessage> shown;
  int calls = 0;
};

class FakeChannel final : public Channel {
 public:
  FakeChannel(ChannelKind kind, Receiver& receiver) : kind_(kind), receiver_(receiver) {}
  ChannelKind kind() const override { return kind_; }
  Result<SendReceipt> Send(const OutgoingMessage& m) override {
    ++receiver_.calls;
    if (fail) return tl::unexpected(*fail);
    receiver_.shown.try_emplace(m.idempotency_key, m);
    return SendReceipt{"p-" + std::to_string(m.message_id), awaiting_receipt};
  }
  std::optional<Error> fail;
  bool awaiting_receipt = false;

 private:
  ChannelKind kind_;
  Receiver& receiver_;
};

class DispatcherTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto s = store::OpenSqliteStore(":memory:");
    ASSERT_TRUE(s) << s.error().message;
    store_ = std::move(*s);
    config_ = DeliveryConfig::Defaults();
    config_.retry = RetryPolicy{3, std::chrono::seconds(60), std::chrono::seconds(600)};
    auto t = Templates::LoadFile(std::string(PROAKTIV_SOURCE_DIR) +
                                 "/services/_delivery/templates.yaml");
    ASSERT_TRUE(t) << t.error().message;
    templates_ = std::move(*t);
    person_ = MakePerson("01019012345", "Ola");
    key_ = *store_->PutPerson(0, person_);
  }

  void SetContact(const store::ContactRecord& c) { ASSERT_TRUE(store_->contacts().PutContact(c)); }

  // An offer to person_ queued like the engine does, at clock_'s time.
  int64_t Offer(const std::string& occurrence = "date:2026") {
    store::OfferRecord o;
    o.service = "kindergarten-place";
    o.subject_key = key_;
    o.occurrence = occurrence;
    o.kommunenummer = "4601";
    o.decided_day = 20500;
    o.updated_day = 20500;
    o.deadline_day = 20600;
    o.decision_json = "{}";
    o.recipients = {key_};
    EXPECT_TRUE(store_->Begin());
    o.id = *store_->engine().InsertOffer(o, "trigger");
    OutboxWriter writer(*store_, config_);
    catalog::LocalizedText name{"Barnehageplass", "Barnehageplass", "Kindergarten place"};
    auto n = writer.Enqueue(
        o, store::MessageKind::kOffer, name, {{key_, &person_}},
        [](std::string_view lang, const registry::Person&) -> Result<ServiceText> {
          return ServiceText{std::string("Emne ") + std::string(lang), "Hele teksten"};
        },
        Now());
    EXPECT_TRUE(n) << n.error().message;
    EXPECT_TRUE(store_->Commit());
    return o.id;
  }

  int64_t Now() const {
    return std::chrono::duration_cast<std::chrono::seconds>(clock_.Now().time_since_epoch())
        .count();
  }

  FakeChannel* Add(ChannelKind kind) {
    auto c = std::make_unique<FakeChannel>(kind, receivers_[kind]);
    FakeChannel* raw = c.get();
    channels_[kind] = std::move(c);
    return raw;
  }

  Dispatcher Make() {
    return Dispatcher(*store_, config_, templates_, std::move(channels_), clock_, 7);
  }

  std::vector<store::OutboxMessage> Messages(int64_t offer) {
    return *store_->outbox().MessagesOf(offer);
  }

  store::OfferState State(int64_t offer) { return (*store_->engine().FindOfferById(offer))->state; }

  std::unique_ptr<store::RegistryStore> store_;
  DeliveryConfig config_;
  Templates templates_;
  registry::Person person_;
  int64_t key_ = 0;
  FakeClock clock_{At("2026-03-02T10:00")};  // 11:00 in Norway
  ChannelMap channels_;
  std::map<ChannelKind, Receiver> receivers_;
};

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
