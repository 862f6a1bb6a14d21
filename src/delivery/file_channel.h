#pragma once

// A development channel (endpoint "file:<path>"): appends each message as one JSON line to a
// file, the way a receiver would show it, and de-duplicates on the idempotency key like a real
// receiver: a key already in the file (read at start and remembered) is acknowledged with the
// same provider id and not written again. For the demo and tests, not for production.
// Thread-safe (a mutex guards the file and the key set).

#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "delivery/channel.h"

namespace proaktiv::delivery {

class FileChannel final : public Channel {
 public:
  // Reads the keys already in `path` (the file need not exist).
  static Result<std::unique_ptr<FileChannel>> Open(ChannelKind kind, const std::string& path);

  ChannelKind kind() const override { return kind_; }
  Result<SendReceipt> Send(const OutgoingMessage& message) override;

 private:
  FileChannel(ChannelKind kind, std::string path) : kind_(kind), path_(std::move(path)) {}

  ChannelKind kind_;
  std::string path_;
  std::mutex mu_;
  std::map<std::string, std::string> seen_;  // idempotency key → provider id
};

}  // namespace proaktiv::delivery
