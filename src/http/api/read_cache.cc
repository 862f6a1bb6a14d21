#include "http/api/read_cache.h"

#include <string>
#include <utility>

namespace proaktiv::http::api {

Result<std::unique_ptr<ReadCache>> ReadCache::Open(
    const std::string& database_path, size_t max_bytes,
    std::chrono::microseconds external_check_interval) {
  PROAKTIV_ASSIGN_OR_RETURN(auto watcher, store::OpenSqliteStore(database_path));
  return std::unique_ptr<ReadCache>(
      new ReadCache(std::move(watcher), max_bytes, external_check_interval));
}

ReadCache::ReadCache(std::unique_ptr<store::RegistryStore> watcher, size_t max_bytes,
                     std::chrono::microseconds external_check_interval)
    : watcher_(std::move(watcher)),
      external_check_interval_(external_check_interval),
      max_bytes_(max_bytes) {}

Result<int64_t> ReadCache::Version() {
  // This process's commits first: read before the external part, so that a commit between the
  // two reads shows in at least one of them.
  const int64_t local = store::CommitsInThisProcess();
  const int64_t now = std::chrono::steady_clock::now().time_since_epoch().count();
  const int64_t interval = external_check_interval_.count();
  if (now - external_checked_at_.load(std::memory_order_acquire) >= interval) {
    std::lock_guard lock(watcher_mu_);
    // Another thread may have read it meanwhile.
    if (now - external_checked_at_.load(std::memory_order_relaxed) >= interval) {
      PROAKTIV_ASSIGN_OR_RETURN(int64_t external, watcher_->DataVersion());
      external_version_.store(external, std::memory_order_relaxed);
      external_checked_at_.store(now, std::memory_order_release);
    }
  }
  const int64_t external = external_version_.load(std::memory_order_acquire);
  // Both counters stay far below 2^31 in a server's lifetime; the pair is one number.
  return (external << 32) ^ (local & 0xffffffff);
}

void ReadCache::Advance(int64_t version) {
  if (version == version_) return;
  bodies_.clear();
  bytes_ = 0;
  version_ = version;
}

std::optional<std::string> ReadCache::Find(const std::string& key, int64_t version) {
  std::lock_guard lock(mu_);
  Advance(version);
  auto it = bodies_.find(key);
  if (it == bodies_.end()) {
    ++stats_.misses;
    return std::nullopt;
  }
  ++stats_.hits;
  return it->second;
}

void ReadCache::Put(std::string key, int64_t version, std::string body) {
  std::lock_guard lock(mu_);
  // An answer computed before a change that a lookup has already seen is stale: drop it.
  if (version != version_) return;
  size_t size = key.size() + body.size();
  if (bytes_ + size > max_bytes_) {
    bodies_.clear();
    bytes_ = 0;
  }
  if (size > max_bytes_) return;
  auto [it, inserted] = bodies_.try_emplace(std::move(key), std::move(body));
  if (inserted) bytes_ += size;
}

ReadCache::Stats ReadCache::stats() {
  std::lock_guard lock(mu_);
  Stats s = stats_;
  s.entries = bodies_.size();
  return s;
}

std::string CitizenReadKey(std::string_view route, int32_t today, std::string_view pid,
                           std::string_view lang_param, std::string_view accept_language) {
  std::string key;
  std::string day = std::to_string(today);
  key.reserve(route.size() + day.size() + pid.size() + lang_param.size() + accept_language.size() +
              4);
  for (std::string_view part : {route, std::string_view(day), pid, lang_param}) {
    key.append(part);
    key.push_back('\0');
  }
  key.append(accept_language);
  return key;
}

}  // namespace proaktiv::http::api
