#include "intake/feed_reader.h"

#include <utility>

namespace proaktiv::intake {
namespace {

constexpr size_t kChunksAhead = 8;  // bounds the memory read ahead of the consumer

bool IsBlank(const std::string& line) {
  return line.find_first_not_of(" \t\r") == std::string::npos;
}

}  // namespace

FeedReader::FeedReader(std::istream& in, size_t lines_per_chunk)
    : lines_per_chunk_(lines_per_chunk == 0 ? 1 : lines_per_chunk),
      thread_([this, &in] { Run(in); }) {}

FeedReader::~FeedReader() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  changed_.notify_all();
  thread_.join();
}

std::vector<ReadLine> FeedReader::Next() {
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [this] { return !chunks_.empty() || finished_; });
  if (chunks_.empty()) return {};
  std::vector<ReadLine> chunk = std::move(chunks_.front());
  chunks_.pop_front();
  lock.unlock();
  changed_.notify_all();
  return chunk;
}

void FeedReader::Run(std::istream& in) {
  int64_t number = 0;
  int64_t bytes = 0;
  std::vector<ReadLine> chunk;
  auto hand_over = [&]() -> bool {  // false: the consumer has gone
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [this] { return chunks_.size() < kChunksAhead || stop_; });
    if (stop_) return false;
    chunks_.push_back(std::move(chunk));
    chunk.clear();
    lock.unlock();
    changed_.notify_all();
    return true;
  };
  std::string line;
  bool more = true;
  while (more) {
    {
      std::lock_guard lock(mutex_);
      if (stop_) break;
    }
    chunk.reserve(lines_per_chunk_);
    while (chunk.size() < lines_per_chunk_) {
      if (!std::getline(in, line)) {
        more = false;
        break;
      }
      bytes += static_cast<int64_t>(line.size()) + 1;
      if (IsBlank(line)) continue;
      ReadLine read{std::move(line), {}, ++number, bytes};
      read.entry = registry::ParseFeedEntry(read.text);
      chunk.push_back(std::move(read));
      line = std::string();
    }
    if (!chunk.empty() && !hand_over()) break;
  }
  {
    std::lock_guard lock(mutex_);
    finished_ = true;
  }
  changed_.notify_all();
}

}  // namespace proaktiv::intake
