// The floor of intake's table design (bench/intake_throughput.sh): plain SQLite, as shipped
// (default VFS), doing only the row I/O that `proaktiv ingest` must do for each feed entry, with
// no JSON parsing, no validation and no person logic. Whatever intake costs above this rate is
// ours (parsing, applying, encoding); below it only a different table design or storage can go.
//
// Usage: intake_floor --db COPY_OF_POPULATION.db --feed feed.jsonl [--batch 50000]
// The db must hold the registry tables (src/store/migrations/sqlite/0001, 0002) and is changed:
// run it on a copy. For each feed line it finds the identity number, the sequence number, the
// event type and the timestamp by plain string search, then, as intake does for an entry:
//   - looks the person up by identity number (identities JOIN persons) and reads its row,
//   - writes the person row back (UPDATE with the values just read, but the doc's last byte
//     changed: SQLite does not dirty a page for a row rewritten with identical bytes; a person
//     touched twice in one batch is written twice, where intake writes it once: the page cache
//     absorbs it),
//     or, when nobody has the number (a birth or a move into the kommune), inserts a new person
//     (the row of the last person read, with id = the number),
//   - INSERT OR IGNORE of the identity number, and INSERT of the feed_events row (feed 'floor').
// One transaction (BEGIN IMMEDIATE … COMMIT) per --batch entries, with the feed pointer row
// upserted in each, like intake. The connection is opened with the store's pragmas (WAL,
// synchronous=FULL, foreign keys, 64 MiB cache, 4 GiB memory map: OpenSqliteStore).
//
// Prints "<entries> entries in <seconds> s: <rate> entries/s" and "rate <rate>". The time runs
// from opening the db to closing it (the last checkpoint included), like timing the process of
// `proaktiv ingest`.
//
// --minimal: the least any design that keeps one SQLite row per person, current after every
// commit, can do. Every identity number is mapped to its row's key in memory before the clock
// starts (no index is read or written), and each entry rewrites its person's row in place
// (UPDATE persons SET birth_date = -1 - ifnull(birth_date, 0) WHERE key = ?: a value that
// differs from the stored one, so the page is dirtied) or inserts a new row for a new number; no
// event row is stored, only the pointer per transaction. Same pragmas, same batches.

#include <sqlite3.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <string_view>
#include <unordered_map>

#include <CLI/CLI.hpp>

namespace {

// A bench: any SQLite error ends the run.
void Check(sqlite3* db, int rc, const char* what) {
  if (rc == SQLITE_OK || rc == SQLITE_DONE || rc == SQLITE_ROW) return;
  std::fprintf(stderr, "error: %s: %s\n", what, db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
  std::exit(2);
}

sqlite3_stmt* Prepare(sqlite3* db, const char* sql) {
  sqlite3_stmt* stmt = nullptr;
  Check(db, sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, nullptr), sql);
  return stmt;
}

// Steps a statement that returns no row, then resets it.
void Run(sqlite3* db, sqlite3_stmt* stmt, const char* what) {
  Check(db, sqlite3_step(stmt), what);
  sqlite3_reset(stmt);
}

// The text after `key` up to the next '"' (a string value), or empty when `key` is absent.
std::string_view StringAfter(std::string_view line, std::string_view key) {
  size_t pos = line.find(key);
  if (pos == std::string_view::npos) return {};
  pos += key.size();
  size_t end = line.find('"', pos);
  if (end == std::string_view::npos) return {};
  return line.substr(pos, end - pos);
}

// The digits after `key` (a number value), or -1 when `key` is absent.
int64_t NumberAfter(std::string_view line, std::string_view key) {
  size_t pos = line.find(key);
  if (pos == std::string_view::npos) return -1;
  pos += key.size();
  int64_t value = 0;
  bool any = false;
  for (; pos < line.size() && line[pos] >= '0' && line[pos] <= '9'; ++pos) {
    value = value * 10 + (line[pos] - '0');
    any = true;
  }
  return any ? value : -1;
}

void Bind(sqlite3_stmt* stmt, int index, std::string_view text) {
  sqlite3_bind_text(stmt, index, text.data(), static_cast<int>(text.size()), SQLITE_STATIC);
}

// The person row last read (id, kommunenummer, birth_date, status, doc), owned copies.
struct PersonRow {
  static constexpr int kColumns = 5;
  sqlite3_value* values[kColumns] = {};

  void ReadFrom(sqlite3_stmt* stmt, int first_column) {
    for (int i = 0; i < kColumns; ++i) {
      sqlite3_value_free(values[i]);
      values[i] = sqlite3_value_dup(sqlite3_column_value(stmt, first_column + i));
    }
  }
  // Binds the five values to parameters 1..5.
  void BindTo(sqlite3_stmt* stmt) const {
    for (int i = 0; i < kColumns; ++i) sqlite3_bind_value(stmt, i + 1, values[i]);
  }
  // Binds the five values to parameters 1..5, the doc (the last) with its last byte changed.
  void BindChangedTo(sqlite3_stmt* stmt, std::string& scratch) const {
    for (int i = 0; i + 1 < kColumns; ++i) sqlite3_bind_value(stmt, i + 1, values[i]);
    const sqlite3_value* doc = values[kColumns - 1];
    scratch.assign(static_cast<const char*>(sqlite3_value_blob(const_cast<sqlite3_value*>(doc))),
                   static_cast<size_t>(sqlite3_value_bytes(const_cast<sqlite3_value*>(doc))));
    if (!scratch.empty()) scratch.back() = static_cast<char>(scratch.back() ^ 0x5A);
    sqlite3_bind_blob(stmt, kColumns, scratch.data(), static_cast<int>(scratch.size()),
                      SQLITE_STATIC);
  }
  bool empty() const { return values[0] == nullptr; }
  ~PersonRow() {
    for (sqlite3_value* v : values) sqlite3_value_free(v);
  }
};

// identities → person key, for --minimal.
std::unordered_map<std::string, int64_t> LoadKeys(sqlite3* db) {
  std::unordered_map<std::string, int64_t> keys;
  sqlite3_stmt* all = Prepare(db, "SELECT number, person_key FROM identities");
  while (sqlite3_step(all) == SQLITE_ROW) {
    keys.emplace(reinterpret_cast<const char*>(sqlite3_column_text(all, 0)),
                 sqlite3_column_int64(all, 1));
  }
  sqlite3_finalize(all);
  return keys;
}

int Main(const std::string& path, const std::string& feed_path, int64_t batch, bool minimal,
         int64_t cache_mib) {
  std::ifstream feed(feed_path);
  if (!feed) {
    std::fprintf(stderr, "error: --feed: cannot read '%s'\n", feed_path.c_str());
    return 2;
  }
  auto start = std::chrono::steady_clock::now();
  sqlite3* db = nullptr;
  // No SQLITE_OPEN_CREATE: the db must exist and hold the registry.
  const std::string opening = "open --db '" + path + "'";
  Check(db,
        sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr),
        opening.c_str());
  sqlite3_busy_timeout(db, 5000);
  const std::string pragmas =
      "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; "
      "PRAGMA cache_size = -" +
      std::to_string(cache_mib * 1024) +
      "; PRAGMA temp_store = MEMORY; PRAGMA mmap_size = 4294967296;";
  Check(db, sqlite3_exec(db, pragmas.c_str(), nullptr, nullptr, nullptr), "pragmas");

  sqlite3_stmt* find = Prepare(db,
                               "SELECT p.key, p.id, p.kommunenummer, p.birth_date, p.status, p.doc "
                               "FROM identities i JOIN persons p ON p.key = i.person_key "
                               "WHERE i.number = ?");
  sqlite3_stmt* any_person =
      Prepare(db, "SELECT key, id, kommunenummer, birth_date, status, doc FROM persons LIMIT 1");
  sqlite3_stmt* update = Prepare(db,
                                 "UPDATE persons SET id = ?, kommunenummer = ?, birth_date = ?, "
                                 "status = ?, doc = ? WHERE key = ?");
  sqlite3_stmt* insert_person = Prepare(db,
                                        "INSERT INTO persons (id, kommunenummer, birth_date, "
                                        "status, doc) VALUES (?, ?, ?, ?, ?)");
  sqlite3_stmt* put_identity =
      Prepare(db, "INSERT OR IGNORE INTO identities (number, person_key) VALUES (?, ?)");
  sqlite3_stmt* insert_event = Prepare(db,
                                       "INSERT INTO feed_events (feed, sequence, person_key, "
                                       "event_type, timestamp, status, body, revisions) "
                                       "VALUES ('floor', ?, ?, ?, ?, 'applied', NULL, 0)");
  sqlite3_stmt* set_pointer = Prepare(db,
                                      "INSERT INTO feed_pointers (feed, sequence) VALUES "
                                      "('floor', ?) ON CONFLICT (feed) DO UPDATE SET "
                                      "sequence = excluded.sequence");

  // A template for a new person before any person has been read.
  PersonRow last;
  if (sqlite3_step(any_person) == SQLITE_ROW) last.ReadFrom(any_person, 1);
  sqlite3_reset(any_person);
  if (last.empty()) {
    std::fprintf(stderr, "error: --db: no persons in '%s'\n", path.c_str());
    return 2;
  }

  sqlite3_stmt* touch =
      Prepare(db, "UPDATE persons SET birth_date = -1 - ifnull(birth_date, 0) WHERE key = ?");
  std::unordered_map<std::string, int64_t> keys;
  if (minimal) {
    keys = LoadKeys(db);
    start = std::chrono::steady_clock::now();  // the map is free: not timed
  }

  int64_t entries = 0, in_batch = 0, pointer = 0;
  auto commit = [&] {
    sqlite3_bind_int64(set_pointer, 1, pointer);
    Run(db, set_pointer, "feed pointer");
    Check(db, sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr), "COMMIT");
    in_batch = 0;
  };
  std::string line, changed_doc;
  while (std::getline(feed, line)) {
    if (line.empty()) continue;
    const std::string_view number = StringAfter(line, "\"folkeregisteridentifikator\":\"");
    const std::string_view type = StringAfter(line, "\"hendelsetype\":\"");
    const std::string_view timestamp = StringAfter(line, "\"ajourholdstidspunkt\":\"");
    const int64_t sequence = NumberAfter(line, "\"sekvensnummer\":");
    if (number.empty() || type.empty() || timestamp.empty() || sequence < 0) {
      std::fprintf(stderr,
                   "error: --feed: line %lld lacks folkeregisteridentifikator, "
                   "hendelsetype, ajourholdstidspunkt or sekvensnummer\n",
                   static_cast<long long>(entries + 1));
      return 2;
    }
    if (in_batch == 0) {
      Check(db, sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), "BEGIN");
    }

    if (minimal) {
      auto [it, inserted] = keys.try_emplace(std::string(number), 0);
      if (inserted) {
        last.BindTo(insert_person);
        Bind(insert_person, 1, number);
        Run(db, insert_person, "insert person");
        it->second = sqlite3_last_insert_rowid(db);
      } else {
        sqlite3_bind_int64(touch, 1, it->second);
        Run(db, touch, "rewrite person");
      }
      pointer = sequence;
      ++entries;
      if (++in_batch == batch) commit();
      continue;
    }

    int64_t key = 0;
    Bind(find, 1, number);
    const int found = sqlite3_step(find);
    Check(db, found, "find person");
    if (found == SQLITE_ROW) {
      key = sqlite3_column_int64(find, 0);
      last.ReadFrom(find, 1);
      sqlite3_reset(find);
      last.BindChangedTo(update, changed_doc);
      sqlite3_bind_int64(update, 6, key);
      Run(db, update, "update person");
    } else {
      sqlite3_reset(find);
      last.BindTo(insert_person);
      Bind(insert_person, 1, number);  // id = the number
      Run(db, insert_person, "insert person");
      key = sqlite3_last_insert_rowid(db);
    }
    Bind(put_identity, 1, number);
    sqlite3_bind_int64(put_identity, 2, key);
    Run(db, put_identity, "put identity");

    sqlite3_bind_int64(insert_event, 1, sequence);
    sqlite3_bind_int64(insert_event, 2, key);
    Bind(insert_event, 3, type);
    Bind(insert_event, 4, timestamp);
    Run(db, insert_event, "insert feed event (a db already fed by intake_floor?)");

    pointer = sequence;
    ++entries;
    if (++in_batch == batch) commit();
  }
  if (in_batch > 0) commit();

  for (sqlite3_stmt* s :
       {find, any_person, update, insert_person, put_identity, insert_event, set_pointer, touch}) {
    sqlite3_finalize(s);
  }
  Check(db, sqlite3_close(db), "close");
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const double rate = static_cast<double>(entries) / seconds;
  std::printf("%lld entries in %.3f s: %.0f entries/s\nrate %.0f\n",
              static_cast<long long>(entries), seconds, rate, rate);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Plain SQLite doing only intake's row I/O per feed entry: the table design's floor"};
  std::string db, feed;
  int64_t batch = 50000;
  bool minimal = false;
  int64_t cache_mib = 64;
  app.add_option("--db", db, "registry db to change (a copy of the population's)")->required();
  app.add_option("--feed", feed, "feed entries, one JSON object a line")->required();
  app.add_option("--batch", batch, "entries per transaction")
      ->check(CLI::Range(int64_t{1}, int64_t{1} << 40));
  app.add_flag("--minimal", minimal,
               "only rewrite each entry's person row, keys mapped in memory (see top of file)");
  app.add_option("--cache-mib", cache_mib, "SQLite page cache (the store's is 64)")
      ->check(CLI::Range(int64_t{1}, int64_t{1} << 20));
  CLI11_PARSE(app, argc, argv);
  return Main(db, feed, batch, minimal, cache_mib);
}
