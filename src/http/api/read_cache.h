#pragma once

// Answers to citizens' reads (their offers, their data, their preferences) kept in memory for
// as long as the database has not changed, so that a portal page reloaded or polled costs one
// version check instead of a dozen queries and a JSON rendering.
//
// Validity: every answer is stored with the database version read BEFORE the answer was
// computed, and the first lookup that sees a new version drops every entry. The version has two
// parts:
//   - this process's commits (store::CommitsInThisProcess, one atomic load): a commit by any
//     server thread is seen by every request that starts after it, so a citizen's own change
//     shows at once;
//   - other processes' commits (`proaktiv run`, `deliver`): the database's data_version,
//     read through the cache's own connection at most once per `external_check_interval`
//     (default 1 ms), so such a commit is seen by requests starting that long after it.
// An answer computed while a commit landed is therefore stored under the older version and is
// never served once the commit has been seen.
//
// Keys carry everything the answer depends on besides the database: the route, the day (ages
// and deadlines are relative to today), the citizen's identity number and the request's
// language choice. They are personal data; they stay in
// memory and are never logged.
//
// Thread-safe: one ReadCache is shared by every server thread.

#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "common/result.h"
#include "store/store.h"

namespace proaktiv::http::api {

class ReadCache {
 public:
  // Opens its own connection to `database_path`. Entries beyond `max_bytes` in total are
  // dropped all at once (the cache fills again with what is read).
  static Result<std::unique_ptr<ReadCache>> Open(
      const std::string& database_path, size_t max_bytes = 64u << 20,
      std::chrono::microseconds external_check_interval = std::chrono::milliseconds(1));

  // The database's version now (see above); pass it to Find and, when the answer had to be
  // computed, to Put.
  Result<int64_t> Version();
  // The answer stored under `key` at `version`, if any.
  std::optional<std::string> Find(const std::string& key, int64_t version);
  // Stores `body` for `key`, computed from the database as of `version`.
  void Put(std::string key, int64_t version, std::string body);

  struct Stats {
    int64_t hits = 0;
    int64_t misses = 0;
    size_t entries = 0;
  };
  Stats stats();

 private:
  ReadCache(std::unique_ptr<store::RegistryStore> watcher, size_t max_bytes,
            std::chrono::microseconds external_check_interval);
  // Drops every entry when `version` is not the one they were stored under. Requires mu_.
  void Advance(int64_t version);

  std::mutex watcher_mu_;  // the connection is used by one thread at a time
  std::unique_ptr<store::RegistryStore> watcher_;
  const std::chrono::steady_clock::duration external_check_interval_;
  // The data_version last read and when (steady clock, nanoseconds); written under watcher_mu_.
  std::atomic<int64_t> external_version_{0};
  std::atomic<int64_t> external_checked_at_{-(int64_t{1} << 62)};  // long ago

  std::mutex mu_;
  const size_t max_bytes_;
  int64_t version_ = -1;
  size_t bytes_ = 0;
  std::unordered_map<std::string, std::string> bodies_;
  Stats stats_;
};

// The key of a citizen read: route name, today (days since 1970-01-01), identity number and the
// language the request asks for (?lang= and Accept-Language), separated by a byte no part can
// contain.
std::string CitizenReadKey(std::string_view route, int32_t today, std::string_view pid,
                           std::string_view lang_param, std::string_view accept_language);

}  // namespace proaktiv::http::api
