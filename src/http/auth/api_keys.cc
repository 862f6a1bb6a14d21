#include "http/auth/api_keys.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "http/auth/crypto.h"

namespace proaktiv::http::auth {
namespace {

bool IsNameChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.';
}

Status ValidateName(std::string_view name) {
  if (name.empty() || name.size() > 64 || !std::all_of(name.begin(), name.end(), IsNameChar)) {
    return InvalidArgument(fmt::format(
        "key name \"{}\" must be 1–64 letters, digits, '-', '_' or '.'", name.substr(0, 64)));
  }
  return {};
}

Result<std::string> HexDecode(std::string_view hex) {
  auto value = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  if (hex.size() != 64) return InvalidArgument("the hash must be 64 hex digits (SHA-256)");
  std::string out;
  for (size_t i = 0; i < hex.size(); i += 2) {
    const int hi = value(hex[i]), lo = value(hex[i + 1]);
    if (hi < 0 || lo < 0) return InvalidArgument("the hash must be 64 hex digits (SHA-256)");
    out += static_cast<char>(hi * 16 + lo);
  }
  return out;
}

std::vector<std::string_view> SplitFields(std::string_view line) {
  std::vector<std::string_view> fields;
  size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    const size_t start = i;
    while (i < line.size() && line[i] != ' ' && line[i] != '\t') ++i;
    if (i > start) fields.push_back(line.substr(start, i - start));
  }
  return fields;
}

Result<std::vector<std::string>> ParseScopes(std::string_view text) {
  std::vector<std::string> scopes;
  while (true) {
    const size_t comma = text.find(',');
    std::string_view scope = text.substr(0, comma);
    PROAKTIV_RETURN_IF_ERROR(ValidateScope(scope));
    scopes.emplace_back(scope);
    if (comma == std::string_view::npos) break;
    text = text.substr(comma + 1);
  }
  return scopes;
}

}  // namespace

Status ValidateScope(std::string_view scope) {
  if (scope == "intake" || scope == "metrics" || scope == "admin:*") return {};
  if (scope.starts_with("admin:")) {
    std::string_view kommune = scope.substr(6);
    if (kommune.size() == 4 &&
        std::all_of(kommune.begin(), kommune.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      return {};
    }
  }
  return InvalidArgument(fmt::format(
      "scope \"{}\" is not one of admin:<four-digit kommunenummer>, admin:*, intake, metrics",
      scope.substr(0, 64)));
}

Result<ApiKeyRing> ApiKeyRing::Parse(std::string_view text, std::string_view source) {
  ApiKeyRing ring;
  int line_number = 0;
  while (!text.empty()) {
    const size_t newline = text.find('\n');
    std::string_view line = text.substr(0, newline);
    text = newline == std::string_view::npos ? std::string_view{} : text.substr(newline + 1);
    ++line_number;
    if (const size_t hash = line.find('#'); hash != std::string_view::npos) {
      line = line.substr(0, hash);
    }
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    const std::vector<std::string_view> fields = SplitFields(line);
    if (fields.empty()) continue;
    auto fail = [&](const Error& e) {
      return InvalidArgument(fmt::format("{}:{}: {}", source, line_number, e.message));
    };
    if (fields.size() != 3) {
      return fail(Error{
          ErrorCode::kInvalidArgument,
          fmt::format("expected 3 fields (name, sha256 hex, scopes), found {}", fields.size())});
    }
    ApiKeyEntry entry;
    entry.name = std::string(fields[0]);
    if (auto ok = ValidateName(entry.name); !ok) return fail(ok.error());
    auto hash = HexDecode(fields[1]);
    if (!hash) return fail(hash.error());
    entry.hash = std::move(*hash);
    auto scopes = ParseScopes(fields[2]);
    if (!scopes) return fail(scopes.error());
    entry.scopes = std::move(*scopes);
    for (const ApiKeyEntry& other : ring.entries_) {
      if (other.name == entry.name) {
        return fail(Error{ErrorCode::kInvalidArgument,
                          fmt::format("key name \"{}\" appears twice", entry.name)});
      }
      if (other.hash == entry.hash) {
        return fail(Error{ErrorCode::kInvalidArgument,
                          fmt::format("the key of \"{}\" is the same as that of \"{}\"", entry.name,
                                      other.name)});
      }
    }
    ring.entries_.push_back(std::move(entry));
  }
  return ring;
}

Result<ApiKeyRing> ApiKeyRing::Load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFound(fmt::format("cannot read the API keys file {}", path));
  std::stringstream text;
  text << in.rdbuf();
  return Parse(text.str(), path);
}

std::optional<ApiKeyEntry> ApiKeyRing::Find(std::string_view key) const {
  const std::string hash = Sha256(key);
  const ApiKeyEntry* found = nullptr;
  for (const ApiKeyEntry& entry : entries_) {
    // Every entry is compared, so the time does not reveal which one matched.
    if (ConstantTimeEqual(hash, entry.hash)) found = &entry;
  }
  if (found == nullptr) return std::nullopt;
  return *found;
}

Result<NewApiKey> MakeApiKey(std::string_view name, const std::vector<std::string>& scopes) {
  PROAKTIV_RETURN_IF_ERROR(ValidateName(name));
  if (scopes.empty()) return InvalidArgument("a key needs at least one scope");
  std::string joined;
  for (const std::string& scope : scopes) {
    PROAKTIV_RETURN_IF_ERROR(ValidateScope(scope));
    joined += (joined.empty() ? "" : ",") + scope;
  }
  NewApiKey out;
  out.key = "pk_" + RandomToken(32);
  out.line = fmt::format("{}\t{}\t{}", name, Sha256Hex(out.key), joined);
  return out;
}

}  // namespace proaktiv::http::auth
