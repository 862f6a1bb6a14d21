#pragma once

// The SQLite SettingsStore over the registry store's connection.

#include <memory>

#include "common/result.h"
#include "store/settings_store.h"
#include "store/sqlite/database.h"

namespace proaktiv::store::sqlite {

// `db` must outlive the returned store.
Result<std::unique_ptr<SettingsStore>> MakeSqliteSettingsStore(Database& db);

}  // namespace proaktiv::store::sqlite
