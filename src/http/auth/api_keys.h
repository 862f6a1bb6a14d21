#pragma once

// API keys for municipality staff and systems. The keys file has one key per line:
//
//   # name          sha256-hex-of-the-key                                             scopes
//   oslo-admin      3f0a…(64 hex digits)…                                             admin:0301
//   intake-job      9b1c… intake,metrics
//
// Fields are separated by spaces or tabs; '#' starts a comment; blank lines are ignored.
// Scopes: "admin:<four-digit kommunenummer>", "admin:*", "intake", "metrics". Names are unique.
// Only the SHA-256 of a key is stored; a presented key is hashed and compared with every entry
// in constant time (sodium_memcmp), without stopping at the first match.
//
// MakeApiKey makes a new random key ("pk_" + 43 base64url characters, 256 bits) and the line
// to add to the file; the key is shown once and never stored in clear.
//
// Immutable after loading; thread-safe.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"

namespace proaktiv::http::auth {

struct ApiKeyEntry {
  std::string name;
  std::string hash;  // 32 raw bytes
  std::vector<std::string> scopes;
};

// Checks one scope's syntax; the error names it.
Status ValidateScope(std::string_view scope);

class ApiKeyRing {
 public:
  // Parses the file's text; `source` names it in errors ("keys.txt:3: …").
  static Result<ApiKeyRing> Parse(std::string_view text, std::string_view source);
  static Result<ApiKeyRing> Load(const std::string& path);

  // The entry whose hash matches `key`; nullopt when none.
  std::optional<ApiKeyEntry> Find(std::string_view key) const;
  size_t size() const { return entries_.size(); }

 private:
  std::vector<ApiKeyEntry> entries_;
};

struct NewApiKey {
  std::string key;   // give this to the user once
  std::string line;  // add this to the keys file
};

// `name`: letters, digits, '-', '_', '.'; `scopes`: at least one, each valid.
Result<NewApiKey> MakeApiKey(std::string_view name, const std::vector<std::string>& scopes);

}  // namespace proaktiv::http::auth
