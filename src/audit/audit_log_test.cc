// The store-backed log: entries are canonical JSON committed with a salt, the stored tree gives
// the same roots and proofs as a naive recomputation from the commitments, the recorder joins
// the caller's transaction (and rolls back with it), the cached frontier survives a rollback
// and another writer, and checkpoints are made only when the tree grew.

#include "audit/audit_log.h"

#include <gtest/gtest.h>

#include "audit/checkpointer.h"
#include "audit/entry.h"
#include "audit/store_access_recorder.h"

namespace proaktiv::audit {
namespace {

AccessRecord Read(int64_t subject, int64_t time) {
  AccessRecord r;
  r.actor_kind = ActorKind::kEngine;
  r.actor_id = "proaktiv-engine";
  r.actor_name = "proaktiv";
  r.subject_key = subject;
  r.items = {"person.birth_date", "person.residence"};
  r.purpose = "kindergarten-offer";
  r.legal_basis = "barnehageloven § 16";
  r.reference = "kindergarten-place/date:2026";
  r.time_unix_ms = time;
  return r;
}

Hash Naive(const std::vector<Hash>& d, size_t begin, size_t end) {
  if (end - begin == 1) return d[begin];
  size_t k = 1;
  while (k * 2 < end - begin) k *= 2;
  return NodeHash(Naive(d, begin, begin + k), Naive(d, begin + k, end));
}

class AuditLogTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto s = store::OpenSqliteStore(":memory:");
    ASSERT_TRUE(s) << s.error().message;
    store_ = std::move(*s);
  }
  std::vector<Hash> LeafHashes() {
    std::vector<Hash> out;
    EXPECT_TRUE(store_->audit().ForEachEntry([&](const store::AuditEntryRow& row) {
      out.push_back(LeafHash(row.commitment));
      return true;
    }));
    return out;
  }
  std::unique_ptr<store::RegistryStore> store_;
};

TEST_F(AuditLogTest, EntryIsCanonicalJsonCommittedWithASalt) {
  AuditLog log(store_->audit());
  auto seq = log.Append(Read(7, 1000));
  ASSERT_TRUE(seq) << seq.error().message;
  EXPECT_EQ(*seq, 0);
  auto row = store_->audit().Entry(0);
  ASSERT_TRUE(row && *row);
  EXPECT_EQ(*(*row)->entry,
            "{\"seq\":0,\"time_unix_ms\":1000,\"actor_kind\":\"engine\",\"actor_id\":\"proaktiv-"
            "engine\",\"actor_name\":\"proaktiv\",\"subject_key\":7,\"items\":[\"person.birth_"
            "date\",\"person.residence\"],\"purpose\":\"kindergarten-offer\",\"legal_basis\":"
            "\"barnehageloven § 16\",\"reference\":\"kindergarten-place/date:2026\"}");
  ASSERT_EQ((*row)->salt->size(), 32u);
  EXPECT_EQ((*row)->commitment, std::string(AsBytes(Sha256(*(*row)->salt + *(*row)->entry))));
  auto parsed = ParseEntryJson(*(*row)->entry);
  ASSERT_TRUE(parsed);
  EXPECT_EQ(parsed->record.items, Read(7, 1000).items);
  // The same record again gets another salt, so equal reads are not linkable by commitment.
  ASSERT_TRUE(log.Append(Read(7, 1000)));
  EXPECT_NE((*store_->audit().Entry(1))->commitment, (*row)->commitment);
}

TEST_F(AuditLogTest, BadRecordsAreRefusedNamingTheField) {
  AuditLog log(store_->audit());
  AccessRecord r = Read(0, 1);
  auto refused = log.Append(r);
  ASSERT_FALSE(refused);
  EXPECT_NE(refused.error().message.find("subject_key"), std::string::npos);
  r = Read(7, 1);
  r.purpose.clear();
  EXPECT_NE(log.Append(r).error().message.find("purpose"), std::string::npos);
  EXPECT_EQ(*log.Size(), 0);
}

TEST_F(AuditLogTest, StoredTreeGivesTheNaiveRootsAndProofs) {
  AuditLog log(store_->audit());
  ASSERT_TRUE(store_->Begin());
  for (int i = 0; i < 130; ++i) ASSERT_TRUE(log.Append(Read(1 + i % 5, i)));
  ASSERT_TRUE(store_->Commit());
  const std::vector<Hash> leaves = LeafHashes();
  ASSERT_EQ(leaves.size(), 130u);
  for (int64_t n : {1, 2, 3, 7, 8, 64, 65, 100, 129, 130}) {
    const Hash root = Naive(leaves, 0, size_t(n));
    ASSERT_EQ(*log.Root(n), root) << n;
    for (int64_t i : {int64_t{0}, n / 2, n - 1}) {
      auto proof = log.Inclusion(i, n);
      ASSERT_TRUE(proof) << proof.error().message;
      EXPECT_TRUE(VerifyInclusion(i, n, leaves[size_t(i)], *proof, root)) << n << " " << i;
    }
    for (int64_t m : {int64_t{1}, n / 3, n - 1}) {
      if (m < 1 || m > n) continue;
      auto proof = log.Consistency(m, n);
      ASSERT_TRUE(proof);
      EXPECT_TRUE(VerifyConsistency(m, n, Naive(leaves, 0, size_t(m)), root, *proof));
    }
  }
}

TEST_F(AuditLogTest, RecorderJoinsTheCallersTransaction) {
  StoreAccessRecorder recorder(*store_);
  ASSERT_TRUE(recorder.Record(Read(7, 1)));  // no transaction open: commits on its own
  ASSERT_TRUE(store_->Begin());
  ASSERT_TRUE(recorder.Record(Read(7, 2)));
  ASSERT_TRUE(recorder.Record(Read(7, 3)));
  ASSERT_TRUE(store_->Rollback());
  EXPECT_EQ(store_->audit().Head()->size, 1);
  // The cached frontier notices the rollback: later appends still build the right tree.
  for (int i = 0; i < 9; ++i) ASSERT_TRUE(recorder.Record(Read(7, 10 + i)));
  AuditLog other(store_->audit());  // another writer on the same connection
  ASSERT_TRUE(other.Append(Read(8, 50)));
  ASSERT_TRUE(recorder.Record(Read(7, 60)));
  const std::vector<Hash> leaves = LeafHashes();
  ASSERT_EQ(leaves.size(), 12u);
  EXPECT_EQ(*AuditLog(store_->audit()).Root(12), Naive(leaves, 0, 12));
}

TEST_F(AuditLogTest, CheckpointsAreMadeWhenTheTreeGrew) {
  const SigningKey key = *SigningKey::FromSeed(std::string(32, 'k'));
  FakeClock clock(std::chrono::system_clock::time_point(std::chrono::milliseconds(1234)));
  Checkpointer checkpointer(store_->audit(), key, std::string(kDefaultOrigin), clock);
  EXPECT_FALSE(*checkpointer.CheckpointIfGrown());  // empty log: nothing to sign
  StoreAccessRecorder recorder(*store_);
  for (int i = 0; i < 3; ++i) ASSERT_TRUE(recorder.Record(Read(7, i)));
  auto made = checkpointer.CheckpointIfGrown();
  ASSERT_TRUE(made && *made) << (made ? "none" : made.error().message);
  EXPECT_EQ((*made)->tree_size, 3);
  EXPECT_EQ((*made)->time_unix_ms, 1234);
  auto opened = OpenCheckpoint((*made)->note, key.public_key());
  ASSERT_TRUE(opened) << opened.error().message;
  EXPECT_EQ(opened->root, *AuditLog(store_->audit()).Root(3));
  EXPECT_FALSE(*checkpointer.CheckpointIfGrown());
  ASSERT_TRUE(recorder.Record(Read(7, 9)));
  EXPECT_EQ((**checkpointer.CheckpointIfGrown()).tree_size, 4);
}

}  // namespace
}  // namespace proaktiv::audit
