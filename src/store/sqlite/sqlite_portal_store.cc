#include "store/sqlite/sqlite_portal_store.h"

namespace proaktiv::store::sqlite {
namespace {

class SqlitePortalStore final : public PortalStore {
 public:
  explicit SqlitePortalStore(Database& db) : db_(db) {}

 private:
  [[maybe_unused]] Database& db_;
};

}  // namespace

Result<std::unique_ptr<PortalStore>> MakeSqlitePortalStore(Database& db) {
  return std::make_unique<SqlitePortalStore>(db);
}

}  // namespace proaktiv::store::sqlite
