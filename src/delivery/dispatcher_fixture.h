#pragma once

// The fixture of the dispatcher's tests (tests only): an in-memory store with one person, the
// shipped message templates, a fake clock, and fake channels whose receivers show each
// idempotency key once, however often it is sent.

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "delivery/delivery_testing.h"
#include "delivery/dispatcher.h"
#include "delivery/outbox_writer.h"

namespace proaktiv::delivery::testing {

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

}  // namespace proaktiv::delivery::testing
