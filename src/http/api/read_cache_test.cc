#include "http/api/read_cache.h"

#include <unistd.h>

#include <filesystem>
#include <string>

#include <gtest/gtest.h>

namespace proaktiv::http::api {
namespace {

class ReadCacheTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = (std::filesystem::temp_directory_path() /
             ("proaktiv-read-cache-" + std::to_string(::getpid()) + ".db"))
                .string();
    Remove();
    auto writer = store::OpenSqliteStore(path_);
    ASSERT_TRUE(writer) << writer.error().message;
    writer_ = std::move(*writer);
  }
  void TearDown() override {
    writer_.reset();
    Remove();
  }
  void Remove() {
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_ + suffix);
  }
  void Commit() {
    ASSERT_TRUE(writer_->Begin());
    ASSERT_TRUE(writer_->SetPointer("test", ++pointer_));
    ASSERT_TRUE(writer_->Commit());
  }

  std::string path_;
  std::unique_ptr<store::RegistryStore> writer_;
  int64_t pointer_ = 0;
};

TEST_F(ReadCacheTest, KeepsAnAnswerUntilAnotherConnectionCommits) {
  auto cache = ReadCache::Open(path_);
  ASSERT_TRUE(cache) << cache.error().message;
  auto v1 = (*cache)->Version();
  ASSERT_TRUE(v1);
  EXPECT_FALSE((*cache)->Find("k", *v1));
  (*cache)->Put("k", *v1, "answer");
  EXPECT_EQ((*cache)->Find("k", *v1), "answer");
  EXPECT_EQ(*(*cache)->Version(), *v1);

  Commit();
  auto v2 = (*cache)->Version();
  ASSERT_TRUE(v2);
  EXPECT_NE(*v2, *v1);
  EXPECT_FALSE((*cache)->Find("k", *v2)) << "a commit makes every answer stale";
  EXPECT_EQ((*cache)->stats().entries, 0u);
}

TEST_F(ReadCacheTest, AnAnswerComputedBeforeAChangeIsNotStored) {
  auto cache = ReadCache::Open(path_);
  ASSERT_TRUE(cache);
  int64_t before = *(*cache)->Version();
  EXPECT_FALSE((*cache)->Find("k", before));
  Commit();  // lands while the answer is being computed
  int64_t after = *(*cache)->Version();
  EXPECT_FALSE((*cache)->Find("other", after));  // another request sees the change first
  (*cache)->Put("k", before, "stale");
  EXPECT_FALSE((*cache)->Find("k", after));
}

TEST_F(ReadCacheTest, DropsEverythingWhenFull) {
  auto cache = ReadCache::Open(path_, /*max_bytes=*/32);
  ASSERT_TRUE(cache);
  int64_t v = *(*cache)->Version();
  EXPECT_FALSE((*cache)->Find("a", v));
  (*cache)->Put("a", v, std::string(20, 'x'));
  (*cache)->Put("b", v, std::string(20, 'y'));
  EXPECT_FALSE((*cache)->Find("a", v));
  EXPECT_EQ((*cache)->Find("b", v), std::string(20, 'y'));
  (*cache)->Put("c", v, std::string(40, 'z'));  // larger than the whole cache: not kept
  EXPECT_FALSE((*cache)->Find("c", v));
}

TEST(CitizenReadKeyTest, EveryPartCounts) {
  const std::string base = CitizenReadKey("listMyOffers", 20500, "12345678901", "", "nb");
  EXPECT_NE(base, CitizenReadKey("getMyData", 20500, "12345678901", "", "nb"));
  EXPECT_NE(base, CitizenReadKey("listMyOffers", 20501, "12345678901", "", "nb"));
  EXPECT_NE(base, CitizenReadKey("listMyOffers", 20500, "12345678902", "", "nb"));
  EXPECT_NE(base, CitizenReadKey("listMyOffers", 20500, "12345678901", "en", "nb"));
  EXPECT_NE(base, CitizenReadKey("listMyOffers", 20500, "12345678901", "", "en"));
  // Parts cannot run into each other.
  EXPECT_NE(CitizenReadKey("a", 1, "bc", "", ""), CitizenReadKey("ab", 1, "c", "", ""));
}

}  // namespace
}  // namespace proaktiv::http::api
