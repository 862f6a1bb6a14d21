#pragma once

// The print provider's daily batch of letters: one directory per day under `root`,
//
//   root/2025-03-12/<idempotency key>.pdf     one print-ready letter (delivery/letter_pdf.h)
//   root/2025-03-12/manifest.json             what the provider prints and posts that day
//   root/keys/<idempotency key>               the day a key was written to (an index)
//
//   manifest.json: {"date": "2025-03-12", "letters": [
//     {"key": "...", "file": "<key>.pdf", "pages": 2, "sha256": "<hex of the PDF>",
//      "sender": "<kommune>", "envelope": {"name", "street", "postal_code", "city",
//                                          "protected": false}}, ...]}
//
// For a protected address the envelope holds only "postal_code" and "protected": true (the
// full address is printed inside the sealed letter's window, nowhere else).
//
// The manifest is the commit point: a PDF the manifest does not list is not part of the batch
// (the provider ignores it). Every file is written to a temporary name, fsynced and renamed,
// so a crash leaves either the old or the new version, never a torn one.
//
// Exactly-once: writing a key that is already in today's batch replaces its PDF and manifest
// entry (never a second entry). A key already committed to an earlier day's batch is not
// written again: Write returns that day's id, since that batch has gone (or will go) to print.
// Order of writes: PDF, then the key index, then the manifest; a crash anywhere in between
// leaves a key that is either committed to one batch or to none.
//
// The manifest of the day being written is kept in memory (read from disk on the day's first
// Write), so a day of n letters parses the manifest once, not n times; that is why one process,
// and one PrintBatch in it, writes a given root.
//
// Thread-safety: Write is serialised by a mutex.

#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <string>

#include <boost/json/object.hpp>

#include "common/civil_date.h"
#include "common/result.h"
#include "delivery/channel.h"

namespace proaktiv::delivery {

struct PrintLetter {
  std::string key{};  // the idempotency key: letters, digits, '.', '_', '-'; not starting with '.'
  std::string pdf{};
  int pages = 1;
  std::string sender{};  // the kommune's name
  PostalAddress address{};
};

struct PrintBatchEntry {
  std::string provider_id{};       // "2025-03-12/<key>"
  bool already_committed = false;  // true: an earlier day's batch holds it; nothing was written
};

class PrintBatch {
 public:
  explicit PrintBatch(std::filesystem::path root) : root_(std::move(root)) {}

  // Adds (or replaces) `letter` in `day`'s batch. kInvalidArgument naming the key when it is
  // not a safe file name; kUnavailable when a file cannot be written; kDataLoss when an
  // existing manifest is not the JSON above.
  Result<PrintBatchEntry> Write(CivilDate day, const PrintLetter& letter);

  std::filesystem::path DayDirectory(CivilDate day) const { return root_ / day.ToString(); }

 private:
  std::filesystem::path root_;
  std::mutex mutex_;
  // Guarded by mutex_: the manifest of `manifest_day_` as last written (none after a failure).
  std::optional<CivilDate> manifest_day_;
  boost::json::object manifest_;
  std::map<std::string, size_t, std::less<>> manifest_index_;  // key → position in "letters"
};

// True when `key` can be a file name in a batch (see PrintLetter::key), at most 128 characters.
bool IsBatchKey(std::string_view key);

}  // namespace proaktiv::delivery
