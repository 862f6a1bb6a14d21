#include "http/api/api_context.h"

#include <map>
#include <utility>

namespace proaktiv::http::api {

ApiContext::ApiContext(std::string database_path, std::shared_ptr<const catalog::Catalog> catalog,
                       std::shared_ptr<const engine::ServiceLibrary> library, const Clock& clock,
                       ReadCache* read_cache)
    : database_path_(std::move(database_path)),
      catalog_(std::move(catalog)),
      library_(std::move(library)),
      clock_(&clock),
      read_cache_(read_cache) {}

Result<store::RegistryStore*> ApiContext::Store() const {
  // One connection per thread and database; kept for the thread's life.
  thread_local std::map<std::string, std::unique_ptr<store::RegistryStore>> connections;
  auto it = connections.find(database_path_);
  if (it == connections.end()) {
    PROAKTIV_ASSIGN_OR_RETURN(auto opened, store::OpenSqliteStore(database_path_));
    it = connections.emplace(database_path_, std::move(opened)).first;
  }
  return it->second.get();
}

}  // namespace proaktiv::http::api
