#pragma once

// Reads feed lines (JSON lines, registry/feed_entry.h) from a stream and parses them on a thread
// of its own, so that reading and parsing overlap with applying entries to the store. Lines come
// out in input order, in chunks; blank lines are skipped but their bytes counted.
//
// The stream belongs to the reader's thread from construction until destruction. Destruction
// stops the thread at the next line it reads and joins it (a stream that blocks, such as a pipe
// whose writer stays open, delays that until the read returns). Next() is for one consumer
// thread.

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <istream>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "common/result.h"
#include "registry/feed_entry.h"

namespace proaktiv::intake {

struct ReadLine {
  std::string text;                   // the line as read (without the newline)
  Result<registry::FeedEntry> entry;  // text parsed, or why it could not be
  int64_t number = 0;                 // 1-based among the non-blank lines
  int64_t bytes_through = 0;          // input bytes consumed up to and including this line
};

class FeedReader {
 public:
  explicit FeedReader(std::istream& in, size_t lines_per_chunk = 256);
  ~FeedReader();
  FeedReader(const FeedReader&) = delete;
  FeedReader& operator=(const FeedReader&) = delete;

  // The next lines in input order; empty once the stream is exhausted.
  std::vector<ReadLine> Next();

 private:
  void Run(std::istream& in);

  const size_t lines_per_chunk_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<std::vector<ReadLine>> chunks_;  // at most kChunksAhead
  bool finished_ = false;                     // the thread has read the whole stream
  bool stop_ = false;                         // the consumer has gone
  std::thread thread_;
};

}  // namespace proaktiv::intake
