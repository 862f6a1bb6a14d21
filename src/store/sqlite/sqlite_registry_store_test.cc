#include <filesystem>

#include <gtest/gtest.h>

#include "registry/entities.h"
#include "registry/testing/feed_builder.h"
#include "store/store.h"

namespace proaktiv::store {
namespace {

registry::Person Person(const std::string& id, const std::string& kommune) {
  return *registry::PersonFromJson(registry::testing::PersonDoc(id, "1955-11-10", kommune));
}

class SqliteStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = std::filesystem::temp_directory_path() /
            ("proaktiv_store_test_" + std::to_string(::getpid()) + ".db");
    std::filesystem::remove(path_);
  }
  void TearDown() override {
    for (const char* suffix : {"", "-wal", "-shm"}) {
      std::filesystem::remove(path_.string() + suffix);
    }
  }
  std::filesystem::path path_;
};

TEST_F(SqliteStoreTest, PersonsSurviveReopeningAndAreFoundByOldNumbers) {
  int64_t key = 0;
  {
    auto store = OpenSqliteStore(path_.string());
    ASSERT_TRUE(store) << store.error().message;
    ASSERT_TRUE((*store)->Begin());
    auto put = (*store)->PutPerson(0, Person("10915596784", "0301"));
    ASSERT_TRUE(put);
    key = *put;
    ASSERT_TRUE((*store)->SetPointer("freg", 42));
    ASSERT_TRUE((*store)->Commit());
  }
  auto store = OpenSqliteStore(path_.string());  // migrations do not run twice
  ASSERT_TRUE(store) << store.error().message;
  EXPECT_EQ(*(*store)->GetPointer("freg"), 42);
  EXPECT_EQ(*(*store)->GetPointer("other"), 0);
  auto found = (*store)->FindPerson("10915596784");
  ASSERT_TRUE(found && *found);
  EXPECT_EQ((*found)->key, key);
  EXPECT_EQ((*found)->person.kommunenummer(), "0301");

  registry::Person renumbered = (*found)->person;
  ASSERT_TRUE(
      registry::ApplyEntityChange(renumbered,
                                  {"identifikasjonsnummer",
                                   registry::Change::kRegister,
                                   "i2",
                                   "",
                                   {{"foedselsEllerDNummer", "20914695016"}, {"status", "iBruk"}}},
                                  43));
  ASSERT_TRUE((*store)->Begin());
  ASSERT_TRUE((*store)->PutPerson(key, renumbered));
  ASSERT_TRUE((*store)->Commit());
  for (const char* number : {"10915596784", "20914695016"}) {
    auto again = (*store)->FindPerson(number);
    ASSERT_TRUE(again && *again);
    EXPECT_EQ((*again)->key, key);
    EXPECT_EQ((*again)->person.id(), "20914695016");
  }
  EXPECT_FALSE(*(*store)->FindPerson("13097248022"));
}

TEST_F(SqliteStoreTest, RollbackDiscardsEverything) {
  auto store = OpenSqliteStore(path_.string());
  ASSERT_TRUE(store);
  ASSERT_TRUE((*store)->Begin());
  ASSERT_TRUE((*store)->PutPerson(0, Person("10915596784", "0301")));
  ASSERT_TRUE((*store)->AppendEvent(
      {1, "freg", 1, "personErOpprettet", "2024-01-01", EventStatus::kApplied, "{}"}));
  ASSERT_TRUE((*store)->SetPointer("freg", 1));
  ASSERT_TRUE((*store)->Rollback());
  EXPECT_FALSE(*(*store)->FindPerson("10915596784"));
  EXPECT_FALSE(*(*store)->HasEvent("freg", 1));
  EXPECT_EQ(*(*store)->GetPointer("freg"), 0);
}

TEST_F(SqliteStoreTest, CountsAndVisitsPersons) {
  auto store = OpenSqliteStore(path_.string());
  ASSERT_TRUE(store);
  ASSERT_TRUE((*store)->Begin());
  ASSERT_TRUE((*store)->PutPerson(0, Person("10915596784", "0301")));
  ASSERT_TRUE((*store)->PutPerson(0, Person("20914695016", "4601")));
  ASSERT_TRUE((*store)->AppendEvent(
      {7, "freg", 1, "personErDoed", "2024-01-01", EventStatus::kApplied, "{}"}));
  ASSERT_TRUE((*store)->Commit());
  auto counts = (*store)->Counts();
  ASSERT_TRUE(counts);
  EXPECT_EQ(counts->persons, 2);
  EXPECT_EQ(counts->by_status["bosatt"], 2);
  EXPECT_EQ(counts->events_by_type["personErDoed"], 1);
  std::vector<std::string> kommuner;
  ASSERT_TRUE((*store)->ForEachPerson([&](const StoredPerson& p) {
    kommuner.push_back(p.person.kommunenummer());
    return true;
  }));
  EXPECT_EQ(kommuner, (std::vector<std::string>{"0301", "4601"}));
}

TEST_F(SqliteStoreTest, BulkLoadIndexesEveryIdentityNumber) {
  auto store = OpenSqliteStore(path_.string());
  ASSERT_TRUE(store);
  const std::vector<std::string> ids = {"20914695016", "10915596784", "13097248022"};
  std::vector<int64_t> reported;
  ASSERT_TRUE((*store)->BulkLoad(
      static_cast<int64_t>(ids.size()),
      [&](int64_t i) { return Person(ids[static_cast<size_t>(i)], "0301"); },
      [&](int64_t done) { reported.push_back(done); }));
  EXPECT_EQ(reported.back(), 3);
  for (size_t i = 0; i < ids.size(); ++i) {
    auto found = (*store)->FindPerson(ids[i]);
    ASSERT_TRUE(found && *found) << i;
    EXPECT_EQ((*found)->key, static_cast<int64_t>(i) + 1);  // keys follow the load order
  }
  EXPECT_EQ((*store)->Counts()->persons, 3);
}

TEST_F(SqliteStoreTest, UnopenablePathIsAClearError) {
  auto store = OpenSqliteStore("/nonexistent-dir/x.db");
  ASSERT_FALSE(store);
  EXPECT_NE(store.error().message.find("cannot open database '/nonexistent-dir/x.db'"),
            std::string::npos);
}

TEST_F(SqliteStoreTest, DataVersionChangesWhenAnotherConnectionCommits) {
  auto reader = OpenSqliteStore(path_.string());
  auto writer = OpenSqliteStore(path_.string());
  ASSERT_TRUE(reader && writer);
  auto before = (*reader)->DataVersion();
  ASSERT_TRUE(before) << before.error().message;
  EXPECT_EQ(*(*reader)->DataVersion(), *before) << "nothing was committed";

  auto writer_before = (*writer)->DataVersion();
  ASSERT_TRUE(writer_before);
  ASSERT_TRUE((*writer)->Begin());
  ASSERT_TRUE((*writer)->SetPointer("freg", 7));
  ASSERT_TRUE((*writer)->Commit());
  EXPECT_NE(*(*reader)->DataVersion(), *before) << "the other connection committed";
  EXPECT_EQ(*(*writer)->DataVersion(), *writer_before) << "its own commit does not count";
}

}  // namespace
}  // namespace proaktiv::store
