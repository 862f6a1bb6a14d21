// SQLite implementation of RegistryStore: WAL, synchronous=FULL (a commit survives power loss),
// prepared statements reused for the life of the store.

#include <algorithm>
#include <optional>
#include <set>
#include <vector>

#include <fmt/format.h>

#include "registry/person_codec.h"
#include "store/migrations.h"
#include "store/sqlite/database.h"
#include "store/sqlite/sqlite_audit_store.h"
#include "store/sqlite/sqlite_consent_store.h"
#include "store/sqlite/sqlite_contact_store.h"
#include "store/sqlite/sqlite_engine_store.h"
#include "store/sqlite/sqlite_outbox_store.h"
#include "store/sqlite/sqlite_portal_store.h"
#include "store/sqlite/sqlite_settings_store.h"
#include "store/store.h"

namespace proaktiv::store {
namespace {

using sqlite::Database;

// Reads through a memory map of up to 4 GiB: no read system call per page.
constexpr std::string_view kMmapOn = "PRAGMA mmap_size = 4294967296";
using sqlite::Statement;

std::string_view StatusName(EventStatus s) {
  return s == EventStatus::kApplied ? "applied" : "unknown_type";
}

// Applies every migration not yet recorded in schema_version, in version order. A set, not a
// high-water mark: a migration that landed after a higher-numbered one (from branches merged
// out of order) is still applied.
Status Migrate(Database& db) {
  PROAKTIV_RETURN_IF_ERROR(
      db.Execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)"));
  PROAKTIV_ASSIGN_OR_RETURN(Statement applied_versions,
                            db.Prepare("SELECT version FROM schema_version"));
  std::set<int64_t> applied;
  PROAKTIV_RETURN_IF_ERROR(sqlite::ForEachRow(applied_versions, [&](const Statement& row) {
    applied.insert(row.ColumnInt(0));
    return true;
  }));
  for (const Migration& m : SqliteMigrations()) {
    if (applied.contains(m.version)) continue;
    PROAKTIV_RETURN_IF_ERROR(db.Execute("BEGIN IMMEDIATE"));
    auto done = db.Execute(m.sql).and_then([&] {
      return db.Execute(fmt::format("INSERT INTO schema_version VALUES ({})", m.version));
    });
    if (!done) {
      (void)db.Execute("ROLLBACK");
      return tl::unexpected(
          done.error().WithContext(fmt::format("migration {} ({})", m.version, m.name)));
    }
    PROAKTIV_RETURN_IF_ERROR(db.Execute("COMMIT"));
  }
  return {};
}

class SqliteRegistryStore final : public RegistryStore {
 public:
  explicit SqliteRegistryStore(Database db) : db_(std::move(db)) {}

  Status Prepare() {
    PROAKTIV_ASSIGN_OR_RETURN(find_identity_,
                              db_.Prepare("SELECT p.key, p.doc FROM identities i JOIN persons p "
                                          "ON p.key = i.person_key WHERE i.number = ?"));
    PROAKTIV_ASSIGN_OR_RETURN(
        insert_person_, db_.Prepare("INSERT INTO persons (id, kommunenummer, birth_date, status, "
                                    "doc) VALUES (?, ?, ?, ?, ?)"));
    PROAKTIV_ASSIGN_OR_RETURN(
        update_person_, db_.Prepare("UPDATE persons SET id = ?, kommunenummer = ?, birth_date = ?, "
                                    "status = ?, doc = ? WHERE key = ?"));
    PROAKTIV_ASSIGN_OR_RETURN(
        put_identity_,
        db_.Prepare("INSERT OR IGNORE INTO identities (number, person_key) VALUES (?, ?)"));
    PROAKTIV_ASSIGN_OR_RETURN(
        insert_event_,
        db_.Prepare("INSERT INTO feed_events (feed, sequence, person_key, event_type, "
                    "timestamp, status, body, revisions) VALUES (?,?,?,?,?,?,?,?)"));
    PROAKTIV_ASSIGN_OR_RETURN(find_key_, db_.Prepare("SELECT doc FROM persons WHERE key = ?"));
    PROAKTIV_ASSIGN_OR_RETURN(
        events_after_,
        db_.Prepare("SELECT sequence, person_key, event_type, timestamp, status, revisions FROM "
                    "feed_events WHERE feed = ? AND sequence > ? ORDER BY sequence LIMIT ?"));
    PROAKTIV_ASSIGN_OR_RETURN(engine_, sqlite::MakeSqliteEngineStore(db_));
    PROAKTIV_ASSIGN_OR_RETURN(portal_, sqlite::MakeSqlitePortalStore(db_));
    PROAKTIV_ASSIGN_OR_RETURN(settings_, sqlite::MakeSqliteSettingsStore(db_));
    PROAKTIV_ASSIGN_OR_RETURN(contacts_, sqlite::MakeSqliteContactStore(db_));
    PROAKTIV_ASSIGN_OR_RETURN(outbox_, sqlite::MakeSqliteOutboxStore(db_));
    PROAKTIV_ASSIGN_OR_RETURN(audit_, sqlite::MakeSqliteAuditStore(db_));
    PROAKTIV_ASSIGN_OR_RETURN(consent_, sqlite::MakeSqliteConsentStore(db_));
    PROAKTIV_ASSIGN_OR_RETURN(
        has_event_, db_.Prepare("SELECT 1 FROM feed_events WHERE feed = ? AND sequence = ?"));
    PROAKTIV_ASSIGN_OR_RETURN(get_pointer_,
                              db_.Prepare("SELECT sequence FROM feed_pointers WHERE feed = ?"));
    PROAKTIV_ASSIGN_OR_RETURN(
        set_pointer_, db_.Prepare("INSERT INTO feed_pointers (feed, sequence) VALUES (?, ?) "
                                  "ON CONFLICT (feed) DO UPDATE SET sequence = excluded.sequence"));
    return {};
  }

  Status Begin() override { return db_.Execute("BEGIN IMMEDIATE"); }
  Status Commit() override { return db_.Execute("COMMIT"); }
  Status Rollback() override { return db_.Execute("ROLLBACK"); }

  Result<std::optional<StoredPerson>> FindPerson(std::string_view number) override {
    find_identity_.Bind(1, number);
    return sqlite::ReadFirstRow(find_identity_, [](const Statement& row) {
      return StoredPersonAt(row.ColumnInt(0), row.ColumnBlob(1));
    });
  }

  Result<std::optional<StoredPerson>> FindPersonByKey(int64_t key) override {
    find_key_.Bind(1, key);
    return sqlite::ReadFirstRow(
        find_key_, [&](const Statement& row) { return StoredPersonAt(key, row.ColumnBlob(0)); });
  }

  Result<int64_t> PutPerson(int64_t key, const registry::Person& person) override {
    PROAKTIV_ASSIGN_OR_RETURN(key, WritePersonRow(key, person));
    for (const auto& fact : person.identity_numbers) {
      PROAKTIV_RETURN_IF_ERROR(put_identity_.Bind(1, fact.value.number).Bind(2, key).Run());
    }
    return key;
  }

  Status UpdatePerson(int64_t key, const registry::Person& person) override {
    if (key == 0) return InvalidArgument("UpdatePerson needs the key of a stored person");
    return WritePersonRow(key, person).map([](int64_t) {});
  }

  Status BulkLoad(int64_t count, const std::function<registry::Person(int64_t)>& person_at,
                  const std::function<void(int64_t)>& progress) override {
    constexpr int64_t kRowsPerTransaction = 200000;  // keeps the WAL small
    std::vector<std::pair<std::string, int64_t>> identities;
    identities.reserve(static_cast<size_t>(count));
    auto in_transaction = [&](auto&& body) -> Status {
      PROAKTIV_RETURN_IF_ERROR(Begin());
      if (auto done = body(); !done) {
        (void)Rollback();
        return done;
      }
      return Commit();
    };
    for (int64_t begin = 0; begin < count; begin += kRowsPerTransaction) {
      int64_t end = std::min(count, begin + kRowsPerTransaction);
      PROAKTIV_RETURN_IF_ERROR(in_transaction([&]() -> Status {
        for (int64_t i = begin; i < end; ++i) {
          registry::Person person = person_at(i);
          PROAKTIV_ASSIGN_OR_RETURN(int64_t key, WritePersonRow(0, person));
          for (auto& fact : person.identity_numbers) {
            identities.emplace_back(std::move(fact.value.number), key);
          }
        }
        return {};
      }));
      if (progress) progress(end);
    }
    std::sort(identities.begin(), identities.end());
    return in_transaction([&]() -> Status {
      for (const auto& [number, key] : identities) {
        PROAKTIV_RETURN_IF_ERROR(put_identity_.Bind(1, number).Bind(2, key).Run());
      }
      return {};
    });
  }

  Status ForEachPerson(const std::function<bool(const StoredPerson&)>& visit) override {
    PROAKTIV_ASSIGN_OR_RETURN(Statement all,
                              db_.Prepare("SELECT key, doc FROM persons ORDER BY key"));
    return sqlite::ForEachRow(all, [&](const Statement& row) -> Result<bool> {
      PROAKTIV_ASSIGN_OR_RETURN(StoredPerson person,
                                StoredPersonAt(row.ColumnInt(0), row.ColumnBlob(1)));
      return visit(person);
    });
  }

  Status AppendEvent(const StoredEvent& e) override {
    insert_event_.Bind(1, e.feed).Bind(2, e.sequence);
    if (e.person_key != 0) {
      insert_event_.Bind(3, e.person_key);
    } else {
      insert_event_.BindNull(3);
    }
    insert_event_.Bind(4, e.event_type).Bind(5, e.timestamp).Bind(6, StatusName(e.status));
    if (e.body.empty()) {
      insert_event_.BindNull(7);
    } else {
      insert_event_.Bind(7, e.body);
    }
    insert_event_.Bind(8, int64_t{e.revisions});
    return insert_event_.Run();
  }

  Result<bool> HasEvent(std::string_view feed, int64_t sequence) override {
    has_event_.Bind(1, feed).Bind(2, sequence);
    PROAKTIV_ASSIGN_OR_RETURN(bool found, has_event_.Step());
    has_event_.Reset();
    return found;
  }

  Result<std::vector<StoredEvent>> EventsAfter(std::string_view feed, int64_t after,
                                               int limit) override {
    events_after_.Bind(1, feed).Bind(2, after).Bind(3, int64_t{limit});
    return sqlite::ReadRows(events_after_, [&](const Statement& row) {
      StoredEvent e;
      e.sequence = row.ColumnInt(0);
      e.feed = std::string(feed);
      e.person_key = row.ColumnOptionalInt(1).value_or(0);
      e.event_type = std::string(row.ColumnText(2));
      e.timestamp = std::string(row.ColumnText(3));
      e.status = row.ColumnText(4) == "applied" ? EventStatus::kApplied : EventStatus::kUnknownType;
      e.revisions = static_cast<int>(row.ColumnInt(5));
      return e;
    });
  }

  Result<int64_t> GetPointer(std::string_view feed) override {
    get_pointer_.Bind(1, feed);
    PROAKTIV_ASSIGN_OR_RETURN(bool found, get_pointer_.Step());
    int64_t sequence = found ? get_pointer_.ColumnInt(0) : 0;
    get_pointer_.Reset();
    return sequence;
  }

  Status SetPointer(std::string_view feed, int64_t sequence) override {
    return set_pointer_.Bind(1, feed).Bind(2, sequence).Run();
  }

  Result<RegistryCounts> Counts() override {
    RegistryCounts counts;
    PROAKTIV_ASSIGN_OR_RETURN(Statement by_status,
                              db_.Prepare("SELECT status, COUNT(*) FROM persons GROUP BY status"));
    PROAKTIV_RETURN_IF_ERROR(sqlite::ForEachRow(by_status, [&](const Statement& row) {
      counts.by_status[std::string(row.ColumnText(0))] = row.ColumnInt(1);
      counts.persons += row.ColumnInt(1);
      return true;
    }));
    PROAKTIV_ASSIGN_OR_RETURN(
        Statement by_type,
        db_.Prepare("SELECT event_type, COUNT(*) FROM feed_events GROUP BY event_type"));
    PROAKTIV_RETURN_IF_ERROR(sqlite::ForEachRow(by_type, [&](const Statement& row) {
      counts.events_by_type[std::string(row.ColumnText(0))] = row.ColumnInt(1);
      counts.events += row.ColumnInt(1);
      return true;
    }));
    return counts;
  }

  Result<int64_t> DataVersion() override {
    if (!data_version_.has_value()) {
      PROAKTIV_ASSIGN_OR_RETURN(data_version_, db_.Prepare("PRAGMA data_version"));
    }
    PROAKTIV_ASSIGN_OR_RETURN(bool row, data_version_->Step());
    if (!row) return DataLoss("PRAGMA data_version returned no row");
    int64_t version = data_version_->ColumnInt(0);
    data_version_->Reset();
    return version;
  }

  EngineStore& engine() override { return *engine_; }
  PortalStore& portal() override { return *portal_; }
  SettingsStore& settings() override { return *settings_; }
  ContactStore& contacts() override { return *contacts_; }
  OutboxStore& outbox() override { return *outbox_; }
  AuditStore& audit() override { return *audit_; }
  ConsentStore& consent() override { return *consent_; }

 private:
  // Inserts (key 0) or updates the person's row, without its identity numbers.
  Result<int64_t> WritePersonRow(int64_t key, const registry::Person& person) {
    std::string doc = registry::EncodePerson(person);
    auto birth = person.birth_date();
    Statement& st = key == 0 ? insert_person_ : update_person_;
    st.Bind(1, person.id()).Bind(2, person.kommunenummer());
    if (birth) {
      st.Bind(3, static_cast<int64_t>(birth->days()));
    } else {
      st.BindNull(3);
    }
    st.Bind(4, registry::Name(person.current_status())).BindBlob(5, doc);
    if (key != 0) st.Bind(6, key);
    PROAKTIV_RETURN_IF_ERROR(st.Run());
    return key == 0 ? db_.LastInsertRowId() : key;
  }

  static Result<StoredPerson> StoredPersonAt(int64_t key, std::string_view doc) {
    auto person = registry::DecodePerson(doc);
    if (!person) return tl::unexpected(person.error().WithContext(fmt::format("person {}", key)));
    return StoredPerson{key, std::move(*person)};
  }

  Database db_;
  Statement find_identity_, find_key_, insert_person_, update_person_, put_identity_, insert_event_,
      has_event_, events_after_, get_pointer_, set_pointer_;
  std::optional<Statement> data_version_;  // prepared on first use
  std::unique_ptr<EngineStore> engine_;
  std::unique_ptr<PortalStore> portal_;
  std::unique_ptr<SettingsStore> settings_;
  std::unique_ptr<ContactStore> contacts_;
  std::unique_ptr<OutboxStore> outbox_;
  std::unique_ptr<AuditStore> audit_;
  std::unique_ptr<ConsentStore> consent_;
};

}  // namespace

Result<std::unique_ptr<RegistryStore>> OpenSqliteStore(const std::string& path) {
  PROAKTIV_ASSIGN_OR_RETURN(Database db, Database::Open(path));
  // A 64 MB page cache: reads go through the memory map, so the cache holds mostly pages being
  // changed. 256 MB made no batch faster and made the daily transactions of `run` a quarter
  // slower (SQLite walks the cache's whole hash table when it drops pages).
  PROAKTIV_RETURN_IF_ERROR(
      db.Execute("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;"
                 "PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY;"));
  PROAKTIV_RETURN_IF_ERROR(db.Execute(kMmapOn));
  PROAKTIV_RETURN_IF_ERROR(Migrate(db));
  auto store = std::make_unique<SqliteRegistryStore>(std::move(db));
  PROAKTIV_RETURN_IF_ERROR(store->Prepare());
  return std::unique_ptr<RegistryStore>(std::move(store));
}

}  // namespace proaktiv::store
