#pragma once

// The built web app (index.html, assets/…), loaded into memory once and served for GET/HEAD
// of paths that no route matches and that are outside /api/ and /auth/ (see server.h).
//
// Lookup of a percent-decoded request path:
//   - a path with a "." or ".." segment, a backslash or a NUL byte is refused (IsSafePath);
//   - the exact file when it exists ("/" is index.html);
//   - a missing file under /assets/ is not found (a stale bundle must not get HTML back);
//   - anything else gets index.html: the single-page app routes in the browser.
// Files under assets/ (content-hashed by the build) are cached for a year ("immutable");
// everything else, index.html first, must be revalidated ("no-cache").
//
// Only files present at Load are served (no reload); requests can never reach a file outside
// the directory because nothing is read from disk after Load. Thread-safety: immutable after
// Load, so any number of threads may call Find at once.

#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "common/result.h"

namespace proaktiv::http::server {

struct StaticFile {
  std::string content;
  std::string_view content_type;
  std::string_view cache_control;
};

class StaticFiles {
 public:
  // Reads every regular file under `dir` (recursively). An error when `dir` is not a readable
  // directory; a missing index.html is allowed (then there is no SPA fallback).
  static Result<std::unique_ptr<StaticFiles>> Load(const std::string& dir);

  // The file to answer `path` with (see above), or nullptr.
  const StaticFile* Find(std::string_view path) const;

  // False for paths that must be refused outright (see above).
  static bool IsSafePath(std::string_view path);

  // "text/css; charset=utf-8" for "x.css", …; application/octet-stream when unknown.
  static std::string_view ContentType(std::string_view file_name);

  size_t size() const { return files_.size(); }

 private:
  std::map<std::string, StaticFile, std::less<>> files_;  // "/index.html", "/assets/app.js"
  const StaticFile* index_ = nullptr;
};

}  // namespace proaktiv::http::server
