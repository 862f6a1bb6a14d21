#pragma once

// A fixture for consent tests (tests only): a SQLite file in a temp folder with three persons
// (Kari with her son Ola, and Siv), two registered consumers (bank A for credit-assessment,
// bank B likewise) with their Ed25519 keys, the real catalog, a fake clock at 2026-01-20 12:00
// UTC, proaktiv's token issuer, and an AccessRecorder that keeps what it is given.

#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "audit/access_record.h"
#include "catalog/catalog.h"
#include "common/clock.h"
#include "common/national_id.h"
#include "consent/access_token.h"
#include "consent/consent_request.h"
#include "consent/consent_service.h"
#include "consent/consumer.h"
#include "consent/ed25519.h"
#include "engine/test_persons.h"
#include "store/store.h"

namespace proaktiv::consent::testing {

class FakeRecorder final : public audit::AccessRecorder {
 public:
  Status Record(const audit::AccessRecord& record) override {
    if (fail) return Unavailable("the audit log is down");
    records.push_back(record);
    return {};
  }
  std::vector<audit::AccessRecord> records;
  bool fail = false;
};

inline std::string MakeId(const char* birth, int n) {
  const CivilDate date = engine::testing::D(birth);
  for (int i = 0; i < 1000; ++i) {
    auto id = NationalId::Make(date, (n * 37 + i) % 1000, IdKind::kFodselsnummer, true);
    if (id) return id->digits();
  }
  ADD_FAILURE() << "no identity number for " << birth;
  return "";
}

inline constexpr char kBankA[] = "937846231";
inline constexpr char kBankB[] = "974760673";
inline constexpr char kBaseUrl[] = "http://127.0.0.1:8080";

class ConsentFixture : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto catalog =
        catalog::Catalog::LoadFile(std::string(PROAKTIV_SOURCE_DIR) + "/catalog/catalog.yaml");
    ASSERT_TRUE(catalog) << catalog.error().message;
    catalog_ = std::make_shared<const catalog::Catalog>(std::move(*catalog));
  }
  static void TearDownTestSuite() { catalog_.reset(); }

  void SetUp() override {
    static std::atomic<int> counter{0};
    dir_ =
        std::filesystem::temp_directory_path() /
        ("proaktiv-consent-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    db_path_ = (dir_ / "registry.db").string();
    auto store = store::OpenSqliteStore(db_path_);
    ASSERT_TRUE(store) << store.error().message;
    store_ = std::move(*store);

    using engine::testing::MakePerson;
    kari_ = MakeId("1990-03-01", 1);
    ola_ = MakeId("2020-05-04", 2);
    siv_ = MakeId("1991-04-04", 3);
    registry::Person kari = MakePerson(kari_, "1990-03-01", "4601", "Kari");
    registry::Person ola = MakePerson(ola_, "2020-05-04", "4601", "Ola");
    registry::Person siv = MakePerson(siv_, "1991-04-04", "4601", "Siv");
    engine::testing::Relate(kari, ola, registry::RelationRole::kBarn);
    engine::testing::Relate(ola, kari, registry::RelationRole::kMor);
    for (auto* p : {&kari, &ola, &siv}) {
      auto key = store_->PutPerson(0, *p);
      ASSERT_TRUE(key) << key.error().message;
      keys_[p->id()] = *key;
    }
    for (auto [org, key] : {std::pair{kBankA, &bank_a_key_}, std::pair{kBankB, &bank_b_key_}}) {
      auto consumer = MakeConsumer(org, std::string("Bank ") + org, {"credit-assessment"},
                                   key->public_key(), *catalog_, 0);
      ASSERT_TRUE(consumer) << consumer.error().message;
      ASSERT_TRUE(store_->consent().PutConsumer(*consumer));
    }
  }

  void TearDown() override {
    store_.reset();
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }

  int64_t NowS() const {
    return std::chrono::duration_cast<std::chrono::seconds>(clock_.Now().time_since_epoch())
        .count();
  }
  int64_t NowMs() const { return NowS() * 1000; }

  ConsentRequest AskFor(const std::string& person, bool single_use = false,
                        std::vector<std::string> items = {"person.name",
                                                          "person.residence.address"}) {
    ConsentRequest r;
    r.person_id = person;
    r.items = std::move(items);
    r.purpose = "credit-assessment";
    r.valid_to_ms = NowMs() + int64_t{7} * 86'400'000;
    r.single_use = single_use;
    r.message_nb = "Vi trenger opplysningene til lånesøknaden din.";
    return r;
  }

  // A consent from `consumer` for `person`, created and (when `accept`) accepted.
  store::ConsentRecord MakeConsent(const std::string& person, const char* consumer = kBankA,
                                   bool accept = true, bool single_use = false) {
    ConsentService service(*store_, clock_);
    auto bank = store_->consent().FindConsumer(consumer);
    EXPECT_TRUE(bank && *bank);
    auto created = service.Create(AskFor(person, single_use), **bank, keys_.at(person));
    EXPECT_TRUE(created) << created.error().message;
    if (!accept) return *created;
    auto accepted = service.Act(keys_.at(person), created->id, CitizenAction::kAccept);
    EXPECT_TRUE(accepted) << accepted.error().message;
    return *accepted;
  }

  // An access token for `consent` as the token endpoint would issue it to `consumer`.
  AccessClaims TokenFor(const store::ConsentRecord& consent, const char* consumer = kBankA) {
    AccessClaims c;
    c.consumer = consumer;
    c.consent_id = consent.id;
    c.items = consent.items;
    c.issued_at = NowS();
    c.expires_at = NowS() + kAccessTokenSeconds;
    c.jti = RandomHex(8);
    return c;
  }

  static inline std::shared_ptr<const catalog::Catalog> catalog_;
  std::filesystem::path dir_;
  std::string db_path_;
  FakeClock clock_{std::chrono::system_clock::time_point(
      std::chrono::days(engine::testing::D("2026-01-20").days()) + std::chrono::hours(12))};
  std::unique_ptr<store::RegistryStore> store_;
  std::string kari_, ola_, siv_;
  std::map<std::string, int64_t> keys_;
  KeyPair bank_a_key_ = KeyPair::Generate();
  KeyPair bank_b_key_ = KeyPair::Generate();
  Issuer issuer_{kBaseUrl};
  TokenIssuer tokens_{KeyPair::Generate(), issuer_};
  FakeRecorder recorder_;
};

}  // namespace proaktiv::consent::testing
