// The transparency log's tables: entries append by seq and list per subject newest first,
// erasure clears text, salt and subject but keeps the commitment, nodes and checkpoints are
// kept and read back, and all of it joins the registry's transaction.

#include <gtest/gtest.h>

#include "store/store.h"

namespace proaktiv::store {
namespace {

class AuditStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto s = OpenSqliteStore(":memory:");
    ASSERT_TRUE(s) << s.error().message;
    store_ = std::move(*s);
  }

  static AuditEntryRow Row(int64_t seq, int64_t subject, int64_t time) {
    return AuditEntryRow{seq,
                         subject,
                         time,
                         std::string(32, char('a' + seq % 26)),
                         std::string(32, 's'),
                         "{\"seq\":" + std::to_string(seq) + "}"};
  }

  AuditStore& audit() { return store_->audit(); }
  std::unique_ptr<RegistryStore> store_;
};

TEST_F(AuditStoreTest, EntriesAppendAndListPerSubjectNewestFirst) {
  EXPECT_EQ(audit().Head()->size, 0);
  for (int64_t seq = 0; seq < 5; ++seq) {
    ASSERT_TRUE(audit().AppendEntry(Row(seq, seq % 2 == 0 ? 7 : 8, 1000 + seq)));
  }
  auto head = audit().Head();
  ASSERT_TRUE(head);
  EXPECT_EQ(head->size, 5);
  EXPECT_EQ(head->last_commitment, std::string(32, 'e'));

  auto mine = audit().EntriesOf(7, std::nullopt, 10);
  ASSERT_TRUE(mine);
  ASSERT_EQ(mine->size(), 3u);
  EXPECT_EQ((*mine)[0].seq, 4);
  EXPECT_EQ((*mine)[2].seq, 0);
  auto page = audit().EntriesOf(7, 4, 1);
  ASSERT_TRUE(page);
  ASSERT_EQ(page->size(), 1u);
  EXPECT_EQ((*page)[0].seq, 2);
  EXPECT_EQ(*audit().CountEntriesOf(7), 3);
  EXPECT_EQ(*audit().CountEntriesOf(9), 0);

  auto one = audit().Entry(3);
  ASSERT_TRUE(one && *one);
  EXPECT_EQ((*one)->subject_key, 8);
  EXPECT_EQ((*one)->entry, "{\"seq\":3}");
  EXPECT_FALSE(*audit().Entry(5));
  EXPECT_EQ(**audit().Commitment(1), std::string(32, 'b'));

  // A seq is taken once.
  EXPECT_FALSE(audit().AppendEntry(Row(4, 7, 2000)));
}

TEST_F(AuditStoreTest, ErasureKeepsTheCommitmentOnly) {
  for (int64_t seq = 0; seq < 4; ++seq) ASSERT_TRUE(audit().AppendEntry(Row(seq, 7, 1000 + seq)));
  auto erased = audit().EraseBefore(1002);
  ASSERT_TRUE(erased) << erased.error().message;
  EXPECT_EQ(*erased, 2);
  EXPECT_EQ(*audit().EraseBefore(1002), 0);  // already erased
  auto gone = audit().Entry(1);
  ASSERT_TRUE(gone && *gone);
  EXPECT_FALSE((*gone)->entry);
  EXPECT_FALSE((*gone)->salt);
  EXPECT_FALSE((*gone)->subject_key);
  EXPECT_EQ((*gone)->commitment, std::string(32, 'b'));
  EXPECT_EQ(audit().EntriesOf(7, std::nullopt, 10)->size(), 2u);
  int visited = 0;
  ASSERT_TRUE(audit().ForEachEntry([&](const AuditEntryRow& row) {
    EXPECT_EQ(row.seq, visited++);
    return true;
  }));
  EXPECT_EQ(visited, 4);
}

TEST_F(AuditStoreTest, NodesAndCheckpointsAreKept) {
  ASSERT_TRUE(audit().PutNode(2, std::string(32, 'x')));
  ASSERT_TRUE(audit().PutNode(6, std::string(32, 'y')));
  EXPECT_EQ(**audit().Node(6), std::string(32, 'y'));
  EXPECT_FALSE(*audit().Node(3));
  std::vector<int64_t> ids;
  ASSERT_TRUE(audit().ForEachNode([&](int64_t id, std::string_view) {
    ids.push_back(id);
    return true;
  }));
  EXPECT_EQ(ids, (std::vector<int64_t>{2, 6}));

  EXPECT_FALSE(*audit().LatestCheckpoint());
  AuditCheckpointRow c{0, 4, std::string(32, 'r'), 5000, "origin", std::string(32, 'k'), "note"};
  auto first = audit().AddCheckpoint(c);
  ASSERT_TRUE(first);
  c.tree_size = 6;
  auto second = audit().AddCheckpoint(c);
  ASSERT_TRUE(second);
  EXPECT_LT(*first, *second);
  auto latest = audit().LatestCheckpoint();
  ASSERT_TRUE(latest && *latest);
  EXPECT_EQ((*latest)->tree_size, 6);
  EXPECT_EQ((*latest)->note, "note");
  EXPECT_EQ(audit().Checkpoints()->size(), 2u);
}

TEST_F(AuditStoreTest, AppendsJoinTheRegistryTransaction) {
  ASSERT_TRUE(store_->Begin());
  ASSERT_TRUE(audit().AppendEntry(Row(0, 7, 1000)));
  ASSERT_TRUE(audit().PutNode(2, std::string(32, 'x')));
  ASSERT_TRUE(store_->Rollback());
  EXPECT_EQ(audit().Head()->size, 0);
  EXPECT_FALSE(*audit().Node(2));
}

}  // namespace
}  // namespace proaktiv::store
