#include "http/api/read_cache.h"

#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <thread>

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

// A commit by another process (here a child) is not counted in this process; the cache sees it
// through the database once its check interval has passed.
TEST_F(ReadCacheTest, SeesAnotherProcesssCommitAfterTheCheckInterval) {
  auto cache = ReadCache::Open(path_, 64u << 20, std::chrono::milliseconds(20));
  ASSERT_TRUE(cache);
  const int64_t before = *(*cache)->Version();
  (*cache)->Put("k", before, "answer");
  const int64_t local_commits = store::CommitsInThisProcess();
  pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    auto writer = store::OpenSqliteStore(path_);
    bool ok =
        writer && (*writer)->Begin() && (*writer)->SetPointer("child", 1) && (*writer)->Commit();
    ::_exit(ok ? 0 : 1);
  }
  int status = 0;
  ASSERT_EQ(::waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  EXPECT_EQ(store::CommitsInThisProcess(), local_commits) << "the child's commit is not ours";
  std::this_thread::sleep_for(std::chrono::milliseconds(25));
  const int64_t after = *(*cache)->Version();
  EXPECT_NE(after, before);
  EXPECT_FALSE((*cache)->Find("k", after));
}

TEST_F(ReadCacheTest, CountsThisProcesssCommitsAtOnce) {
  // An interval so long that only the process's own count can show the commit.
  auto cache = ReadCache::Open(path_, 64u << 20, std::chrono::hours(1));
  ASSERT_TRUE(cache);
  const int64_t before = *(*cache)->Version();
  Commit();
  EXPECT_NE(*(*cache)->Version(), before);
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
