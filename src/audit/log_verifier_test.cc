// Tamper tests on a real SQLite file: a log with entries and checkpoints verifies; one byte
// changed inside an entry in the file, a removed row, two swapped rows, a changed node or
// checkpoint are each found and named; erasing entries after retention keeps it verifying.

#include "audit/log_verifier.h"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "audit/checkpointer.h"
#include "audit/store_access_recorder.h"
#include "store/sqlite/database.h"
#include "store/store.h"

namespace proaktiv::audit {
namespace {

constexpr int kEntries = 100;

AccessRecord Read(int i) {
  AccessRecord r;
  r.actor_kind = i % 3 == 0 ? ActorKind::kConsumer : ActorKind::kEngine;
  r.actor_id = i % 3 == 0 ? "910000001" : "proaktiv-engine";
  r.actor_name = i % 3 == 0 ? "Sparebanken Test" : "proaktiv";
  r.subject_key = 1 + i % 7;
  r.items = {"person.birth_date"};
  r.purpose = "kindergarten-offer";
  r.legal_basis = "barnehageloven § 16";
  r.reference = "offer:" + std::to_string(1000 + i);
  r.time_unix_ms = 1'700'000'000'000 + int64_t(i) * 86'400'000;
  return r;
}

class LogVerifierTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("proaktiv-audit-verify-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    path_ = (dir_ / "registry.db").string();
    auto store = store::OpenSqliteStore(path_);
    ASSERT_TRUE(store) << store.error().message;
    StoreAccessRecorder recorder(**store);
    Checkpointer checkpointer((*store)->audit(), key_, std::string(kDefaultOrigin), clock_);
    ASSERT_TRUE((*store)->Begin());
    for (int i = 0; i < kEntries; ++i) {
      ASSERT_TRUE(recorder.Record(Read(i)));
      if (i == 9 || i == 40 || i == 63 || i == kEntries - 1) {
        ASSERT_TRUE(checkpointer.CheckpointIfGrown());
      }
    }
    ASSERT_TRUE((*store)->Commit());
    // Closing the last connection folds the WAL into the file.
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  VerifyReport Verify() {
    auto store = store::OpenSqliteStore(path_);
    EXPECT_TRUE(store) << store.error().message;
    if (!store) return {};
    auto report = VerifyLog((*store)->audit(), VerifyOptions{key_.public_key()});
    EXPECT_TRUE(report) << report.error().message;
    return report ? *report : VerifyReport{};
  }
  void Sql(const std::string& sql) {
    auto db = store::sqlite::Database::Open(path_);
    ASSERT_TRUE(db);
    ASSERT_TRUE(db->Execute(sql)) << sql;
  }

  std::filesystem::path dir_;
  std::string path_;
  SigningKey key_ = *SigningKey::FromSeed(std::string(32, 'k'));
  FakeClock clock_{std::chrono::system_clock::time_point(std::chrono::hours(500000))};
};

TEST_F(LogVerifierTest, IntactLogVerifies) {
  VerifyReport r = Verify();
  EXPECT_TRUE(r.ok()) << *r.problem;
  EXPECT_EQ(r.entries, kEntries);
  EXPECT_EQ(r.present, kEntries);
  EXPECT_EQ(r.checkpoints, 4);
  EXPECT_EQ(r.consistency_proofs, 3);
  EXPECT_EQ(r.nodes, kEntries - 3);  // 100 leaves make 100 − popcount(100) inner nodes
}

TEST_F(LogVerifierTest, OneByteChangedInTheFileIsFound) {
  std::string bytes;
  {
    std::ifstream in(path_, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    bytes = buffer.str();
  }
  ASSERT_FALSE(std::filesystem::exists(path_ + "-wal") &&
               std::filesystem::file_size(path_ + "-wal") > 0);
  const std::string needle = "\"reference\":\"offer:1042\"";
  const size_t at = bytes.find(needle);
  ASSERT_NE(at, std::string::npos);
  ASSERT_EQ(bytes.find(needle, at + 1), std::string::npos);
  bytes[at + needle.size() - 2] = '3';  // offer:1042 → offer:1043
  std::ofstream(path_, std::ios::binary | std::ios::trunc) << bytes;

  VerifyReport r = Verify();
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.bad_entry, 42);
  EXPECT_NE(r.problem->find("entry 42"), std::string::npos) << *r.problem;
}

TEST_F(LogVerifierTest, RemovedRowIsFound) {
  Sql("DELETE FROM audit_entries WHERE seq = 17");
  VerifyReport r = Verify();
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.bad_entry, 17);
  EXPECT_NE(r.problem->find("missing"), std::string::npos) << *r.problem;
}

TEST_F(LogVerifierTest, RemovedLastRowsAreFoundByTheCheckpoint) {
  Sql("DELETE FROM audit_entries WHERE seq >= 97; DELETE FROM audit_nodes WHERE id > 190");
  VerifyReport r = Verify();
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.bad_checkpoint, 4) << *r.problem;
}

TEST_F(LogVerifierTest, SwappedRowsAreFound) {
  Sql("UPDATE audit_entries SET seq = -1 WHERE seq = 30;"
      "UPDATE audit_entries SET seq = 30 WHERE seq = 31;"
      "UPDATE audit_entries SET seq = 31 WHERE seq = -1;");
  VerifyReport r = Verify();
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.bad_entry, 30);
  EXPECT_NE(r.problem->find("rows moved"), std::string::npos) << *r.problem;
}

TEST_F(LogVerifierTest, SwappedErasedRowsAreFoundByTheTree) {
  Sql("UPDATE audit_entries SET entry = NULL, salt = NULL, subject_key = NULL;"
      "UPDATE audit_entries SET seq = -1 WHERE seq = 30;"
      "UPDATE audit_entries SET seq = 30 WHERE seq = 31;"
      "UPDATE audit_entries SET seq = 31 WHERE seq = -1;");
  VerifyReport r = Verify();
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.bad_entry, 30) << *r.problem;
}

TEST_F(LogVerifierTest, ChangedNodeOrCheckpointIsFound) {
  Sql("UPDATE audit_nodes SET hash = zeroblob(32) WHERE id = 2");
  VerifyReport node = Verify();
  ASSERT_FALSE(node.ok());
  EXPECT_EQ(node.bad_entry, 0) << *node.problem;
  SetUp();
  Sql("UPDATE audit_checkpoints SET note = replace(note, 'time ', 'time 1') WHERE id = 2");
  VerifyReport note = Verify();
  ASSERT_FALSE(note.ok());
  EXPECT_EQ(note.bad_checkpoint, 2) << *note.problem;
}

TEST_F(LogVerifierTest, AnotherSigningKeyIsFound) {
  auto store = store::OpenSqliteStore(path_);
  ASSERT_TRUE(store);
  auto report = VerifyLog((*store)->audit(),
                          VerifyOptions{SigningKey::FromSeed(std::string(32, 'o'))->public_key()});
  ASSERT_TRUE(report);
  EXPECT_EQ(report->bad_checkpoint, 1);
}

TEST_F(LogVerifierTest, ErasureKeepsTheLogVerifying) {
  {
    auto store = store::OpenSqliteStore(path_);
    ASSERT_TRUE(store);
    auto erased = (*store)->audit().EraseBefore(Read(50).time_unix_ms);
    ASSERT_TRUE(erased);
    EXPECT_EQ(*erased, 50);
  }
  VerifyReport r = Verify();
  EXPECT_TRUE(r.ok()) << *r.problem;
  EXPECT_EQ(r.erased, 50);
  EXPECT_EQ(r.present, 50);
  // An erased entry's commitment still counts: changing it is found.
  Sql("UPDATE audit_entries SET commitment = zeroblob(32) WHERE seq = 12");
  VerifyReport changed = Verify();
  ASSERT_FALSE(changed.ok());
  EXPECT_EQ(changed.bad_entry, 12) << *changed.problem;
}

}  // namespace
}  // namespace proaktiv::audit
