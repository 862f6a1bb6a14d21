#pragma once

// Storage for the registry and the feed consumer. One interface, several backends
// (sqlite/ now, postgres/ later). A store object is used by one thread at a time; open one per
// thread. Writes between Begin() and Commit() are atomic and durable at Commit().

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "registry/person.h"
#include "store/audit_store.h"
#include "store/consent_store.h"
#include "store/contact_store.h"
#include "store/engine_store.h"
#include "store/outbox_store.h"
#include "store/portal_store.h"
#include "store/settings_store.h"

namespace proaktiv::store {

// A person as stored: `key` is the store's own stable key (identity numbers can change).
struct StoredPerson {
  int64_t key = 0;
  registry::Person person;
};

// The outcome of one feed entry, kept for audit and for re-deciding after corrections.
enum class EventStatus { kApplied, kUnknownType };

struct StoredEvent {
  int64_t sequence = 0;
  std::string feed;        // which feed ("freg")
  int64_t person_key = 0;  // 0 when no person was touched
  std::string event_type;
  std::string timestamp;
  EventStatus status = EventStatus::kApplied;
  std::string body;   // the entry as received (JSON); empty when not kept (see the schema)
  int revisions = 0;  // changes that corrected or annulled earlier facts
};

struct RegistryCounts {
  int64_t persons = 0;
  std::map<std::string, int64_t> by_status;  // "bosatt" → n
  int64_t events = 0;
  std::map<std::string, int64_t> events_by_type;
};

class RegistryStore {
 public:
  virtual ~RegistryStore() = default;

  virtual Status Begin() = 0;
  virtual Status Commit() = 0;
  virtual Status Rollback() = 0;

  // Finds a person by any of their identity numbers, current or ceased.
  virtual Result<std::optional<StoredPerson>> FindPerson(std::string_view identity_number) = 0;
  virtual Result<std::optional<StoredPerson>> FindPersonByKey(int64_t key) = 0;
  // Inserts (key 0) or replaces a person; returns the key. Registers every identity number the
  // person has, so that FindPerson works by old numbers too.
  virtual Result<int64_t> PutPerson(int64_t key, const registry::Person& person) = 0;
  // Replaces the stored person `key` whose identity numbers are all registered already (none
  // was added since it was read): PutPerson without the identity index.
  virtual Status UpdatePerson(int64_t key, const registry::Person& person) = 0;
  // Loads `count` persons (person_at(0) … person_at(count-1)) into a store that has none yet,
  // in its own transactions, much faster than PutPerson: rows are appended, and the identity
  // index is built once at the end in sorted order. `progress` (optional) gets the number done.
  virtual Status BulkLoad(int64_t count, const std::function<registry::Person(int64_t)>& person_at,
                          const std::function<void(int64_t)>& progress) = 0;
  // Calls `visit` for every person in key order; stops early when it returns false.
  virtual Status ForEachPerson(const std::function<bool(const StoredPerson&)>& visit) = 0;

  virtual Status AppendEvent(const StoredEvent& event) = 0;
  virtual Result<bool> HasEvent(std::string_view feed, int64_t sequence) = 0;
  // Events of `feed` with a sequence above `after`, in sequence order, at most `limit`;
  // bodies are not read.
  virtual Result<std::vector<StoredEvent>> EventsAfter(std::string_view feed, int64_t after,
                                                       int limit) = 0;

  // The last sequence number applied from `feed` (0 when none).
  virtual Result<int64_t> GetPointer(std::string_view feed) = 0;
  virtual Status SetPointer(std::string_view feed, int64_t sequence) = 0;

  virtual Result<RegistryCounts> Counts() = 0;

  // A number that changes whenever another connection — in this process or another — commits
  // to the database (SQLite's PRAGMA data_version); this connection's own commits leave it
  // unchanged. Compare for equality only.
  virtual Result<int64_t> DataVersion() = 0;

  // The engine's tables in the same database; they share this store's transaction.
  virtual EngineStore& engine() = 0;
  // The portal's and the admin's tables, likewise (store/portal_store.h, settings_store.h).
  virtual PortalStore& portal() = 0;
  virtual SettingsStore& settings() = 0;
  // Delivery's tables, likewise (store/contact_store.h, outbox_store.h).
  virtual ContactStore& contacts() = 0;
  virtual OutboxStore& outbox() = 0;
  // The transparency log's tables (store/audit_store.h), likewise.
  virtual AuditStore& audit() = 0;
  // Consumers and consents (store/consent_store.h), likewise.
  virtual ConsentStore& consent() = 0;
};

// Runs `body` (returning Status) in a transaction of `store`: committed when the body succeeds,
// rolled back when it fails (and its error returned).
template <typename Body>
Status InTransaction(RegistryStore& store, Body&& body) {
  PROAKTIV_RETURN_IF_ERROR(store.Begin());
  Status done = body();
  if (!done) {
    (void)store.Rollback();
    return done;
  }
  return store.Commit();
}

// Commits to any SQLite database by any connection of this process so far, counted once each
// commit is visible to other connections (a WAL-mode database; others are not counted).
// Thread-safe and cheap (one atomic load): a reader that sees the count it read earlier knows
// that no connection of this process has committed in between.
int64_t CommitsInThisProcess();

// Opens (creating if needed) a SQLite database file in WAL mode and brings its schema up to
// date. `path` ":memory:" gives a private in-memory database.
Result<std::unique_ptr<RegistryStore>> OpenSqliteStore(const std::string& path);

}  // namespace proaktiv::store
