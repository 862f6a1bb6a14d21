#pragma once

// Applies the population register's feed (JSON lines, see registry/feed_entry.h) to a store,
// exactly once. The consumer's sequence pointer is written in the same transaction as the
// changes it covers, so replaying a page, or restarting after a crash mid-page, applies nothing
// twice and loses nothing. Entries commit in batches.
//
// Ordering: an entry at or below the pointer that is already stored is a replay and is skipped;
// one that is not stored arrived out of order and is an error. Gaps in the sequence are counted.
// The first malformed or inapplicable entry stops intake with an error naming its sequence
// number; everything before it is committed. Unknown event types and entities are kept in the
// event log and reported, not dropped.
//
// Not thread-safe: one consumer per store object.

#include <cstdint>
#include <functional>
#include <istream>
#include <map>
#include <optional>
#include <string>

#include "common/result.h"
#include "store/store.h"

namespace proaktiv::intake {

struct IntakeOptions {
  std::string feed = "freg";
  size_t batch_size = 50000;  // entries per transaction
};

struct IntakeReport {
  int64_t lines = 0;     // non-blank lines read
  int64_t applied = 0;   // entries applied now
  int64_t replayed = 0;  // entries skipped because they were applied before
  int64_t created = 0;   // persons new to the registry
  int64_t corrections = 0;
  int64_t annulments = 0;
  int64_t moves_between = 0;  // residence moved to another kommune
  int64_t moves_within = 0;   // residence moved inside the same kommune
  int64_t gaps = 0;           // sequence numbers skipped by the feed
  int64_t last_sequence = 0;
  std::map<std::string, int64_t> by_type;
  std::map<std::string, int64_t> unknown_types;
  std::map<std::string, int64_t> unknown_entities;
  std::optional<Error> error;  // set when intake stopped at a bad entry
};

struct IntakeProgress {
  int64_t lines = 0;
  int64_t bytes = 0;
};

class FeedConsumer {
 public:
  FeedConsumer(store::RegistryStore& store, IntakeOptions options);

  // Reads `in` to the end (or to the first bad entry). A storage failure is returned as an
  // error; a bad entry is reported in IntakeReport::error after the entries before it have been
  // committed. `progress` (optional) is called every few thousand lines and after every committed
  // batch.
  Result<IntakeReport> Consume(std::istream& in,
                               const std::function<void(const IntakeProgress&)>& progress = {});

 private:
  class Batch;
  store::RegistryStore& store_;
  IntakeOptions options_;
};

}  // namespace proaktiv::intake
