#pragma once

// The SQLite ConsentStore over the registry store's connection.

#include <memory>

#include "common/result.h"
#include "store/consent_store.h"
#include "store/sqlite/database.h"

namespace proaktiv::store::sqlite {

// `db` must outlive the returned store.
Result<std::unique_ptr<ConsentStore>> MakeSqliteConsentStore(Database& db);

}  // namespace proaktiv::store::sqlite
