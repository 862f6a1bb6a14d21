#pragma once

// The SQLite PortalStore over the registry store's connection.

#include <memory>

#include "common/result.h"
#include "store/portal_store.h"
#include "store/sqlite/database.h"

namespace proaktiv::store::sqlite {

// `db` must outlive the returned store.
Result<std::unique_ptr<PortalStore>> MakeSqlitePortalStore(Database& db);

}  // namespace proaktiv::store::sqlite
