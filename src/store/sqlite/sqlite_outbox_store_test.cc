// The contact register's and the outbox's tables: contacts are kept and replaced by person key;
// enqueueing is idempotent by key; the due query, in-flight list, reminders, per-offer list,
// provider-id lookup and the admin's counts; messages roll back with the offer's transaction.

#include <gtest/gtest.h>

#include "store/store.h"

namespace proaktiv::store {
namespace {

class OutboxStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto s = OpenSqliteStore(":memory:");
    ASSERT_TRUE(s) << s.error().message;
    store_ = std::move(*s);
  }

  int64_t InsertOffer(const std::string& occurrence) {
    OfferRecord o;
    o.service = "kindergarten-place";
    o.subject_key = 1;
    o.occurrence = occurrence;
    o.kommunenummer = "4601";
    o.decided_day = 20000;
    o.updated_day = 20000;
    o.decision_json = "{}";
    o.recipients = {7};
    auto id = store_->engine().InsertOffer(o, "trigger");
    EXPECT_TRUE(id) << id.error().message;
    return id ? *id : 0;
  }

  int64_t AnOffer() {
    EXPECT_TRUE(store_->Begin());
    int64_t id = InsertOffer("date:2026");
    EXPECT_TRUE(store_->Commit());
    return id;
  }

  static OutboxMessage Message(int64_t offer, std::string channel, int64_t due) {
    OutboxMessage m;
    m.offer_id = offer;
    m.person_key = 7;
    m.kommunenummer = "4601";
    m.channel = channel;
    m.idempotency_key = "o" + std::to_string(offer) + "-p7-" + channel + "-offer";
    m.next_attempt_at = due;
    m.language = "nb";
    m.route_reason = "mailbox";
    m.content_json = "{}";
    m.created_at = due;
    m.created_day = 20000;
    m.updated_at = due;
    return m;
  }

  OutboxStore& outbox() { return store_->outbox(); }
  std::unique_ptr<RegistryStore> store_;
};

TEST_F(OutboxStoreTest, ContactsAreKeptAndReplaced) {
  ContactStore& contacts = store_->contacts();
  EXPECT_FALSE(*contacts.FindContact(7));
  ContactRecord r;
  r.person_key = 7;
  r.reserved = false;
  r.notification_status = "KAN_VARSLES";
  r.email = "ola@eksempel.no";
  r.email_updated = 1700000000;
  r.mobile = "+4799999999";
  r.mobile_verified = 1710000000;
  r.mailbox_address = "ola#1";
  r.mailbox_provider = "digipost";
  r.language = "nn";
  r.loaded_at = 1720000000;
  ASSERT_TRUE(contacts.PutContact(r));
  auto found = contacts.FindContact(7);
  ASSERT_TRUE(found && *found) << (found ? "" : found.error().message);
  EXPECT_EQ(**found, r);
  r.reserved = true;
  r.email_updated.reset();
  ASSERT_TRUE(contacts.PutContact(r));
  EXPECT_EQ(**contacts.FindContact(7), r);
  EXPECT_EQ(*contacts.CountContacts(), 1);
}

TEST_F(OutboxStoreTest, EnqueueIsIdempotentByKey) {
  const int64_t offer = AnOffer();
  auto first = outbox().Enqueue(Message(offer, "sms", 100));
  ASSERT_TRUE(first && *first) << (first ? "" : first.error().message);
  OutboxMessage again = Message(offer, "sms", 999);
  auto second = outbox().Enqueue(again);
  ASSERT_TRUE(second);
  EXPECT_FALSE(*second);
  auto kept = outbox().FindMessage(**first);
  ASSERT_TRUE(kept && *kept);
  EXPECT_EQ((*kept)->next_attempt_at, 100);
  EXPECT_EQ((*kept)->status, MessageStatus::kQueued);
}

TEST_F(OutboxStoreTest, DueListsQueuedMessagesEarliestFirst) {
  const int64_t offer = AnOffer();
  auto late = *outbox().Enqueue(Message(offer, "sms", 300));
  auto early = *outbox().Enqueue(Message(offer, "email", 100));
  auto mail = *outbox().Enqueue(Message(offer, "mailbox", 200));
  EXPECT_EQ(**outbox().NextDueAt(), 100);
  auto due = outbox().Due(250, 10);
  ASSERT_TRUE(due);
  ASSERT_EQ(due->size(), 2u);
  EXPECT_EQ((*due)[0].id, *early);
  EXPECT_EQ((*due)[1].id, *mail);

  OutboxMessage m = (*due)[0];
  m.status = MessageStatus::kSending;
  m.attempts = 1;
  ASSERT_TRUE(outbox().UpdateMessage(m));
  EXPECT_EQ(outbox().Due(250, 10)->size(), 1u);
  auto in_flight = outbox().InFlight();
  ASSERT_TRUE(in_flight);
  ASSERT_EQ(in_flight->size(), 1u);
  EXPECT_EQ((*in_flight)[0].id, *early);
  EXPECT_EQ((*in_flight)[0].attempts, 1);
  EXPECT_EQ(outbox().Due(1000, 1)->size(), 1u);
  EXPECT_EQ(outbox().Due(1000, 10)->front().id, *mail);
  (void)late;
}

TEST_F(OutboxStoreTest, ProviderIdRemindersAndOfferList) {
  const int64_t offer = AnOffer();
  auto id = *outbox().Enqueue(Message(offer, "sms", 100));
  OutboxMessage m = **outbox().FindMessage(*id);
  m.status = MessageStatus::kSent;
  m.provider_id = "gw-42";
  m.sent_at = 150;
  m.reminder_at = 150 + 7 * 86400;
  ASSERT_TRUE(outbox().UpdateMessage(m));
  auto found = outbox().FindByProviderId("sms", "gw-42");
  ASSERT_TRUE(found && *found);
  EXPECT_EQ((*found)->id, *id);
  EXPECT_FALSE(*outbox().FindByProviderId("email", "gw-42"));
  EXPECT_TRUE(outbox().RemindersDue(150, 10)->empty());
  EXPECT_EQ(outbox().RemindersDue(150 + 7 * 86400, 10)->size(), 1u);
  EXPECT_EQ(outbox().MessagesOf(offer)->size(), 1u);
  EXPECT_TRUE(outbox().MessagesOf(offer + 1)->empty());
}

TEST_F(OutboxStoreTest, UpdateOfAnUnknownMessageIsNotFound) {
  OutboxMessage m;
  m.id = 999;
  auto s = outbox().UpdateMessage(m);
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().code, ErrorCode::kNotFound);
}

TEST_F(OutboxStoreTest, CountsPerDayChannelAndStatus) {
  const int64_t offer = AnOffer();
  ASSERT_TRUE(outbox().Enqueue(Message(offer, "sms", 1)));
  ASSERT_TRUE(outbox().Enqueue(Message(offer, "email", 1)));
  OutboxMessage other = Message(offer, "letter", 1);
  other.kommunenummer = "5001";
  ASSERT_TRUE(outbox().Enqueue(other));
  auto counts = outbox().CountByDay("4601", 19999, 20001);
  ASSERT_TRUE(counts);
  ASSERT_EQ(counts->size(), 2u);
  EXPECT_EQ((*counts)[0].channel, "email");
  EXPECT_EQ((*counts)[1].channel, "sms");
  EXPECT_EQ((*counts)[1].count, 1);
  EXPECT_EQ(outbox().CountByDay("", 19999, 20001)->size(), 3u);
  EXPECT_TRUE(outbox().CountByDay("4601", 20001, 20005)->empty());
}

TEST_F(OutboxStoreTest, SchemaRefusesAnUnknownChannel) {
  const int64_t offer = AnOffer();
  EXPECT_FALSE(outbox().Enqueue(Message(offer, "pigeon", 1)));
}

TEST_F(OutboxStoreTest, MessagesRollBackWithTheOffer) {
  ASSERT_TRUE(store_->Begin());
  const int64_t offer = InsertOffer("date:2027");
  ASSERT_TRUE(outbox().Enqueue(Message(offer, "sms", 1)));
  ASSERT_TRUE(store_->Rollback());
  EXPECT_FALSE(*outbox().NextDueAt());
  EXPECT_TRUE(outbox().MessagesOf(offer)->empty());
}

}  // namespace
}  // namespace proaktiv::store
