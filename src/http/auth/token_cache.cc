#include "http/auth/token_cache.h"

#include <mutex>

#include "http/auth/crypto.h"

namespace proaktiv::http::auth {

std::optional<IdTokenClaims> TokenCache::Find(std::string_view token, TimePoint now) const {
  const std::string key = Sha256(token);
  std::shared_lock lock(mutex_);
  auto it = entries_.find(key);
  if (it == entries_.end() || now >= it->second.valid_until) return std::nullopt;
  return it->second.claims;
}

void TokenCache::Put(std::string_view token, const IdTokenClaims& claims, TimePoint valid_until,
                     TimePoint now) {
  std::string key = Sha256(token);
  std::unique_lock lock(mutex_);
  if (entries_.size() >= capacity_) {
    std::erase_if(entries_, [now](const auto& e) { return now >= e.second.valid_until; });
    if (entries_.size() >= capacity_) entries_.clear();
  }
  entries_.insert_or_assign(std::move(key), Entry{claims, valid_until});
}

size_t TokenCache::size() const {
  std::shared_lock lock(mutex_);
  return entries_.size();
}

}  // namespace proaktiv::http::auth
