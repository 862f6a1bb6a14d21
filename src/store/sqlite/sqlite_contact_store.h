#pragma once

// The SQLite ContactStore over the registry store's connection.

#include <memory>

#include "common/result.h"
#include "store/contact_store.h"
#include "store/sqlite/database.h"

namespace proaktiv::store::sqlite {

// `db` must outlive the returned store.
Result<std::unique_ptr<ContactStore>> MakeSqliteContactStore(Database& db);

}  // namespace proaktiv::store::sqlite
