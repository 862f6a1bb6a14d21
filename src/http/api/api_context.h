#pragma once

// What the API handlers (src/http/api) share: the loaded service library and catalog, the
// clock, and a database connection per thread.
//
// Thread-safety: ApiContext is immutable after construction and shared by every server
// thread. Store() returns the calling thread's own connection to `database_path` (opened on
// first use and kept for the thread's life; SQLite in WAL mode lets them read concurrently
// and serialises writers with a busy timeout). Handlers that call Store() must be registered
// with RouteOptions::blocking = true. `read_cache` (optional, not owned, thread-safe) keeps
// citizens' read answers while the database is unchanged (http/api/read_cache.h).

#include <memory>
#include <string>

#include "catalog/catalog.h"
#include "common/clock.h"
#include "common/result.h"
#include "engine/service_bundle.h"
#include "http/api/read_cache.h"
#include "store/store.h"

namespace proaktiv::http::api {

class ApiContext {
 public:
  ApiContext(std::string database_path, std::shared_ptr<const catalog::Catalog> catalog,
             std::shared_ptr<const engine::ServiceLibrary> library, const Clock& clock,
             ReadCache* read_cache = nullptr);

  // The calling thread's connection (see above); an error when the database cannot be opened.
  Result<store::RegistryStore*> Store() const;

  const std::string& database_path() const { return database_path_; }
  const catalog::Catalog& catalog() const { return *catalog_; }
  const engine::ServiceLibrary& library() const { return *library_; }
  const Clock& clock() const { return *clock_; }
  ReadCache* read_cache() const { return read_cache_; }

 private:
  std::string database_path_;
  std::shared_ptr<const catalog::Catalog> catalog_;
  std::shared_ptr<const engine::ServiceLibrary> library_;
  const Clock* clock_;
  ReadCache* read_cache_;
};

}  // namespace proaktiv::http::api
