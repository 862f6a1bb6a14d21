// The admin's tables: settings are replaced and logged, the uptake funnel counts each stage as
// documented in settings_store.h, satisfaction answers are counted per service and value, and
// the persons of a kommune are read by their residence.

#include <unistd.h>

#include <filesystem>

#include <gtest/gtest.h>

#include "store/sqlite/database.h"
#include "store/store.h"

namespace proaktiv::store {
namespace {

class SettingsStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = (std::filesystem::temp_directory_path() /
             ("settings_store_test_" + std::to_string(::getpid()) + ".db"))
                .string();
    Remove();
    auto s = OpenSqliteStore(path_);
    ASSERT_TRUE(s) << s.error().message;
    store_ = std::move(*s);
  }
  void TearDown() override {
    store_.reset();
    Remove();
  }
  void Remove() {
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_ + suffix);
  }
  SettingsStore& settings() { return store_->settings(); }

  // An offer of `service` decided in `kommune` on `day`, moved through `states` in order.
  int64_t AddOffer(const std::string& service, const std::string& kommune, int32_t day,
                   std::vector<OfferState> states, OfferKind kind = OfferKind::kOffer) {
    OfferRecord o;
    o.service = service;
    o.subject_key = ++subject_;
    o.occurrence = "date:2026";
    o.kind = kind;
    o.kommunenummer = kommune;
    o.reason = "r";
    o.decided_day = day;
    o.updated_day = day;
    o.decision_json = "{}";
    o.recipients = {o.subject_key};
    auto id = store_->engine().InsertOffer(o, "trigger");
    EXPECT_TRUE(id) << id.error().message;
    o.id = *id;
    for (OfferState to : states) {
      const OfferState from = o.state;
      o.state = to;
      EXPECT_TRUE(store_->engine().UpdateOffer(o, OfferTransition{o.id, from, to, 1, day, "t"}));
    }
    return o.id;
  }

  std::string path_;
  std::unique_ptr<RegistryStore> store_;
  int64_t subject_ = 0;
};

TEST_F(SettingsStoreTest, PutReplacesTheSettingsAndLogsEveryChange) {
  ServiceSettingsRow row{"4601",
                         "kindergarten-place",
                         false,
                         R"({"intake_deadline":"04-01"})",
                         "2026-03-01T10:00:00Z",
                         "bergen-admin"};
  ASSERT_TRUE(store_->Begin());
  ASSERT_TRUE(settings().PutSettings(row));
  row.enabled.reset();
  row.parameters_json = "{}";
  row.updated_at = "2026-03-02T10:00:00Z";
  row.updated_by = "other-admin";
  ASSERT_TRUE(settings().PutSettings(row));
  ASSERT_TRUE(settings().PutSettings(
      ServiceSettingsRow{"0301", "sfo", true, "{}", "2026-03-03T10:00:00Z", "oslo"}));
  ASSERT_TRUE(store_->Commit());

  auto mine = settings().SettingsOf("4601");
  ASSERT_TRUE(mine);
  ASSERT_EQ(mine->size(), 1u);
  EXPECT_EQ((*mine)[0].service, "kindergarten-place");
  EXPECT_FALSE((*mine)[0].enabled.has_value());
  EXPECT_EQ((*mine)[0].parameters_json, "{}");
  EXPECT_EQ((*mine)[0].updated_by, "other-admin");

  auto all = settings().AllSettings();
  ASSERT_TRUE(all);
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ((*all)[0].kommunenummer, "0301");
  EXPECT_EQ((*all)[0].enabled, std::optional<bool>(true));

  auto log = settings().SettingsLog("4601", "kindergarten-place");
  ASSERT_TRUE(log);
  ASSERT_EQ(log->size(), 2u);
  EXPECT_EQ((*log)[0].enabled, std::optional<bool>(false));
  EXPECT_EQ((*log)[0].parameters_json, R"({"intake_deadline":"04-01"})");
  EXPECT_EQ((*log)[0].updated_by, "bergen-admin");
  EXPECT_EQ((*log)[1].updated_at, "2026-03-02T10:00:00Z");
}

TEST_F(SettingsStoreTest, UptakeCountsEveryStageOfTheFunnel) {
  using S = OfferState;
  const int32_t jan = 20454;  // 2026-01-01
  const int32_t feb = 20485;  // 2026-02-01
  ASSERT_TRUE(store_->Begin());
  AddOffer("kindergarten-place", "4601", jan, {});                         // proposed
  AddOffer("kindergarten-place", "4601", jan, {S::kWithdrawn});            // never sent
  AddOffer("kindergarten-place", "4601", jan, {S::kSent, S::kWithdrawn});  // sent
  AddOffer("kindergarten-place", "4601", jan, {S::kSent, S::kAccepted});   // not opened
  AddOffer("kindergarten-place", "4601", jan, {S::kSent, S::kOpened, S::kDeclined});
  AddOffer("kindergarten-place", "4601", jan, {S::kSent, S::kOpened, S::kAccepted});
  AddOffer("kindergarten-place", "4601", jan, {S::kExpired});  // expired
  AddOffer("kindergarten-place", "4601", feb, {S::kSent});
  AddOffer("kindergarten-place", "4601", feb, {}, OfferKind::kNotice);  // not counted
  AddOffer("kindergarten-place", "5001", feb, {S::kSent});              // elsewhere
  AddOffer("sfo", "4601", feb, {S::kSent, S::kOpened});
  ASSERT_TRUE(store_->Commit());

  auto rows = settings().Uptake("4601", "");
  ASSERT_TRUE(rows) << rows.error().message;
  ASSERT_EQ(rows->size(), 3u);
  const UptakeCount& j = (*rows)[0];
  EXPECT_EQ(j.service, "kindergarten-place");
  EXPECT_EQ(j.month, "2026-01");
  EXPECT_EQ(j.eligible, 7);
  EXPECT_EQ(j.offered, 6);
  EXPECT_EQ(j.delivered, 4);
  EXPECT_EQ(j.opened, 3);
  EXPECT_EQ(j.accepted, 2);
  EXPECT_EQ((*rows)[1].month, "2026-02");
  EXPECT_EQ((*rows)[1].eligible, 1);
  EXPECT_EQ((*rows)[1].delivered, 1);
  EXPECT_EQ((*rows)[1].opened, 0);
  EXPECT_EQ((*rows)[2].service, "sfo");
  EXPECT_EQ((*rows)[2].opened, 1);

  auto sfo = settings().Uptake("4601", "sfo");
  ASSERT_TRUE(sfo);
  ASSERT_EQ(sfo->size(), 1u);
  EXPECT_EQ((*sfo)[0].service, "sfo");
  auto none = settings().Uptake("0301", "");
  ASSERT_TRUE(none);
  EXPECT_TRUE(none->empty());
}

TEST_F(SettingsStoreTest, SatisfactionCountsAnswersPerServiceAndValue) {
  ASSERT_TRUE(store_->Begin());
  std::vector<int64_t> ids;
  for (int i = 0; i < 6; ++i) ids.push_back(AddOffer("sfo", "4601", 20454, {}));
  ASSERT_TRUE(store_->Commit());
  {
    auto db = sqlite::Database::Open(path_);
    ASSERT_TRUE(db) << db.error().message;
    const int values[] = {5, 4, 4, 1, 3, 2};
    for (size_t i = 0; i < ids.size(); ++i) {
      auto s = db->Prepare(
          "INSERT INTO offer_feedback (offer_id, person_key, service, kommunenummer, "
          "satisfaction, day) VALUES (?, 1, ?, ?, ?, 20454)");
      ASSERT_TRUE(s);
      s->Bind(1, ids[i]).Bind(2, i < 5 ? "sfo" : "kindergarten-place");
      s->Bind(3, i == 4 ? "5001" : "4601").Bind(4, int64_t{values[i]});
      ASSERT_TRUE(s->Run());
    }
  }
  auto counts = settings().Satisfaction("4601");
  ASSERT_TRUE(counts) << counts.error().message;
  ASSERT_EQ(counts->size(), 2u);
  EXPECT_EQ((*counts)[0].service, "kindergarten-place");
  EXPECT_EQ((*counts)[0].counts, (std::array<int64_t, 5>{0, 1, 0, 0, 0}));
  EXPECT_EQ((*counts)[1].service, "sfo");
  EXPECT_EQ((*counts)[1].counts, (std::array<int64_t, 5>{1, 0, 0, 2, 1}));
}

TEST_F(SettingsStoreTest, PersonsOfAKommuneAreReadByResidence) {
  auto person = [](const std::string& id, const std::string& kommune) {
    registry::Person p;
    p.identity_numbers.push_back({"f", 0, registry::IdentityNumber{id, true}});
    registry::Address a;
    a.kommunenummer = kommune;
    p.residence.facts.push_back({"f", 0, a});
    return p;
  };
  ASSERT_TRUE(store_->Begin());
  ASSERT_TRUE(store_->PutPerson(0, person("01010000001", "4601")));
  ASSERT_TRUE(store_->PutPerson(0, person("01010000002", "5001")));
  ASSERT_TRUE(store_->PutPerson(0, person("01010000003", "4601")));
  ASSERT_TRUE(store_->Commit());
  std::vector<std::string> seen;
  ASSERT_TRUE(settings().ForEachPersonIn("4601", [&](int64_t, registry::Person&& p) {
    seen.push_back(p.id());
    return true;
  }));
  EXPECT_EQ(seen, (std::vector<std::string>{"01010000001", "01010000003"}));
}

}  // namespace
}  // namespace proaktiv::store
