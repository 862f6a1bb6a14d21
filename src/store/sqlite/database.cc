#include "store/sqlite/database.h"

#include <atomic>
#include <utility>

#include <fmt/format.h>

#include "store/sqlite/wal_write_combiner.h"
#include "store/store.h"

namespace proaktiv::store::sqlite {

Statement::Statement(Statement&& other) noexcept
    : db_(std::exchange(other.db_, nullptr)), stmt_(std::exchange(other.stmt_, nullptr)) {}

Statement& Statement::operator=(Statement&& other) noexcept {
  if (this != &other) {
    if (stmt_ != nullptr) sqlite3_finalize(stmt_);
    db_ = std::exchange(other.db_, nullptr);
    stmt_ = std::exchange(other.stmt_, nullptr);
  }
  return *this;
}

Statement::~Statement() {
  if (stmt_ != nullptr) sqlite3_finalize(stmt_);
}

Statement& Statement::Bind(int index, int64_t value) {
  sqlite3_bind_int64(stmt_, index, value);
  return *this;
}

Statement& Statement::Bind(int index, std::string_view text) {
  sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
  return *this;
}

Statement& Statement::BindBlob(int index, std::string_view bytes) {
  sqlite3_bind_blob(stmt_, index, bytes.data(), static_cast<int>(bytes.size()), SQLITE_TRANSIENT);
  return *this;
}

Statement& Statement::BindNull(int index) {
  sqlite3_bind_null(stmt_, index);
  return *this;
}

Statement& Statement::BindOptional(int index, const std::optional<int64_t>& value) {
  return value ? Bind(index, *value) : BindNull(index);
}

Result<bool> Statement::Step() {
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  std::string message = fmt::format("sqlite: {} ({})", sqlite3_errmsg(db_), sqlite3_sql(stmt_));
  sqlite3_reset(stmt_);
  if (rc == SQLITE_CORRUPT || rc == SQLITE_NOTADB) return DataLoss(std::move(message));
  return Unavailable(std::move(message));
}

Status Statement::Run() {
  for (;;) {
    PROAKTIV_ASSIGN_OR_RETURN(bool row, Step());
    if (!row) break;
  }
  Reset();
  return {};
}

void Statement::Reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

int64_t Statement::ColumnInt(int index) const { return sqlite3_column_int64(stmt_, index); }

std::string_view Statement::ColumnText(int index) const {
  const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, index));
  int size = sqlite3_column_bytes(stmt_, index);
  return text == nullptr ? std::string_view() : std::string_view(text, static_cast<size_t>(size));
}

std::string_view Statement::ColumnBlob(int index) const {
  const auto* bytes = static_cast<const char*>(sqlite3_column_blob(stmt_, index));
  int size = sqlite3_column_bytes(stmt_, index);
  return bytes == nullptr ? std::string_view() : std::string_view(bytes, static_cast<size_t>(size));
}

bool Statement::ColumnIsNull(int index) const {
  return sqlite3_column_type(stmt_, index) == SQLITE_NULL;
}

std::optional<int64_t> Statement::ColumnOptionalInt(int index) const {
  if (ColumnIsNull(index)) return std::nullopt;
  return ColumnInt(index);
}

namespace {

std::atomic<int64_t> process_commits{0};

// Called by SQLite after each commit to a WAL database, once the write lock is released (so the
// commit is visible). Registering it replaces SQLite's automatic checkpoint hook, so it also
// checkpoints like that hook does, but at 8000 pages in the WAL (32 MB with 4 kB pages) instead
// of 1000: pages that every day rewrites (the tails of offers, outbox and log, the next days of
// the date index) are copied into the database once per several days, not every day.
int AfterWalCommit(void*, sqlite3* db, const char* name, int pages_in_wal) {
  process_commits.fetch_add(1, std::memory_order_release);
  if (pages_in_wal >= 8000) sqlite3_wal_checkpoint(db, name);
  return SQLITE_OK;
}

}  // namespace

Result<Database> Database::Open(const std::string& path) {
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &db,
                           SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                           WalWriteCombiningVfs());
  if (rc != SQLITE_OK) {
    std::string message = fmt::format("cannot open database '{}': {}", path,
                                      db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
    sqlite3_close(db);
    return Unavailable(std::move(message));
  }
  sqlite3_busy_timeout(db, 5000);
  sqlite3_wal_hook(db, AfterWalCommit, nullptr);
  return Database(db);
}

Database::Database(Database&& other) noexcept : db_(std::exchange(other.db_, nullptr)) {}

Database& Database::operator=(Database&& other) noexcept {
  if (this != &other) {
    if (db_ != nullptr) sqlite3_close_v2(db_);
    db_ = std::exchange(other.db_, nullptr);
  }
  return *this;
}

Database::~Database() {
  if (db_ != nullptr) sqlite3_close_v2(db_);
}

Status Database::Execute(std::string_view sql) {
  std::string text(sql);
  char* message = nullptr;
  if (sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
    std::string error = fmt::format("sqlite: {}", message ? message : "unknown error");
    sqlite3_free(message);
    return Unavailable(std::move(error));
  }
  return {};
}

Result<Statement> Database::Prepare(std::string_view sql) {
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT,
                         &stmt, nullptr) != SQLITE_OK) {
    return tl::unexpected(LastError(sql));
  }
  return Statement(db_, stmt);
}

Error Database::LastError(std::string_view what) const {
  return Error{ErrorCode::kUnavailable, fmt::format("sqlite: {} ({})", sqlite3_errmsg(db_), what)};
}

}  // namespace proaktiv::store::sqlite

namespace proaktiv::store {

int64_t CommitsInThisProcess() { return sqlite::process_commits.load(std::memory_order_acquire); }

}  // namespace proaktiv::store
