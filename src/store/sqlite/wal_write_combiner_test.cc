#include "store/sqlite/wal_write_combiner.h"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <cstdint>
#include <filesystem>
#include <string>

namespace proaktiv::store::sqlite {
namespace {

namespace fs = std::filesystem;

class Connection {
 public:
  Connection(const std::string& path, const char* vfs) {
    EXPECT_EQ(sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, vfs),
              SQLITE_OK);
    sqlite3_busy_timeout(db_, 5000);
  }
  ~Connection() { sqlite3_close_v2(db_); }
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  void Exec(const std::string& sql) {
    char* message = nullptr;
    ASSERT_EQ(sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &message), SQLITE_OK)
        << sql << ": " << (message ? message : "");
  }
  int64_t Int(const std::string& sql) {
    sqlite3_stmt* stmt = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(db_, sql.c_str(), -1, &stmt, nullptr), SQLITE_OK) << sql;
    EXPECT_EQ(sqlite3_step(stmt), SQLITE_ROW) << sql;
    int64_t value = sqlite3_column_int64(stmt, 0);
    sqlite3_finalize(stmt);
    return value;
  }
  std::string Text(const std::string& sql) {
    sqlite3_stmt* stmt = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(db_, sql.c_str(), -1, &stmt, nullptr), SQLITE_OK) << sql;
    EXPECT_EQ(sqlite3_step(stmt), SQLITE_ROW) << sql;
    std::string value(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0)));
    sqlite3_finalize(stmt);
    return value;
  }
  // FNV-1a over every row of t, in key order: equal only for equal content.
  uint64_t HashOfTable() {
    sqlite3_stmt* stmt = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(db_, "SELECT k, v FROM t ORDER BY k", -1, &stmt, nullptr),
              SQLITE_OK);
    uint64_t hash = 14695981039346656037ull;
    auto mix = [&](const void* data, int size) {
      for (int i = 0; i < size; ++i) {
        hash = (hash ^ static_cast<const unsigned char*>(data)[i]) * 1099511628211ull;
      }
    };
    while (sqlite3_step(stmt) == SQLITE_ROW) {
      int64_t key = sqlite3_column_int64(stmt, 0);
      mix(&key, sizeof key);
      mix(sqlite3_column_blob(stmt, 1), sqlite3_column_bytes(stmt, 1));
    }
    sqlite3_finalize(stmt);
    return hash;
  }
  sqlite3* get() { return db_; }

 private:
  sqlite3* db_ = nullptr;
};

class WalWriteCombinerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("proaktiv-wal-combiner-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    path_ = (dir_ / "test.db").string();
  }
  void TearDown() override { fs::remove_all(dir_); }

  // Fills `rows` rows of ~300 bytes, spread so that updates touch pages all over the table.
  static void Fill(Connection& db, int rows) {
    db.Exec("PRAGMA journal_mode=WAL; CREATE TABLE t (k INTEGER PRIMARY KEY, v BLOB NOT NULL);");
    db.Exec("BEGIN; WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " +
            std::to_string(rows) + ") INSERT INTO t SELECT i, randomblob(300) FROM n; COMMIT;");
  }

  fs::path dir_;
  std::string path_;
};

TEST_F(WalWriteCombinerTest, IsRegisteredBesideTheDefault) {
  const char* name = WalWriteCombiningVfs();
  ASSERT_NE(name, nullptr);
  EXPECT_NE(sqlite3_vfs_find(name), nullptr);
  EXPECT_NE(sqlite3_vfs_find(nullptr), sqlite3_vfs_find(name)) << "must not become the default";
  Connection db(path_, name);
  char* vfs_name = nullptr;
  ASSERT_EQ(sqlite3_file_control(db.get(), "main", SQLITE_FCNTL_VFSNAME, &vfs_name), SQLITE_OK);
  EXPECT_NE(std::string(vfs_name).find("unix"), std::string::npos);
  sqlite3_free(vfs_name);
}

// Other connections read the WAL as soon as a commit is published; with synchronous=OFF or
// NORMAL SQLite does not sync the WAL at commit, so only the commit-frame rule puts the bytes
// in the file in time.
TEST_F(WalWriteCombinerTest, ACommitIsVisibleToOtherConnectionsInEverySyncMode) {
  Connection writer(path_, WalWriteCombiningVfs());
  Fill(writer, 2000);
  Connection reader(path_, nullptr);  // the default VFS: sees only what reached the file
  for (const char* mode : {"OFF", "NORMAL", "FULL"}) {
    writer.Exec(std::string("PRAGMA synchronous=") + mode);
    writer.Exec("PRAGMA wal_autocheckpoint=0");
    for (int round = 0; round < 5; ++round) {
      std::string marker = std::string(mode) + std::to_string(round);
      // A transaction larger than the buffer, then one of a single frame.
      writer.Exec("BEGIN; UPDATE t SET v = randomblob(300) WHERE k % 7 = " + std::to_string(round) +
                  "; UPDATE t SET v = '" + marker + "' WHERE k = 1000; COMMIT;");
      EXPECT_EQ(reader.Text("SELECT v FROM t WHERE k = 1000"), marker);
      writer.Exec("UPDATE t SET v = '" + marker + "' WHERE k = 2000");
      EXPECT_EQ(reader.Text("SELECT v FROM t WHERE k = 2000"), marker) << mode;
    }
  }
  EXPECT_EQ(reader.Text("PRAGMA integrity_check"), "ok");
}

// A checkpoint copies pages in runs through the combined writes and reads the WAL ahead; the
// database file must end up with exactly the content that was committed.
TEST_F(WalWriteCombinerTest, CheckpointedContentMatchesTheCommittedContent) {
  uint64_t expected = 0;
  {
    Connection db(path_, WalWriteCombiningVfs());
    Fill(db, 20000);
    db.Exec("PRAGMA wal_autocheckpoint=0");
    for (int round = 0; round < 3; ++round) {
      db.Exec("BEGIN; UPDATE t SET v = randomblob(300 + " + std::to_string(round) +
              ") WHERE k % 3 <> " + std::to_string(round) + "; COMMIT;");
    }
    expected = db.HashOfTable();
    int wal_frames = 0;
    int checkpointed = 0;
    ASSERT_EQ(sqlite3_wal_checkpoint_v2(db.get(), "main", SQLITE_CHECKPOINT_FULL, &wal_frames,
                                        &checkpointed),
              SQLITE_OK);
    EXPECT_GT(checkpointed, 1000);
    EXPECT_EQ(checkpointed, wal_frames);
    ASSERT_EQ(
        sqlite3_wal_checkpoint_v2(db.get(), "main", SQLITE_CHECKPOINT_TRUNCATE, nullptr, nullptr),
        SQLITE_OK);
  }
  fs::remove(path_ + "-wal");  // truncated by the checkpoint: the database file holds it all
  Connection plain(path_, nullptr);
  EXPECT_EQ(plain.Text("PRAGMA integrity_check"), "ok");
  EXPECT_EQ(plain.HashOfTable(), expected);
}

// A process killed right after COMMIT returns must not lose the transaction: nothing that
// belongs to a commit may wait in a buffer.
TEST_F(WalWriteCombinerTest, ACommittedTransactionSurvivesAKill) {
  {
    Connection db(path_, WalWriteCombiningVfs());
    Fill(db, 1000);
  }
  pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    Connection db(path_, WalWriteCombiningVfs());
    db.Exec("PRAGMA synchronous=NORMAL; PRAGMA wal_autocheckpoint=0");
    db.Exec("BEGIN; UPDATE t SET v = 'after' WHERE k <= 500; COMMIT;");
    db.Exec("BEGIN; UPDATE t SET v = 'lost' WHERE k > 500;");  // never committed
    ::kill(::getpid(), SIGKILL);
  }
  int status = 0;
  ASSERT_EQ(::waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFSIGNALED(status));
  Connection db(path_, nullptr);
  EXPECT_EQ(db.Int("SELECT count(*) FROM t WHERE v = 'after'"), 500);
  EXPECT_EQ(db.Int("SELECT count(*) FROM t WHERE v = 'lost'"), 0);
  EXPECT_EQ(db.Text("PRAGMA integrity_check"), "ok");
}

// A write that fails (here: the file-size limit, as a full disk would) makes the commit fail;
// nothing claims to be committed that is not in the file, and once there is room again the
// same connection commits normally.
TEST_F(WalWriteCombinerTest, AFailedWriteFailsTheCommit) {
  {
    Connection db(path_, WalWriteCombiningVfs());
    Fill(db, 1000);
    db.Exec("PRAGMA wal_checkpoint(TRUNCATE)");
  }
  pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    std::signal(SIGXFSZ, SIG_IGN);
    Connection db(path_, WalWriteCombiningVfs());
    db.Exec("PRAGMA synchronous=FULL; PRAGMA wal_autocheckpoint=0");
    rlimit unlimited{};
    ::getrlimit(RLIMIT_FSIZE, &unlimited);
    rlimit limit{2 << 20, unlimited.rlim_max};  // no file may grow past 2 MB: the WAL needs ~3 MB
    ::setrlimit(RLIMIT_FSIZE, &limit);
    int rc = sqlite3_exec(db.get(), "BEGIN; UPDATE t SET v = randomblob(3000) || 'big'; COMMIT;",
                          nullptr, nullptr, nullptr);
    if (rc == SQLITE_OK) ::_exit(1);  // the commit must fail
    sqlite3_exec(db.get(), "ROLLBACK", nullptr, nullptr, nullptr);
    // Space again (as after a full disk is cleared): the same connection commits normally.
    ::setrlimit(RLIMIT_FSIZE, &unlimited);
    rc = sqlite3_exec(db.get(), "UPDATE t SET v = 'after' WHERE k = 7", nullptr, nullptr, nullptr);
    ::_exit(rc == SQLITE_OK ? 0 : 2);
  }
  int status = 0;
  ASSERT_EQ(::waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFEXITED(status));
  ASSERT_NE(WEXITSTATUS(status), 1) << "a commit whose frames could not be written succeeded";
  EXPECT_EQ(WEXITSTATUS(status), 0) << "the connection did not recover once space was back";
  Connection db(path_, nullptr);
  EXPECT_EQ(db.Text("PRAGMA integrity_check"), "ok");
  EXPECT_EQ(db.Int("SELECT count(*) FROM t WHERE v LIKE '%big'"), 0);
  EXPECT_EQ(db.Text("SELECT v FROM t WHERE k = 7"), "after");
  EXPECT_EQ(db.Int("SELECT count(*) FROM t"), 1000);
}

}  // namespace
}  // namespace proaktiv::store::sqlite
