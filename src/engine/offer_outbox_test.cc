// The engine queues every offer's messages in the outbox in the offer's own transaction: an
// offer made has its messages (routed by the contact register, in the citizen's language, with
// the service's message rendered), a rolled-back offer leaves no message, an offer the guard
// holds back is never queued, and a change the citizen must be told queues a change notice.

#include <unistd.h>

#include <filesystem>

#include <gtest/gtest.h>

#include "catalog/catalog.h"
#include "engine/offer_decider.h"
#include "engine/offer_engine.h"
#include "engine/test_persons.h"

namespace proaktiv::engine {
namespace {

using testing::D;
using testing::Family;
using testing::MakePerson;

const std::string kSource = PROAKTIV_SOURCE_DIR;

class OfferOutboxTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto c = catalog::Catalog::LoadFile(kSource + "/catalog/catalog.yaml");
    ASSERT_TRUE(c) << c.error().ToString();
    catalog_ = new catalog::Catalog(std::move(*c));
    auto lib = LoadLibrary(kSource + "/services", *catalog_);
    ASSERT_TRUE(lib) << lib.error().ToString();
    library_ = new ServiceLibrary(std::move(*lib));
  }
  static void TearDownTestSuite() {
    delete library_;
    delete catalog_;
  }

  void SetUp() override {
    path_ = (std::filesystem::temp_directory_path() /
             ("offer_outbox_test_" + std::to_string(::getpid()) + ".db"))
                .string();
    Remove();
    auto s = store::OpenSqliteStore(path_);
    ASSERT_TRUE(s) << s.error().message;
    store_ = std::move(*s);
    Family f;
    f.Add(MakePerson("01018512345", "1985-01-01", "3201", "Kari"));
    f.Add(MakePerson("04052512345", "2025-05-04", "3201", "Ola"));
    f.ParentOf("01018512345", "04052512345", registry::RelationRole::kMor);
    f.Add(MakePerson("10035112345", "1951-03-10", "3201", "Per"));
    ASSERT_TRUE(store_->Begin());
    for (const char* id : {"01018512345", "04052512345", "10035112345"}) {
      keys_[id] = *store_->PutPerson(0, f[id]);
    }
    // Per has an unreserved KRR record in nynorsk with a recent mobile number, no e-mail.
    store::ContactRecord per;
    per.person_key = keys_["10035112345"];
    per.notification_status = "KAN_VARSLES";
    per.mobile = "+4791234567";
    per.mobile_updated = 1767225600;  // 2026-01-01
    per.language = "nn";
    ASSERT_TRUE(store_->contacts().PutContact(per));
    ASSERT_TRUE(store_->Commit());
  }
  void TearDown() override {
    store_.reset();
    Remove();
  }
  void Remove() {
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_ + suffix);
  }

  std::vector<store::OfferRecord> Offers() {
    std::vector<store::OfferRecord> out;
    EXPECT_TRUE(store_->engine().ForEachOffer([&](const store::OfferRecord& o) {
      out.push_back(o);
      return true;
    }));
    for (auto& o : out) o = **store_->engine().FindOfferById(o.id);  // with recipients
    return out;
  }

  static catalog::Catalog* catalog_;
  static ServiceLibrary* library_;
  std::string path_;
  std::unique_ptr<store::RegistryStore> store_;
  std::map<std::string, int64_t> keys_;
};

catalog::Catalog* OfferOutboxTest::catalog_ = nullptr;
ServiceLibrary* OfferOutboxTest::library_ = nullptr;

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
