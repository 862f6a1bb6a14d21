#include "delivery/print_batch.h"

#include <fcntl.h>
#include <sodium.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <optional>
#include <sstream>

#include <fmt/format.h>
#include <boost/json.hpp>

namespace proaktiv::delivery {
namespace {

namespace fs = std::filesystem;
namespace json = boost::json;

Status SyncDirectory(const fs::path& directory) {
  const int fd = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY);
  if (fd < 0) return Unavailable(fmt::format("open {}: {}", directory.string(), strerror(errno)));
  const int rc = ::fsync(fd);
  ::close(fd);
  if (rc != 0) return Unavailable(fmt::format("fsync {}: {}", directory.string(), strerror(errno)));
  return {};
}

// Writes `contents` to a temporary file beside `path`, fsyncs it and renames it over `path`.
Status WriteAtomically(const fs::path& path, std::string_view contents) {
  const fs::path temporary = path.string() + ".tmp";
  const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return Unavailable(fmt::format("create {}: {}", temporary.string(), strerror(errno)));
  size_t written = 0;
  while (written < contents.size()) {
    const ssize_t n = ::write(fd, contents.data() + written, contents.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      const int error = errno;
      ::close(fd);
      return Unavailable(fmt::format("write {}: {}", temporary.string(), strerror(error)));
    }
    written += static_cast<size_t>(n);
  }
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    return Unavailable(fmt::format("fsync {}: {}", temporary.string(), strerror(errno)));
  }
  if (::rename(temporary.c_str(), path.c_str()) != 0) {
    return Unavailable(fmt::format("rename to {}: {}", path.string(), strerror(errno)));
  }
  return SyncDirectory(path.parent_path());
}

Result<std::optional<std::string>> ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    if (!fs::exists(path)) return std::optional<std::string>();
    return Unavailable(fmt::format("read {}", path.string()));
  }
  std::ostringstream text;
  text << in.rdbuf();
  return std::optional<std::string>(text.str());
}

Status MakeDirectory(const fs::path& directory) {
  std::error_code error;
  fs::create_directories(directory, error);
  if (error) return Unavailable(fmt::format("create {}: {}", directory.string(), error.message()));
  return {};
}

// The manifest of a day's directory; an empty one ({"date", "letters": []}) when there is none.
Result<json::object> ReadManifest(const fs::path& directory, CivilDate day) {
  const fs::path path = directory / "manifest.json";
  PROAKTIV_ASSIGN_OR_RETURN(std::optional<std::string> text, ReadFile(path));
  if (!text) return json::object{{"date", day.ToString()}, {"letters", json::array()}};
  boost::system::error_code error;
  json::value value = json::parse(*text, error);
  if (error || !value.is_object() || !value.as_object().contains("letters") ||
      !value.as_object().at("letters").is_array()) {
    return DataLoss(fmt::format("{} is not a batch manifest", path.string()));
  }
  return std::move(value.as_object());
}

bool ManifestHolds(const json::object& manifest, std::string_view key) {
  for (const json::value& letter : manifest.at("letters").as_array()) {
    const json::object* object = letter.if_object();
    if (object == nullptr) continue;
    const json::value* k = object->if_contains("key");
    if (k != nullptr && k->is_string() && k->as_string() == key) return true;
  }
  return false;
}

std::string Sha256Hex(std::string_view data) {
  unsigned char hash[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(hash, reinterpret_cast<const unsigned char*>(data.data()), data.size());
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, hash, sizeof hash);
  return hex;
}

json::object Envelope(const PostalAddress& address) {
  if (address.protected_address) {
    return {{"postal_code", address.postal_code}, {"protected", true}};
  }
  return {{"name", address.name},
          {"street", address.street},
          {"postal_code", address.postal_code},
          {"city", address.city},
          {"protected", false}};
}

}  // namespace

bool IsBatchKey(std::string_view key) {
  if (key.empty() || key.size() > 128 || key.front() == '.') return false;
  for (char c : key) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '.' || c == '_' || c == '-';
    if (!ok) return false;
  }
  return true;
}

Result<PrintBatchEntry> PrintBatch::Write(CivilDate day, const PrintLetter& letter) {
  if (!IsBatchKey(letter.key)) {
    return InvalidArgument(
        fmt::format("letter key '{}' must be 1 to 128 of A-Z a-z 0-9 . _ - and not start with '.'",
                    letter.key.substr(0, 140)));
  }
  std::lock_guard lock(mutex_);
  const fs::path index_directory = root_ / "keys";
  const fs::path index_path = index_directory / letter.key;
  PROAKTIV_ASSIGN_OR_RETURN(std::optional<std::string> indexed_day, ReadFile(index_path));
  if (indexed_day && *indexed_day != day.ToString()) {
    auto earlier = CivilDate::Parse(*indexed_day);
    if (earlier) {
      PROAKTIV_ASSIGN_OR_RETURN(json::object earlier_manifest,
                                ReadManifest(DayDirectory(*earlier), *earlier));
      if (ManifestHolds(earlier_manifest, letter.key)) {
        return PrintBatchEntry{.provider_id = earlier->ToString() + "/" + letter.key,
                               .already_committed = true};
      }
    }
    // Indexed but never committed (a crash before the manifest): write it to this day.
  }

  const fs::path directory = DayDirectory(day);
  PROAKTIV_RETURN_IF_ERROR(MakeDirectory(directory));
  PROAKTIV_RETURN_IF_ERROR(MakeDirectory(index_directory));
  const std::string file = letter.key + ".pdf";
  PROAKTIV_RETURN_IF_ERROR(WriteAtomically(directory / file, letter.pdf));
  PROAKTIV_RETURN_IF_ERROR(WriteAtomically(index_path, day.ToString()));

  if (manifest_day_ != day) {
    manifest_day_.reset();
    PROAKTIV_ASSIGN_OR_RETURN(manifest_, ReadManifest(directory, day));
    manifest_index_.clear();
    const json::array& letters = manifest_.at("letters").as_array();
    for (size_t i = 0; i < letters.size(); ++i) {
      const json::object* object = letters[i].if_object();
      const json::value* k = object != nullptr ? object->if_contains("key") : nullptr;
      if (k != nullptr && k->is_string()) manifest_index_[std::string(k->as_string())] = i;
    }
    manifest_["date"] = day.ToString();
    manifest_day_ = day;
  }
  json::object entry{{"key", letter.key},       {"file", file},
                     {"pages", letter.pages},   {"sha256", Sha256Hex(letter.pdf)},
                     {"sender", letter.sender}, {"envelope", Envelope(letter.address)}};
  json::array& letters = manifest_.at("letters").as_array();
  if (auto it = manifest_index_.find(letter.key); it != manifest_index_.end()) {
    letters[it->second] = std::move(entry);  // the same key again: replaced in place
  } else {
    manifest_index_.emplace(letter.key, letters.size());
    letters.push_back(std::move(entry));
  }
  if (auto written =
          WriteAtomically(directory / "manifest.json", json::serialize(manifest_) + "\n");
      !written) {
    manifest_day_.reset();  // memory is ahead of the disk: read it again next time
    return tl::unexpected(written.error());
  }
  return PrintBatchEntry{.provider_id = day.ToString() + "/" + letter.key,
                         .already_committed = false};
}

}  // namespace proaktiv::delivery
