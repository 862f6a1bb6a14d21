#include "http/server/static_files.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

namespace proaktiv::http::server {
namespace {

namespace fs = std::filesystem;

constexpr uintmax_t kMaxFileBytes = 64 * 1024 * 1024;
constexpr std::string_view kImmutable = "public, max-age=31536000, immutable";
constexpr std::string_view kRevalidate = "no-cache";

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

}  // namespace

std::string_view StaticFiles::ContentType(std::string_view name) {
  static constexpr std::pair<std::string_view, std::string_view> kTypes[] = {
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".jpeg", "image/jpeg"},
      {".webp", "image/webp"},
      {".ico", "image/x-icon"},
      {".json", "application/json"},
      {".map", "application/json"},
      {".webmanifest", "application/manifest+json"},
      {".woff2", "font/woff2"},
      {".woff", "font/woff"},
      {".txt", "text/plain; charset=utf-8"},
  };
  for (const auto& [extension, type] : kTypes) {
    if (EndsWith(name, extension)) return type;
  }
  return "application/octet-stream";
}

bool StaticFiles::IsSafePath(std::string_view path) {
  if (path.empty() || path.front() != '/') return false;
  if (path.find('\\') != std::string_view::npos || path.find('\0') != std::string_view::npos) {
    return false;
  }
  size_t i = 0;
  while (i < path.size()) {
    const size_t end = std::min(path.find('/', i), path.size());
    const std::string_view segment = path.substr(i, end - i);
    if (segment == "." || segment == "..") return false;
    i = end + 1;
  }
  return true;
}

Result<std::unique_ptr<StaticFiles>> StaticFiles::Load(const std::string& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    return NotFound(fmt::format("static directory '{}' does not exist", dir));
  }
  auto files = std::make_unique<StaticFiles>();
  const fs::path root = fs::path(dir).lexically_normal();
  for (auto it = fs::recursive_directory_iterator(root, ec); !ec && it != fs::end(it);
       it.increment(ec)) {
    if (!it->is_regular_file(ec)) continue;
    if (it->file_size(ec) > kMaxFileBytes) {
      return InvalidArgument(
          fmt::format("static file '{}' is larger than 64 MiB", it->path().string()));
    }
    std::ifstream in(it->path(), std::ios::binary);
    if (!in) return Unavailable(fmt::format("cannot read '{}'", it->path().string()));
    std::ostringstream content;
    content << in.rdbuf();
    const std::string relative = it->path().lexically_relative(root).generic_string();
    const std::string key = "/" + relative;
    StaticFile file;
    file.content = std::move(content).str();
    file.content_type = ContentType(key);
    file.cache_control = key.starts_with("/assets/") ? kImmutable : kRevalidate;
    files->files_.emplace(key, std::move(file));
  }
  if (ec) return Unavailable(fmt::format("cannot list '{}': {}", dir, ec.message()));
  if (auto it = files->files_.find("/index.html"); it != files->files_.end()) {
    files->index_ = &it->second;
  }
  return files;
}

const StaticFile* StaticFiles::Find(std::string_view path) const {
  if (!IsSafePath(path)) return nullptr;
  if (path == "/") return index_;
  if (auto it = files_.find(path); it != files_.end()) return &it->second;
  if (path.starts_with("/assets/")) return nullptr;
  return index_;
}

}  // namespace proaktiv::http::server
