// The shared pieces of the SQLite layer: optional integers bound and read as NULL, and the row
// readers (ForEachRow, ReadRows, ReadFirstRow), which leave their statement reset with its
// bindings cleared on every path: after the last row, an early stop, a row-mapping error and a
// step that fails part-way.

#include "store/sqlite/database.h"

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace proaktiv::store::sqlite {
namespace {

constexpr int64_t kOverflows = std::numeric_limits<int64_t>::min();  // abs() of it fails

class DatabaseTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto db = Database::Open(":memory:");
    ASSERT_TRUE(db) << db.error().message;
    db_.emplace(std::move(*db));
    ASSERT_TRUE(db_->Execute("CREATE TABLE t (x INTEGER PRIMARY KEY, v INTEGER)"));
    auto insert = db_->Prepare("INSERT INTO t (x, v) VALUES (?, ?)");
    ASSERT_TRUE(insert) << insert.error().message;
    for (int64_t x : {1, 2, 3}) {
      ASSERT_TRUE(insert->Bind(1, x).Bind(2, x * 10).Run());
    }
    // Rows with x >= ?1, or all rows when ?1 is NULL (as after Reset clears the bindings).
    auto select = db_->Prepare("SELECT x, abs(v) FROM t WHERE ?1 IS NULL OR x >= ?1 ORDER BY x");
    ASSERT_TRUE(select) << select.error().message;
    select_ = std::move(*select);
  }

  static int64_t X(const Statement& row) { return row.ColumnInt(0); }

  // All x of select_ with nothing bound: {1, 2, 3} when it was reset and its bindings cleared.
  std::vector<int64_t> AllX() {
    auto xs = ReadRows(select_, X);
    EXPECT_TRUE(xs) << xs.error().message;
    return xs ? *xs : std::vector<int64_t>{};
  }

  std::optional<Database> db_;
  Statement select_;
};

TEST_F(DatabaseTest, BindOptionalBindsTheValueOrNull) {
  auto update = db_->Prepare("UPDATE t SET v = ? WHERE x = ?");
  ASSERT_TRUE(update);
  ASSERT_TRUE(update->BindOptional(1, std::nullopt).Bind(2, int64_t{1}).Run());
  ASSERT_TRUE(update->BindOptional(1, int64_t{-7}).Bind(2, int64_t{2}).Run());
  auto v = db_->Prepare("SELECT v FROM t ORDER BY x");
  ASSERT_TRUE(v);
  auto values = ReadRows(*v, [](const Statement& row) { return row.ColumnOptionalInt(0); });
  ASSERT_TRUE(values) << values.error().message;
  EXPECT_EQ(*values, (std::vector<std::optional<int64_t>>{std::nullopt, -7, 30}));
}

TEST_F(DatabaseTest, ReadRowsMapsEveryRowAndCanBeReadAgain) {
  select_.Bind(1, int64_t{2});
  auto xs = ReadRows(select_, X);
  ASSERT_TRUE(xs) << xs.error().message;
  EXPECT_EQ(*xs, (std::vector<int64_t>{2, 3}));
  EXPECT_EQ(AllX(), (std::vector<int64_t>{1, 2, 3}));  // reset, binding cleared
}

TEST_F(DatabaseTest, ReadRowsMapsToAResult) {
  auto pairs = ReadRows(select_, [](const Statement& row) -> Result<std::string> {
    return std::to_string(row.ColumnInt(0)) + ":" + std::to_string(row.ColumnInt(1));
  });
  ASSERT_TRUE(pairs) << pairs.error().message;
  EXPECT_EQ(*pairs, (std::vector<std::string>{"1:10", "2:20", "3:30"}));
}

TEST_F(DatabaseTest, AMappingErrorStopsTheReadAndLeavesTheStatementReset) {
  select_.Bind(1, int64_t{1});
  std::vector<int64_t> mapped;
  auto xs = ReadRows(select_, [&](const Statement& row) -> Result<int64_t> {
    if (row.ColumnInt(0) == 2) return DataLoss("row 2 is unreadable");
    mapped.push_back(row.ColumnInt(0));
    return row.ColumnInt(0);
  });
  ASSERT_FALSE(xs);
  EXPECT_EQ(xs.error().code, ErrorCode::kDataLoss);
  EXPECT_EQ(xs.error().message, "row 2 is unreadable");
  EXPECT_EQ(mapped, (std::vector<int64_t>{1}));  // row 3 was not read
  // Not left on row 2: the next read starts at row 1, and the binding is gone.
  EXPECT_EQ(AllX(), (std::vector<int64_t>{1, 2, 3}));
}

TEST_F(DatabaseTest, AStepThatFailsPartWayLeavesTheStatementResetAndUsable) {
  auto update = db_->Prepare("UPDATE t SET v = ? WHERE x = 3");
  ASSERT_TRUE(update);
  ASSERT_TRUE(update->Bind(1, kOverflows).Run());
  select_.Bind(1, int64_t{2});
  std::vector<int64_t> seen;
  auto xs = ReadRows(select_, [&](const Statement& row) {
    seen.push_back(row.ColumnInt(0));
    return row.ColumnInt(0);
  });
  ASSERT_FALSE(xs);
  EXPECT_EQ(xs.error().code, ErrorCode::kUnavailable);
  EXPECT_NE(xs.error().message.find("integer overflow"), std::string::npos) << xs.error().message;
  EXPECT_EQ(seen, (std::vector<int64_t>{2}));  // row 2 came before the step that failed

  EXPECT_FALSE(ReadRows(select_, X));  // row 3 fails until it is repaired
  ASSERT_TRUE(update->Bind(1, int64_t{30}).Run());
  EXPECT_EQ(AllX(), (std::vector<int64_t>{1, 2, 3}));  // reset, binding cleared
  select_.Bind(1, int64_t{3});
  auto last = ReadRows(select_, X);
  ASSERT_TRUE(last) << last.error().message;
  EXPECT_EQ(*last, (std::vector<int64_t>{3}));
}

TEST_F(DatabaseTest, ForEachRowStopsWhenTheVisitorSaysSoAndResets) {
  std::vector<int64_t> visited;
  ASSERT_TRUE(ForEachRow(select_, [&](const Statement& row) {
    visited.push_back(row.ColumnInt(0));
    return row.ColumnInt(0) < 2;
  }));
  EXPECT_EQ(visited, (std::vector<int64_t>{1, 2}));
  EXPECT_EQ(AllX(), (std::vector<int64_t>{1, 2, 3}));
}

TEST_F(DatabaseTest, ForEachRowReturnsTheVisitorsErrorAndResets) {
  select_.Bind(1, int64_t{2});
  auto done = ForEachRow(
      select_, [](const Statement&) -> Result<bool> { return InvalidArgument("visitor refused"); });
  ASSERT_FALSE(done);
  EXPECT_EQ(done.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(AllX(), (std::vector<int64_t>{1, 2, 3}));
}

TEST_F(DatabaseTest, ReadFirstRowMapsOnlyTheFirstRow) {
  int calls = 0;
  auto first = ReadFirstRow(select_, [&](const Statement& row) {
    ++calls;
    return row.ColumnInt(1);
  });
  ASSERT_TRUE(first) << first.error().message;
  EXPECT_EQ(*first, std::optional<int64_t>(10));
  EXPECT_EQ(calls, 1);
  EXPECT_EQ(AllX(), (std::vector<int64_t>{1, 2, 3}));  // not left on row 1

  select_.Bind(1, int64_t{4});
  auto none = ReadFirstRow(select_, X);
  ASSERT_TRUE(none) << none.error().message;
  EXPECT_EQ(*none, std::nullopt);
}

TEST_F(DatabaseTest, ReadFirstRowReturnsTheMappingError) {
  auto first = ReadFirstRow(
      select_, [](const Statement&) -> Result<int64_t> { return DataLoss("unreadable"); });
  ASSERT_FALSE(first);
  EXPECT_EQ(first.error().code, ErrorCode::kDataLoss);
  EXPECT_EQ(AllX(), (std::vector<int64_t>{1, 2, 3}));
}

}  // namespace
}  // namespace proaktiv::store::sqlite
