#pragma once

// Verified bearer tokens by the SHA-256 of their text → their claims, until they expire, so a
// token presented again costs a hash and a lookup instead of a signature check. The token text
// itself is not kept. At `capacity` entries, expired entries are dropped; if that is not
// enough, the whole cache is cleared (a burst of distinct tokens only costs re-verification).
// Thread-safe: lookups take a shared lock, inserts an exclusive one.

#include <chrono>
#include <optional>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "http/auth/id_token_claims.h"

namespace proaktiv::http::auth {

class TokenCache {
 public:
  using TimePoint = std::chrono::system_clock::time_point;

  explicit TokenCache(size_t capacity = 100000) : capacity_(capacity) {}

  // The claims of `token` if it was put and `now` is before its expiry.
  std::optional<IdTokenClaims> Find(std::string_view token, TimePoint now) const;
  void Put(std::string_view token, const IdTokenClaims& claims, TimePoint valid_until,
           TimePoint now);
  size_t size() const;

 private:
  struct Entry {
    IdTokenClaims claims;
    TimePoint valid_until;
  };
  const size_t capacity_;
  mutable std::shared_mutex mutex_;
  std::unordered_map<std::string, Entry> entries_;
};

}  // namespace proaktiv::http::auth
