#pragma once

// A thin RAII layer over the SQLite C API that turns return codes into Result values.
// A Database and its Statements belong to one thread at a time.

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "common/result.h"

namespace proaktiv::store::sqlite {

class Statement {
 public:
  Statement() = default;
  Statement(Statement&&) noexcept;
  Statement& operator=(Statement&&) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement();

  // Binds by 1-based index. Text is copied by SQLite (SQLITE_TRANSIENT).
  Statement& Bind(int index, int64_t value);
  Statement& Bind(int index, std::string_view text);
  Statement& BindBlob(int index, std::string_view bytes);
  Statement& BindNull(int index);
  // Binds the value, or NULL when `value` is empty.
  Statement& BindOptional(int index, const std::optional<int64_t>& value);

  // Steps once: true when a row is available, false when done.
  Result<bool> Step();
  // Steps to completion (for statements without rows) and resets.
  Status Run();
  // Rewinds to before the first row and clears the bindings (all parameters become NULL), so the
  // statement can be bound and stepped again. A failed Step() has rewound already but kept the
  // bindings.
  void Reset();

  int64_t ColumnInt(int index) const;
  std::string_view ColumnText(int index) const;
  std::string_view ColumnBlob(int index) const;
  bool ColumnIsNull(int index) const;
  // The integer in the column, or nullopt when it is NULL.
  std::optional<int64_t> ColumnOptionalInt(int index) const;

 private:
  friend class Database;
  Statement(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  sqlite3* db_ = nullptr;
  sqlite3_stmt* stmt_ = nullptr;
};

class Database {
 public:
  static Result<Database> Open(const std::string& path);
  Database(Database&&) noexcept;
  Database& operator=(Database&&) noexcept;
  ~Database();

  Status Execute(std::string_view sql);  // one or more statements, no results
  Result<Statement> Prepare(std::string_view sql);
  Error LastError(std::string_view what) const;
  int64_t LastInsertRowId() const { return sqlite3_last_insert_rowid(db_); }
  // Rows changed by the last INSERT, UPDATE or DELETE.
  int Changes() const { return sqlite3_changes(db_); }

 private:
  explicit Database(sqlite3* db) : db_(db) {}
  sqlite3* db_ = nullptr;
};

namespace internal {

// Lets the row readers take callables that return T or Result<T> alike.
template <typename T>
Result<T> ToResult(T value) {
  return value;
}
template <typename T>
Result<T> ToResult(Result<T> value) {
  return value;
}
template <typename Map>
using MappedRow = typename decltype(ToResult(
    std::declval<std::invoke_result_t<Map&, const Statement&>>()))::value_type;

}  // namespace internal

// Row readers for a bound statement. They step `st` from where it stands (normally reset) and
// hand each row to a callable as `const Statement&`, which reads columns only (it must not step,
// reset or rebind `st`). They leave `st` reset with its bindings cleared (Statement::Reset) on
// every path, so a reused prepared statement can be bound and stepped again: after the last row,
// after the callable stops early, after a failed step and after the callable's error. An error
// is returned as is and the rows after it are not read.

// Calls `visit(row)` for each row until it returns false. `visit` returns bool or Result<bool>.
template <typename Visit>
Status ForEachRow(Statement& st, Visit&& visit) {
  for (;;) {
    auto row = st.Step();
    if (!row) {
      st.Reset();
      return tl::unexpected(row.error());
    }
    if (!*row) break;
    auto more = internal::ToResult(visit(std::as_const(st)));
    if (!more) {
      st.Reset();
      return tl::unexpected(more.error());
    }
    if (!*more) break;
  }
  st.Reset();
  return {};
}

// What `map(row)` makes of each row, in order. `map` returns T or Result<T>.
template <typename Map>
Result<std::vector<internal::MappedRow<Map>>> ReadRows(Statement& st, Map&& map) {
  std::vector<internal::MappedRow<Map>> out;
  PROAKTIV_RETURN_IF_ERROR(ForEachRow(st, [&](const Statement& row) -> Result<bool> {
    PROAKTIV_ASSIGN_OR_RETURN(auto value, internal::ToResult(map(row)));
    out.push_back(std::move(value));
    return true;
  }));
  return out;
}

// What `map(row)` makes of the first row, or nullopt when there is none; later rows are not
// stepped. `map` returns T or Result<T>.
template <typename Map>
Result<std::optional<internal::MappedRow<Map>>> ReadFirstRow(Statement& st, Map&& map) {
  std::optional<internal::MappedRow<Map>> out;
  PROAKTIV_RETURN_IF_ERROR(ForEachRow(st, [&](const Statement& row) -> Result<bool> {
    PROAKTIV_ASSIGN_OR_RETURN(out, internal::ToResult(map(row)));
    return false;
  }));
  return out;
}

}  // namespace proaktiv::store::sqlite
