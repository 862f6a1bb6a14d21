#include "store/sqlite/sqlite_settings_store.h"

namespace proaktiv::store::sqlite {
namespace {

class SqliteSettingsStore final : public SettingsStore {
 public:
  explicit SqliteSettingsStore(Database& db) : db_(db) {}

 private:
  [[maybe_unused]] Database& db_;
};

}  // namespace

Result<std::unique_ptr<SettingsStore>> MakeSqliteSettingsStore(Database& db) {
  return std::make_unique<SqliteSettingsStore>(db);
}

}  // namespace proaktiv::store::sqlite
